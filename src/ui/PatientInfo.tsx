import { useEffect, useRef, type KeyboardEvent } from 'react';
import { patientSection, type PatientSectionId } from '../content/patientInfo';
import { useController, useT } from '../playback/react/viewerHooks';
import type { PatientButtons } from './PatientTabs';
import { ShowLeakButton } from './ShowLeakButton';

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
