import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { vertebraLandmarks } from '../../../src/anatomy/vertebraLandmarks';
import { accessPlan, instrumentDiameterMm, tipAt } from '../../../src/procedure/accessPath';
import { instrumentSet, KYPHOPLASTY_CANNULA_MM } from '../../../src/procedure/instruments';
import { APPROACHES } from '../../../src/procedure/types';
import en from '../../../src/i18n/messages/en.json';

const MESSAGES: Record<string, string> = en;

describe('instrument sizes by procedure', () => {
  it.each(LEVEL_IDS)('%s: vertebroplasty keeps an 11/13 G needle, no guide pin, no cannula', (level) => {
    const width = vertebraLandmarks(level).pedicleLeft.widthMm;
    const set = instrumentSet('vertebroplasty', width);
    expect([11, 13]).toContain(set.accessNeedle.gauge);
    expect(set.accessNeedle.outerDiameterMm).toBe(set.accessNeedle.gauge === 11 ? 3.05 : 2.41);
    expect(set.guidePin).toBe(false);
    expect(set.workingCannulaMm).toBeNull();
    expect(set.pedicleInstrumentMm).toBe(set.accessNeedle.outerDiameterMm);
  });

  it.each(LEVEL_IDS)(
    '%s: kyphoplasty uses access needle, guide pin and a 3–4.2 mm working cannula',
    (level) => {
      const width = vertebraLandmarks(level).pedicleLeft.widthMm;
      const set = instrumentSet('kyphoplasty', width);
      expect(set.guidePin).toBe(true);
      expect(set.workingCannulaMm).not.toBeNull();
      expect(set.workingCannulaMm!).toBeGreaterThanOrEqual(3);
      expect(set.workingCannulaMm!).toBeLessThanOrEqual(4.2);
      expect(set.workingCannulaMm!, 'the cannula is wider than an 11 G needle').toBeGreaterThan(3.05);
      expect(set.workingCannulaMm!, 'the cannula must fit the pedicle').toBeLessThan(width);
      expect(set.pedicleInstrumentMm).toBe(set.workingCannulaMm);
    },
  );

  it('narrow pedicles (T4–T6) take the reduced (Express) cannula, lumbar levels the standard one', () => {
    for (const level of ['T4', 'T5', 'T6'] as const) {
      const width = vertebraLandmarks(level).pedicleLeft.widthMm;
      expect(instrumentSet('kyphoplasty', width).workingCannulaMm, level).toBe(
        KYPHOPLASTY_CANNULA_MM.express,
      );
    }
    for (const level of ['L1', 'L3', 'L5'] as const) {
      const width = vertebraLandmarks(level).pedicleLeft.widthMm;
      expect(instrumentSet('kyphoplasty', width).workingCannulaMm, level).toBe(
        KYPHOPLASTY_CANNULA_MM.standard,
      );
    }
  });

  const cases = LEVEL_IDS.flatMap((level) => APPROACHES.map((approach) => [level, approach] as const));
  it.each(cases)(
    '%s %s: the drawn instrument follows the procedure and the KP cannula stays in the pedicle',
    (level, approach) => {
      const marks = vertebraLandmarks(level);
      for (const needle of accessPlan(level, approach).needles) {
        const set = instrumentSet('kyphoplasty', marks.pedicleLeft.widthMm);
        expect(instrumentDiameterMm(needle, 'kyphoplasty')).toBe(set.workingCannulaMm);
        expect(instrumentDiameterMm(needle, 'vertebroplasty')).toBe(set.accessNeedle.outerDiameterMm);
        const pedicle = needle.side === 'left' ? marks.pedicleLeft : marks.pedicleRight;
        const radius = needle.workingCannulaMm / 2;
        const tip: [number, number, number] = [0, 0, 0];
        for (let i = 0; i <= 200; i++) {
          tipAt(needle, (needle.posteriorWallDepthMm * i) / 200, tip);
          const dx = tip[0] - pedicle.center[0];
          const dz = tip[2] - pedicle.center[2];
          const along = dx * pedicle.axis[0] + dz * pedicle.axis[2];
          if (Math.abs(along) > pedicle.lengthMm / 2) continue;
          const off = Math.hypot(dx - along * pedicle.axis[0], dz - along * pedicle.axis[2]);
          expect(off + radius, `${level} ${approach} ${needle.side} at step ${i}`).toBeLessThanOrEqual(
            pedicle.widthMm / 2 + 1e-9,
          );
        }
      }
    },
  );
});

describe('English captions name the instruments of each procedure', () => {
  it('kyphoplasty names the access needle, guide pin and working cannula; vertebroplasty the gauge needle', () => {
    const kp = MESSAGES['caption.instruments.kyphoplasty']!;
    expect(kp).toMatch(/access needle/);
    expect(kp).toMatch(/guide pin/);
    expect(kp).toMatch(/\{cannula\} mm working cannula/);
    const vp = MESSAGES['caption.instruments.vertebroplasty']!;
    expect(vp).toMatch(/\{gauge\}-gauge vertebroplasty needle/);
    expect(vp).not.toMatch(/cannula|guide pin/);
  });

  it('no step caption hard-codes a needle gauge', () => {
    for (const [key, text] of Object.entries(MESSAGES)) {
      if (!key.startsWith('step.')) continue;
      expect(text, key).not.toMatch(/\b(8|10|11|13|15)[- ]?(G|gauge)\b/i);
    }
  });
});
