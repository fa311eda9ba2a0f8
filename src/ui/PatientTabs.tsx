import type { RefObject } from 'react';
import { PATIENT_SECTIONS, type PatientSectionId } from '../content/patientInfo';
import { useController, useSettings, useT } from '../playback/react/viewerHooks';

/**
 * The buttons that open the patient information ("Who is it for?", "Risks", "Recovery"): a row under the caption.
 * Each one toggles the `panel` option, the same as `?panel=risks` or the element's `panel` property.
 */
/** The buttons of each section, so that closing a panel can give focus back to the one that opened it. */
export type PatientButtons = RefObject<Partial<Record<PatientSectionId, HTMLButtonElement>>>;

export function PatientTabs({ buttons }: { buttons: PatientButtons }) {
  const controller = useController();
  const { panel } = useSettings();
  const t = useT();
  return (
    <nav
      className="spv-patient-tabs"
      aria-label={t('patient.tabs')}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && panel !== 'none') controller.setOption('panel', 'none');
      }}
    >
      {PATIENT_SECTIONS.map((section) => (
        <button
          key={section.id}
          type="button"
          className="spv-button spv-patient-tab"
          data-panel={section.id}
          aria-expanded={panel === section.id}
          aria-controls={panel === section.id ? 'spv-patient-panel' : undefined}
          ref={(el) => {
            if (buttons.current && el) buttons.current[section.id] = el;
          }}
          onClick={() => controller.setOption('panel', panel === section.id ? 'none' : section.id)}
        >
          {t(section.button)}
        </button>
      ))}
    </nav>
  );
}
