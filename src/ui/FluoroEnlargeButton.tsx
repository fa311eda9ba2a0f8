import type { Ref } from 'react';
import { Icon } from './icons';
import { useT } from '../playback/react/viewerHooks';

/** FluoroEnlargeButtonProps: which way the button goes, what a press does, and the element FluoroOverlay places. */
export interface FluoroEnlargeButtonProps {
  /** `enlarge` on the 3D view's X-ray inset; `back` on the whole-stage X-ray it opened. */
  direction: 'enlarge' | 'back';
  onPress: () => void;
  ref: Ref<HTMLButtonElement>;
}

/**
 * On a small screen the 3D view's X-ray inset is a thumbnail: this corner button opens it over the whole stage
 * (the `fluoro` view) and, there, takes the viewer back to the 3D view. Hidden until FluoroOverlay places it on its
 * panel, from the same layout as the panel.
 */
export function FluoroEnlargeButton({ direction, onPress, ref }: FluoroEnlargeButtonProps) {
  const t = useT();
  const label = t(direction === 'enlarge' ? 'fluoro.enlarge' : 'fluoro.back3d');
  return (
    <button
      ref={ref}
      type="button"
      className={`spv-button spv-fluoro-enlarge spv-fluoro-enlarge-${direction}`}
      aria-label={direction === 'enlarge' ? label : undefined}
      title={label}
      onClick={onPress}
      hidden
    >
      <Icon name={direction === 'enlarge' ? 'enlarge' : 'shrink'} />
      {/* The way back is named in words: it is the one control on a whole-stage picture. */}
      {direction === 'back' && <span>{label}</span>}
    </button>
  );
}
