import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/messages/en.json';
import { CEMENT_SETTING_MINUTES, CEMENT_SETTING_TEXT } from '../../../src/procedure/cure';
import { createProcedureState } from '../../../src/procedure/procedureState';
import { stateAt } from '../../../src/procedure/stateAt';
import { timelineFor } from '../../../src/procedure/timeline';

const MESSAGES: Record<string, string> = en;
/** A text that speaks of the cement setting or hardening in a number of minutes. */
const SETTING_TIME = /\b(sets?|setting|hardens?|hard)\b[^.]*(\d|\{setting\})[^.]*\bmin/i;

describe('cement setting time: one sourced figure, quoted through {setting}', () => {
  it('the figure is the sourced 9–11 min', () => {
    expect(CEMENT_SETTING_MINUTES).toEqual({ min: 9, max: 11 });
    expect(CEMENT_SETTING_TEXT).toBe('9–11');
  });

  // Patient captions take no placeholders (catalog tests), so they name no figure at all.
  it('every English text that states a setting time uses {setting} and no literal number of minutes', () => {
    const stating = Object.entries(MESSAGES).filter(([, text]) => SETTING_TIME.test(text));
    expect(stating.map(([k]) => k)).toEqual(
      expect.arrayContaining(['step.cement-hardening.clinical', 'readout.cureMinutesOf']),
    );
    for (const [key, text] of stating) {
      expect(text, key).toContain('{setting}');
      expect(text.replace(/\{\w+\}/g, ''), `${key} has a literal number`).not.toMatch(/\d/);
    }
  });

  it('the hardening readout names the minute reached, then when the cement is hard (never two bare durations)', () => {
    // "8 min (sets in about 9–11 min)" read as two competing durations; the minute reached cannot.
    expect(MESSAGES['readout.cureMinutesOf']).toMatch(/^Minute \{minutes\} · hard at \{setting\} min$/);
    const es: Record<string, string> = JSON.parse(
      readFileSync(new URL('../../../src/i18n/messages/es.json', import.meta.url), 'utf8'),
    );
    expect(es['readout.cureMinutesOf']).toMatch(/^Minuto \{minutes\} · fragua: \{setting\} min$/);
  });

  it('the patient caption names no number of minutes', () => {
    expect(MESSAGES['step.cement-hardening.plain']).not.toMatch(/\d|ten|twenty/);
  });

  it('the README medical section quotes the same figure', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const medical = readme.slice(readme.indexOf('### Medical content'));
    const section = medical.slice(0, medical.indexOf('\n## '));
    expect(section).toContain(`${CEMENT_SETTING_TEXT} minutes`);
    expect(section).not.toMatch(/10[–-]20 min/);
  });

  it('the hardening step counts the simulated minutes up to the setting time', () => {
    const timeline = timelineFor('kyphoplasty');
    const s = stateAt(
      timeline,
      { level: 'L1', approach: 'bipedicular', grade: 2, morphology: 'wedge' },
      timeline.duration,
      createProcedureState(),
    );
    expect(s.cementMinutes).toBe(CEMENT_SETTING_MINUTES.max);
  });
});
