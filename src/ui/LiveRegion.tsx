import { stepSentence } from './stepSentence';
import { useController, useCurrentStep, useSettings } from '../playback/react/viewerHooks';

/**
 * Announces the step to screen readers when it changes: its title and its caption, the same sentence narration
 * speaks (once per step, never per frame), so a listener hears what a reader sees.
 */
export function LiveRegion() {
  const controller = useController();
  const step = useCurrentStep();
  // The sentence is in the viewer's language and the audience's register: a change of either re-renders it.
  useSettings();
  return (
    <div className="spv-sr-only" role="status" aria-live="polite" aria-atomic="true">
      {stepSentence(controller, step).text}
    </div>
  );
}
