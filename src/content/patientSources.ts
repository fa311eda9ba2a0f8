import type { MessageKey } from '../i18n/catalog';

/*
 * Where each statement of the patient panels comes from (patientInfo.ts lists the statements). Kept apart from the
 * content the viewer ships: the viewer shows the statements, not their citations, so these are read by the tests
 * (every statement has one) and by anyone checking the text, never downloaded by a patient's phone.
 *
 * `reference: true` marks a source listed in the project's medical reference (docs: medical-facts.md, §2.5 leakage,
 * §2.6 procedure time, §4 facts, §6 source index). `reference: false` marks a public source found for this panel
 * that the reference does not cover (candidacy, infection, bleeding, new fractures, recovery): these have been read
 * as abstracts or patient pages only and should be checked by a clinician before the text is changed.
 */

/** Where one statement comes from. */
export interface PatientSource {
  /** Citation: authors, journal or page, and an address or identifier. */
  source: string;
  /** Whether the source is in the project's medical reference (medical-facts.md), or was found for this panel. */
  reference: boolean;
}

const INDICATIONS_REVIEW =
  'Vertebroplasty: indications, contraindications, technique (Semin Intervent Radiol 2013; PMC3773069)';
const CHANDRA =
  'Chandra, Leslie-Mazwi, Rabinov, Yoo, Hirsch: Minimally invasive procedures for vertebral compression fractures (ch. 67; c.coek.info)';
const OSTEOLOGY_2022 =
  'Percutaneous vertebroplasty: indications, contraindications and technique (Osteology 2022; doi 10.3390/osteology2040017)';
const WAKEMED = 'WakeMed, Kyphoplasty: what to expect (wakemed.org patient page)';
const AZIPC = 'Integrated Pain Consultants, Recovery from kyphoplasty (azipc.com patient page)';
const VERTOS_NEW_FRACTURES =
  'Klazen et al., VERTOS II: vertebroplasty is not a risk factor for new osteoporotic compression fractures (AJNR 2010;31:1447)';
const YANG_2019 =
  'Yang, Yang, Liang: vertebroplasty does not increase new adjacent and nonadjacent fractures; low bone density is the main risk (J Spinal Disord Tech 2019; doi 10.1097/BSD.0000000000000734)';
const RADIOPAEDIA_LEAK =
  'Radiopaedia case 36855: paravertebral venous leak to the lungs, foraminal or epidural leak to the nerves (medical-facts.md §2.5)';

/** Every statement's source, by its catalog key. */
export const PATIENT_SOURCES: Partial<Record<MessageKey, PatientSource>> = {
  'patient.candidacy.recentFracture': {
    source: `${CHANDRA}; ${INDICATIONS_REVIEW}`,
    reference: false,
  },
  'patient.candidacy.triedFirst': {
    source: `${CHANDRA}: for fractures whose pain does not settle with medical therapy (most heal in 6–8 weeks)`,
    reference: false,
  },
  'patient.candidacy.notHealed': {
    source: `${INDICATIONS_REVIEW}; ${OSTEOLOGY_2022}`,
    reference: false,
  },
  'patient.candidacy.notInfection': {
    source: `${INDICATIONS_REVIEW}; ${OSTEOLOGY_2022}`,
    reference: false,
  },
  'patient.candidacy.notCanal': {
    source:
      'Perez et al., balloon kyphoplasty with posterior wall disruption (IJSS 2021;15:353): posterior-wall disruption is often taken as a contraindication (medical-facts.md §2.5)',
    reference: true,
  },
  'patient.risks.leakCommon': {
    source:
      'medical-facts.md §2.5: vertebroplasty 33 % of 660 vertebrae (Al-Ali, AJNR), up to 65 % on CT (VERTOS II leakage, Neuroradiology 2010); kyphoplasty 9 % of 157 levels (Perez, IJSS 15:353) to 40.1 % of 297 patients (PMC3395994); fewer with kyphoplasty (Papanastassiou 2012, PMC3459114) or similar (PMC3167445)',
    reference: true,
  },
  'patient.risks.leakSilent': {
    source:
      'medical-facts.md §4 fact 7 (leaks are common and mostly asymptomatic); Al-Ali, AJNR (no complications from leaks in 660 vertebrae); Perez, IJSS 15:353 (all leaks asymptomatic)',
    reference: true,
  },
  'patient.risks.nerveLung': {
    source: RADIOPAEDIA_LEAK,
    reference: true,
  },
  'patient.risks.infection': {
    source: INDICATIONS_REVIEW,
    reference: false,
  },
  'patient.risks.bleeding': {
    source: `${WAKEMED}: blood thinners stopped before`,
    reference: false,
  },
  'patient.risks.allergy': {
    source: 'Medtronic Kyphon IFU: allergy to contrast media is a contraindication (medical-facts.md §2.1)',
    reference: true,
  },
  'patient.risks.newFractures': {
    source: `${VERTOS_NEW_FRACTURES}: 15 of 91 patients after vertebroplasty, 21 of 85 after conservative care, no higher risk next to the treated bone; ${YANG_2019}`,
    reference: false,
  },
  'patient.risks.osteoporosis': {
    source: YANG_2019,
    reference: false,
  },
  'patient.recovery.anaesthesia': {
    source: `${AZIPC}: local or general anaesthesia; Paragon Health Group, Kyphoplasty (IV sedation or full sedation)`,
    reference: false,
  },
  'patient.recovery.realTime': {
    source:
      'medical-facts.md §2.6: single-level vertebroplasty 47 ± 13 min with one fluoroscope, 37 ± 8 min with two (BMC Musculoskelet Disord 2013;14:38); 30–60 min per level',
    reference: true,
  },
  'patient.recovery.walk': {
    source: `${WAKEMED}: lie still for some hours, then home`,
    reference: false,
  },
  'patient.recovery.home': {
    source: `${WAKEMED}: most go home the same day, some stay overnight`,
    reference: false,
  },
  'patient.recovery.painRelief': {
    source: `${AZIPC}: relief at once or about two days after`,
    reference: false,
  },
  'patient.recovery.lifting': {
    source: `${AZIPC}: no heavy lifting for six weeks or more; ${WAKEMED}`,
    reference: false,
  },
  'patient.recovery.warning': {
    source: `${RADIOPAEDIA_LEAK}; ${INDICATIONS_REVIEW} (infection): the signs of the complications above`,
    reference: false,
  },
};
