import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { Icon } from './icons';
import { useT } from '../playback/react/viewerHooks';

/** MoreButtonProps: whether the menu is open, how to toggle it, and the button's ref (focus returns to it). */
export interface MoreButtonProps {
  open: boolean;
  onToggle: () => void;
  buttonRef: RefObject<HTMLButtonElement | null>;
}

/** The button that shows the folded controls of a small viewer (language, link, speed, view toggles). */
export function MoreButton({ open, onToggle, buttonRef }: MoreButtonProps) {
  const t = useT();
  return (
    <button
      ref={buttonRef}
      type="button"
      className="spv-button spv-more-toggle"
      aria-expanded={open}
      aria-controls="spv-more"
      onClick={onToggle}
    >
      <Icon name="more" />
      <span>{t('layout.more')}</span>
    </button>
  );
}

/** MorePanelProps: the folded controls, and how to close the panel (Escape, Close). */
export interface MorePanelProps {
  onClose: () => void;
  buttonRef: RefObject<HTMLButtonElement | null>;
  children: ReactNode;
}

/**
 * The folded controls in a row of their own under the control bar (a disclosure, not a floating menu: it takes
 * its own space, so it never covers the 3D view, the X-ray or the caption). Opening it moves focus to its first
 * control; Escape or Close gives focus back to the More button.
 */
export function MorePanel({ onClose, buttonRef, children }: MorePanelProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button, select, input')?.focus();
  }, []);
  const close = () => {
    onClose();
    buttonRef.current?.focus();
  };
  return (
    <div
      id="spv-more"
      ref={ref}
      className="spv-more"
      role="group"
      aria-label={t('layout.moreLabel')}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        close();
      }}
    >
      {children}
      <button type="button" className="spv-button spv-more-close" onClick={close}>
        {t('layout.close')}
      </button>
    </div>
  );
}
