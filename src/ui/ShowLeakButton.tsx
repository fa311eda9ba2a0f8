import { LEAK_SHOWN_STEP_PROGRESS } from '../procedure/complications';
import { findStep } from '../procedure/timeline';
import { useController, useT } from '../playback/react/viewerHooks';

/**
 * "Show a cement leak" under the risks: turns on the venous leak (the commonest route, and the one that can reach
 * the lungs) and goes to the moment in the cement injection when the leak has grown, so the patient sees what the
 * risk text describes. Closes the panel so the picture has the room.
 */
export function ShowLeakButton() {
  const controller = useController();
  const t = useT();
  const show = () => {
    controller.setOption('complication', 'venous');
    const step = findStep(controller.getTimeline(), 'cement-injection');
    if (step) {
      controller.pause();
      controller.seek(step.start + (step.end - step.start) * LEAK_SHOWN_STEP_PROGRESS);
    }
    controller.setOption('panel', 'none');
  };
  return (
    <button type="button" className="spv-button spv-show-leak" onClick={show}>
      {t('complication.showLeak')}
    </button>
  );
}
