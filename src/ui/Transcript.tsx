import { useMemo } from 'react';
import { PATIENT_SECTIONS } from '../content/patientInfo';
import { createProcedureState } from '../procedure/procedureState';
import { stateAt } from '../procedure/stateAt';
import { captionParams } from './captionParams';
import { procedureCaptionParams } from './procedureCaptionParams';
import { captionContext, stepCaption } from './stepCaption';
import { stepTitle } from './stepTitle';
import { useController, useCurrentStepKey, useSettings, useT } from '../playback/react/viewerHooks';

/**
 * The whole procedure as text, step by step, in the audience's register: what the viewer shows when there is no
 * 3D (no WebGL, or a graphics failure), and a complete alternative for screen-reader users.
 */
export function Transcript() {
  const controller = useController();
  const settings = useSettings();
  const current = useCurrentStepKey();
  const t = useT();
  const register = settings.audience === 'clinician' ? 'clinical' : 'plain';
  const timeline = controller.getTimeline();
  const options = controller.procedureOptions();
  // The text tells the whole procedure, so its figures are the result's, never those of the current moment.
  const result = useMemo(
    () => stateAt(timeline, options, timeline.duration, createProcedureState()),
    [timeline, options],
  );
  const procedureParams = procedureCaptionParams(settings, t);
  const contextOf = (step: (typeof timeline.steps)[number]) =>
    captionContext(settings, { ...captionParams(settings, result, t, step), ...procedureParams });
  return (
    <section className="spv-transcript" aria-labelledby="spv-transcript-title">
      <h2 id="spv-transcript-title">{t(`procedure.${settings.procedure}`)}</h2>
      <ol>
        {timeline.steps.map((step) => (
          <li key={step.key} aria-current={step.key === current ? 'step' : undefined}>
            <h3>{stepTitle(t, step, timeline.levels.length)}</h3>
            <p>{stepCaption(contextOf(step), step.id, register)}</p>
          </li>
        ))}
      </ol>
      {/* After the steps: who it is for, the risks, the day and recovery. */}
      {PATIENT_SECTIONS.map((section) => (
        <section key={section.id} className="spv-transcript-patient" data-section={section.id}>
          <h3>{t(section.title)}</h3>
          <ul>
            {section.items.map((item) => (
              <li key={item.key}>{t(item.key)}</li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
