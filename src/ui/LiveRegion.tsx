import { useCurrentStep, useT } from '../playback/react/viewerHooks';

/** Announces the step title to screen readers when the step changes (once per step, never per frame). */
export function LiveRegion() {
  const step = useCurrentStep();
  const t = useT();
  return (
    <div className="spv-sr-only" role="status" aria-live="polite" aria-atomic="true">
      {t(`step.${step}.title`)}
    </div>
  );
}
