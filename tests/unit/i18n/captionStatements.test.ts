import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/messages/en.json';
import { timelineFor } from '../../../src/procedure/timeline';

/*
 * The clinical claims the English captions must keep making. Each assertion names the statement it protects, so a
 * rewording that drops one says which.
 */
const MESSAGES: Record<string, string> = en;

/** A caption and its count variants (`<key>.one`, …): every wording a viewer can be shown. */
function wordings(key: string): [string, string][] {
  const entries = Object.entries(MESSAGES).filter(([k]) => k === key || k.replace(/\.\w+$/, '') === key);
  expect(entries.length, `${key} is missing`).toBeGreaterThan(0);
  return entries;
}

describe('kyphoplasty: balloons are deflated and removed before cement goes in', () => {
  const ids = timelineFor('kyphoplasty').steps.map((s) => s.id);

  it('balloon removal comes after inflation and before cement injection in the timeline', () => {
    const removal = ids.indexOf('balloon-removal');
    expect(removal, 'the kyphoplasty timeline has no balloon-removal step').toBeGreaterThanOrEqual(0);
    expect(removal, 'balloon removal must follow balloon inflation').toBeGreaterThan(
      ids.indexOf('balloon-inflation'),
    );
    expect(removal, 'balloon removal must come before cement injection').toBeLessThan(
      ids.indexOf('cement-injection'),
    );
  });

  it('the removal captions say the balloons are emptied and taken out', () => {
    for (const [key, text] of wordings('step.balloon-removal.plain')) {
      expect(text, `${key} no longer says the balloon is emptied`).toMatch(/\bemptied\b|\bdeflated\b/i);
      expect(text, `${key} no longer says the balloon is taken out`).toMatch(/taken out|removed|withdrawn/i);
      expect(text, `${key} no longer says this happens before the cement`).toMatch(/before[^.]*cement/i);
    }
    for (const [key, text] of wordings('step.balloon-removal.clinical')) {
      expect(text, `${key} no longer says the tamp is deflated`).toMatch(/\bdeflated\b/i);
      expect(text, `${key} no longer says the tamp is withdrawn`).toMatch(/withdrawn|removed/i);
    }
  });

  it('the removal captions say some of the height gained is lost, not all of it and not none', () => {
    // Some correction is lost on deflation (RESTORATION.keptAfterDeflation): most is kept, not all.
    for (const [key, text] of wordings('step.balloon-removal.plain'))
      expect(text, `${key} no longer says most of the height is kept`).toMatch(/keeps most of the height/i);
    for (const [key, text] of wordings('step.balloon-removal.clinical'))
      expect(text, `${key} no longer says some height is lost`).toMatch(/some of the height gained is lost/i);
  });
});

describe('cement injection stops short of the posterior wall', () => {
  it('the clinical caption says so', () => {
    for (const [key, text] of wordings('step.cement-injection.clinical')) {
      expect(text, `${key} no longer says cement stops short of the posterior wall`).toMatch(
        /short of the posterior (vertebral body )?wall/i,
      );
      expect(text, `${key} no longer says injection stops at any leak`).toMatch(/\bleak\b/i);
    }
  });
});

describe('the balloon is filled with contrast', () => {
  it('the plain caption says contrast dye, the clinical caption contrast', () => {
    for (const [key, text] of wordings('step.balloon-inflation.plain')) {
      expect(text, `${key} no longer says the balloon fills with contrast dye`).toMatch(/contrast dye/i);
    }
    for (const [key, text] of wordings('step.balloon-inflation.clinical')) {
      expect(text, `${key} no longer says inflation is with contrast`).toMatch(/\bcontrast\b/i);
    }
  });
});

describe('height restoration is modest', () => {
  const FULL_RESTORATION = [
    /\b(full|fully|complete|completely|total|totally|entire|entirely)\b[^.]*\b(restor\w*|height|reduc\w*|lift\w*)/i,
    /\b(restor\w*|reduc\w*|lift\w*)\b[^.]*\b(full|fully|complete|completely|total|totally)\b/i,
    /\bback to (its )?(normal|original|full)\b/i,
  ];

  it('no caption claims full or complete restoration', () => {
    const captions = Object.entries(MESSAGES).filter(
      ([key]) => key.startsWith('step.') || key.startsWith('caption.'),
    );
    for (const [key, text] of captions) {
      for (const claim of FULL_RESTORATION) {
        expect(text, `${key} claims full height restoration`).not.toMatch(claim);
      }
    }
  });

  it('the result caption calls the restoration modest or partial', () => {
    for (const [key, text] of wordings('step.result.clinical')) {
      expect(text, `${key} no longer says restoration is modest`).toMatch(/\b(modest|partial)\b/i);
    }
    for (const [key, text] of wordings('step.balloon-inflation.plain')) {
      expect(text, `${key} no longer says the balloon lifts the bone only a little`).toMatch(/a little/i);
    }
    for (const [key, text] of wordings('step.balloon-inflation.clinical')) {
      expect(text, `${key} no longer says endplate reduction is partial`).toMatch(/\bpartial\b/i);
    }
  });
});

describe('overview: the picture’s pale outline is named in the patient caption', () => {
  it('says the outline shows the normal height, in English and Spanish, for one bone and several', async () => {
    const es = (await import('../../../src/i18n/messages/es.json')).default as Record<string, string>;
    for (const [key, text] of wordings('step.overview.plain'))
      expect(text, `${key} no longer names the outline of the normal height`).toMatch(
        /pale outlines? shows? how tall/i,
      );
    for (const key of ['step.overview.plain', 'step.overview.plain.several'])
      expect(es[key], `${key} (es) no longer names the outline`).toMatch(
        /siluetas? claras? muestran? la altura/i,
      );
  });
});

describe('balloon inflation: the picture’s two lines are named in the patient caption', () => {
  it('says what the orange and the dashed line show, in English and Spanish, for one balloon and two', async () => {
    const es = (await import('../../../src/i18n/messages/es.json')).default as Record<string, string>;
    for (const key of ['step.balloon-inflation.plain', 'step.balloon-inflation.plain.one']) {
      expect(MESSAGES[key], `${key} no longer names the line`).toMatch(/orange line shows how tall/i);
      expect(es[key], `${key} (es) no longer names the line`).toMatch(
        /línea naranja muestra la altura normal/i,
      );
      // The dashed line: where the collapsed endplate was when the balloon went in (NormalShapeOutline.tsx).
      expect(MESSAGES[key], `${key} no longer names the dashed line`).toMatch(
        /dashed line shows where the bone was/i,
      );
      expect(es[key], `${key} (es) no longer names the dashed line`).toMatch(
        /línea discontinua muestra dónde estaba antes el hueso/i,
      );
    }
  });
});

describe('the kyphoplasty result: the picture’s two lines are named in its caption', () => {
  it('says what the dashed and the orange line show, in English and Spanish; vertebroplasty has no lines', async () => {
    const { stepCaption } = await import('../../../src/ui/stepCaption');
    const caption = (lang: string, procedure: 'kyphoplasty' | 'vertebroplasty') =>
      stepCaption({ lang, needles: 2, params: {}, procedure }, 'result', 'plain');
    expect(caption('en', 'kyphoplasty')).toMatch(/dashed line shows where the bone was before/i);
    expect(caption('en', 'kyphoplasty')).toMatch(/orange line shows how tall it should be/i);
    expect(caption('en', 'vertebroplasty')).not.toMatch(/line/i);
    // The Spanish sentence the same caption adds (the catalog's Spanish is loaded by the viewer when asked for).
    const es = (await import('../../../src/i18n/messages/es.json')).default as Record<string, string>;
    expect(es['result.lines.plain']).toMatch(/línea discontinua muestra dónde estaba antes el hueso/i);
    expect(es['result.lines.plain']).toMatch(/línea naranja muestra la altura normal/i);
  });
});

describe('access: the needles keep to the pedicles, away from the nerves', () => {
  it('the patient captions say the needles stay away from the nerves, in English and Spanish', async () => {
    const es = (await import('../../../src/i18n/messages/es.json')).default as Record<string, string>;
    for (const [key, text] of wordings('step.access.plain')) {
      expect(text, `${key} no longer says the needle goes through a tunnel of bone`).toMatch(
        /tunnel of bone/i,
      );
      expect(text, `${key} no longer says the needles stay away from the nerves`).toMatch(
        /away from the nerves/i,
      );
      expect(es[key], `${key} (es) no longer says the needles stay away from the nerves`).toMatch(
        /lejos de los nervios/i,
      );
    }
    for (const [key, text] of wordings('step.access.clinical'))
      expect(text, `${key} no longer keeps the tip lateral to the medial pedicle wall`).toMatch(
        /lateral to the medial (wall of its pedicle|pedicle wall)/i,
      );
  });
});
