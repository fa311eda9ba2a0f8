import type { MessageKey } from '../i18n/catalog';
import type { PatientPanel } from '../options/optionValues';

/*
 * "The whole story for patients": who the procedure is for, its risks, and the day and recovery. The words live in
 * the message catalogs (one key per item, in every language); this file holds which items each section has;
 * where each fact comes from is in patientSources.ts (not shipped: the viewer shows the facts, not the citations).
 */

/** One statement of a section: its catalog key (its source: PATIENT_SOURCES in patientSources.ts). */
export interface PatientItem {
  key: MessageKey;
}

export type PatientSectionId = Exclude<PatientPanel, 'none'>;

export interface PatientSection {
  id: PatientSectionId;
  /** The button that opens the section. */
  button: MessageKey;
  /** The section's heading. */
  title: MessageKey;
  items: readonly PatientItem[];
}

export const PATIENT_SECTIONS: readonly PatientSection[] = [
  {
    id: 'candidacy',
    button: 'patient.candidacy.button',
    title: 'patient.candidacy.title',
    items: [
      { key: 'patient.candidacy.recentFracture' },
      { key: 'patient.candidacy.triedFirst' },
      { key: 'patient.candidacy.notHealed' },
      { key: 'patient.candidacy.notInfection' },
      { key: 'patient.candidacy.notCanal' },
    ],
  },
  {
    id: 'risks',
    button: 'patient.risks.button',
    title: 'patient.risks.title',
    items: [
      { key: 'patient.risks.leakCommon' },
      { key: 'patient.risks.leakSilent' },
      { key: 'patient.risks.nerveLung' },
      { key: 'patient.risks.infection' },
      { key: 'patient.risks.bleeding' },
      { key: 'patient.risks.allergy' },
      { key: 'patient.risks.newFractures' },
      { key: 'patient.risks.osteoporosis' },
    ],
  },
  {
    id: 'recovery',
    button: 'patient.recovery.button',
    title: 'patient.recovery.title',
    items: [
      { key: 'patient.recovery.anaesthesia' },
      { key: 'patient.recovery.realTime' },
      { key: 'patient.recovery.walk' },
      { key: 'patient.recovery.home' },
      { key: 'patient.recovery.painRelief' },
      { key: 'patient.recovery.lifting' },
      { key: 'patient.recovery.warning' },
    ],
  },
];

/** The section a panel value opens. */
export function patientSection(id: PatientSectionId): PatientSection {
  return PATIENT_SECTIONS.find((s) => s.id === id)!;
}
