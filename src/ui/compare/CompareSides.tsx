import { findStep } from '../../procedure/timeline';
import { COMPARE_FACTS } from '../../procedure/compareFacts';
import ViewerCanvas from '../../scene/ViewerCanvas';
import {
  useController,
  useCurrentStep,
  useSettings,
  useT,
  ViewerContext,
} from '../../playback/react/viewerHooks';
import { CompareInfo } from './CompareInfo';
import { useOtherSide } from './useOtherSide';

/**
 * The compare view's extra parts (their own chunk, loaded when the view is chosen): the other procedure's canvas
 * and heading, the main procedure's heading, and the difference sentence at the result. The main canvas stays
 * where it is; the stage's grid (compare.css) puts kyphoplasty on the left (top when stacked) whichever is main.
 */
export default function CompareSides() {
  const main = useController();
  const other = useOtherSide(main);
  const step = useCurrentStep();
  const { procedure } = useSettings();
  const t = useT();
  // Only the main procedure can have a step the other lacks (kyphoplasty's drill and balloon steps).
  const held = !findStep(other.getTimeline(), step);
  const note = held ? t(step === 'drilling' ? 'compare.noDrill' : 'compare.noBalloon') : null;
  return (
    <>
      <CompareInfo note={null} />
      <ViewerContext.Provider value={other}>
        <div className="spv-compare-canvas" data-procedure={other.getSettings().procedure}>
          <ViewerCanvas />
        </div>
        <CompareInfo note={note} />
      </ViewerContext.Provider>
      {step === 'result' && (
        // Focusable and named: on a phone the passage scrolls, and a keyboard must be able to scroll it.
        <p
          className="spv-compare-difference"
          data-main={procedure}
          tabIndex={0}
          role="region"
          aria-label={t('compare.label')}
        >
          {t('compare.result', { pct: COMPARE_FACTS.vertebroplastyLeakPct })}
        </p>
      )}
    </>
  );
}
