import { useEffect, useRef, type KeyboardEvent } from 'react';
import { formatTime } from './formatTime';
import { Icon } from './icons';
import { stepTitle } from './stepTitle';
import stepsCss from './styles/steps.css?inline';
import { usePartStyles } from './usePartStyles';
import { useController, useCurrentStepKey, useSettings, useT } from '../playback/react/viewerHooks';

/** StepListProps: the drawer listing every step; choosing one jumps to it. */
export interface StepListProps {
  /** Called after a step is chosen, and by Close or Escape: the owner then closes the drawer. */
  onChoose?: () => void;
}

/** The keys that move between the step buttons, as in a disclosure navigation menu. */
const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * A disclosure (the Steps button shows and hides it; WAI-ARIA APG "disclosure navigation"): a labelled list of
 * step buttons, the current one marked. Opening moves focus to the current step; ↑/↓/Home/End move between steps;
 * Escape or Close shuts it, and so does a choice. Focus then goes back to whatever opened it (the Steps button), so
 * a keyboard user never lands at the top of the page.
 */
export function StepList({ onChoose }: StepListProps) {
  const controller = useController();
  const current = useCurrentStepKey();
  useSettings();
  const t = useT();
  const timeline = controller.getTimeline();
  const list = useRef<HTMLElement>(null);
  usePartStyles(list, stepsCss);

  useEffect(() => {
    const nav = list.current;
    if (!nav) return;
    // Who opened the list (the Steps button): focus goes back there when it closes, by any means.
    const root = nav.getRootNode() as Document | ShadowRoot;
    const opener = root.activeElement instanceof HTMLElement ? root.activeElement : null;
    nav.querySelector<HTMLElement>('[aria-current="step"]')?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onChoose?.();
      return;
    }
    const move = MOVES[event.key];
    if (!move) return;
    const buttons = Array.from(list.current?.querySelectorAll<HTMLElement>('.spv-step') ?? []);
    const index = buttons.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    // Handled here: the viewer-wide keys (Home = start of the procedure) must not act as well.
    event.preventDefault();
    event.stopPropagation();
    buttons[move(index, buttons.length)]?.focus();
  };

  return (
    <nav
      ref={list}
      className="spv-steps"
      id="spv-step-list"
      aria-label={t('controls.stepList')}
      onKeyDown={onKeyDown}
    >
      <div className="spv-steps-head">
        <h2 className="spv-steps-title">{t('controls.stepList')}</h2>
        <button type="button" className="spv-button spv-steps-close" onClick={() => onChoose?.()}>
          <Icon name="close" />
          <span>{t('a11y.close')}</span>
        </button>
      </div>
      <ol>
        {timeline.steps.map((step) => (
          <li key={step.key}>
            <button
              type="button"
              className="spv-step"
              aria-current={step.key === current ? 'step' : undefined}
              onClick={() => {
                controller.seekStep(step.key);
                onChoose?.();
              }}
            >
              <span className="spv-step-number">{step.index + 1}</span>
              <span className="spv-step-title">{stepTitle(t, step, timeline.levels.length)}</span>
              <span className="spv-step-time">{formatTime(step.start)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
