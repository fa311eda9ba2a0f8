import { captionParams } from './captionParams';
import { useController, useCurrentStep, useSettings, useT } from '../playback/react/viewerHooks';

/**
 * The whole procedure as text, step by step, in the audience's register: what the viewer shows when there is no
 * 3D (no WebGL, or a graphics failure), and a complete alternative for screen-reader users.
 */
export function Transcript() {
  const controller = useController();
  const settings = useSettings();
  const current = useCurrentStep();
  const t = useT();
  const register = settings.audience === 'clinician' ? 'clinical' : 'plain';
  const params = captionParams(settings, controller.state, t);
  return (
    <section className="spv-transcript" aria-label={t('controls.transcript')}>
      <h2>{t(`procedure.${settings.procedure}`)}</h2>
      <ol>
        {controller.getTimeline().steps.map((step) => (
          <li key={step.id} aria-current={step.id === current ? 'step' : undefined}>
            <h3>{t(`step.${step.id}.title`)}</h3>
            <p>{t(`step.${step.id}.${register}`, params)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
