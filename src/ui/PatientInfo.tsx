import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { PATIENT_SECTIONS, patientSection, type PatientSectionId } from '../content/patientInfo';
import { useController, useSettings, useT } from '../playback/react/viewerHooks';
import { ShowLeakButton } from './ShowLeakButton';

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

/** PatientPanelProps: the open section, and the buttons focus goes back to when it closes. */
export interface PatientPanelProps {
  id: PatientSectionId;
  buttons: PatientButtons;
}

/**
 * The open section in its own row of the layout (never over the 3D view, the X-ray or the controls). Opening it
 * from a button moves focus into it; Close or Escape closes it and gives focus back to the button that opened it.
 */
export function PatientPanel({ id, buttons }: PatientPanelProps) {
  const controller = useController();
  const t = useT();
  const section = patientSection(id);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    // Only when a button of the viewer opened it: a page that starts with ?panel=risks keeps its focus.
    const root = ref.current?.getRootNode() as Document | ShadowRoot | undefined;
    const active = root?.activeElement;
    if (active instanceof HTMLElement && active.classList.contains('spv-patient-tab')) ref.current?.focus();
  }, [id]);
  const close = () => {
    const button = buttons.current?.[id];
    controller.setOption('panel', 'none');
    button?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };
  return (
    <section
      ref={ref}
      id="spv-patient-panel"
      className="spv-patient-panel"
      data-panel={id}
      aria-labelledby="spv-patient-panel-title"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="spv-patient-head">
        <h2 id="spv-patient-panel-title">{t(section.title)}</h2>
        <button type="button" className="spv-button spv-patient-close" onClick={close}>
          {t('patient.close')}
        </button>
      </div>
      {/* Above the list, so it is in view without scrolling. */}
      {id === 'risks' && <ShowLeakButton />}
      <ul>
        {section.items.map((item) => (
          <li key={item.key}>{t(item.key)}</li>
        ))}
      </ul>
    </section>
  );
}
