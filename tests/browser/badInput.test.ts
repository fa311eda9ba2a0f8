import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite';
import { collectErrors, waitForViewerReady } from './support/browser';

const suite = browserSuite();

/*
 * A small page: what is checked here (notices, defaults, no markup, a drawn frame) does not depend on the size,
 * and software GL spends its time on pixels (a 640×480 page costs about four times the GPU time of this one).
 */
const SMALL = { width: 320, height: 240 };

const PWN_IMG = '<img src=x onerror="window.__pwned=1">';
const PWN_SCRIPT = '"><script>window.__pwned=1</script>';
const PWN_SVG = '<svg onload="window.__pwned=1">';
const LONG = 'L'.repeat(10_240);

type State = {
  level: string;
  grade: number;
  procedure: string;
  time: number;
  step: string;
  morphology: string;
  approach: string;
};

/** [name, raw query string (values already in URL form), a notice is expected, optional check of the state]. */
const URL_CASES: [string, string, boolean, ((s: State) => boolean)?][] = [
  ['unknown procedure', 'procedure=foo', true, (s) => s.procedure === 'kyphoplasty'],
  ['procedure in capitals', 'procedure=VERTEBROPLASTY', false, (s) => s.procedure === 'vertebroplasty'],
  ['empty procedure', 'procedure=', true],
  ['level X9', 'level=X9', true, (s) => s.level === 'L1'],
  ['level L6', 'level=L6', true, (s) => s.level === 'L1'],
  ['level T0', 'level=T0', true],
  ['level C7', 'level=C7', true],
  ['level lower case', 'level=l2', false, (s) => s.level === 'L2'],
  ['level with image markup', `level=${encodeURIComponent(PWN_IMG)}`, true],
  ['grade 0', 'grade=0', true, (s) => s.grade === 2],
  ['grade 4', 'grade=4', true],
  ['grade 2.5', 'grade=2.5', true],
  ['grade NaN', 'grade=NaN', true],
  ['grade negative', 'grade=-1', true],
  ['grade huge', 'grade=999999999999999999999', true],
  ['unknown morphology', 'morphology=squash', true, (s) => s.morphology === 'wedge'],
  ['unknown approach', 'approach=tripedicular', true, (s) => s.approach === 'bipedicular'],
  ['unknown step', 'step=nope', true, (s) => s.step === 'overview'],
  [
    'kyphoplasty-only step in vertebroplasty',
    'procedure=vertebroplasty&step=balloon-inflation',
    true,
    (s) => s.step === 'cement-injection',
  ],
  ['step with closing script tag', `step=${encodeURIComponent('</script>')}`, true],
  ['step 10 kB', `step=${LONG}`, true],
  ['negative time', 't=-5', true, (s) => s.time === 0],
  ['time past the end', 't=99999', true, (s) => s.time > 60 && s.step === 'result'],
  ['time NaN', 't=NaN', true, (s) => s.time === 0],
  ['time text', 't=abc', true],
  ['time exponent', 't=1e3', true],
  ['time Infinity', 't=Infinity', true],
  ['time empty', 't=', true],
  ['time hex', 't=0x10', true],
  ['time overflow', 't=1e309', true],
  ['time and t together (time wins)', 'time=12&t=40', false, (s) => s.time === 12],
  ['autoplay maybe', 'autoplay=maybe', true],
  ['loop 2', 'loop=2', true],
  ['rate 3', 'rate=3', true],
  ['rate 0', 'rate=0', true],
  ['rate negative', 'rate=-1', true],
  ['unknown language', 'lang=xx', true],
  ['language with script', `lang=${encodeURIComponent(PWN_SCRIPT)}`, true],
  ['language in capitals', 'lang=EN', false],
  ['unknown audience', 'audience=doctor', true],
  ['unknown view', 'view=4d', true],
  ['unknown controls', 'controls=some', true],
  ['unknown polarity', 'polarity=purple', true],
  [
    'repeated level: the first wins',
    `level=L2&level=${encodeURIComponent(PWN_SVG)}`,
    false,
    (s) => s.level === 'L2',
  ],
  ['level 10 kB', `level=${LONG}`, true],
  ['procedure with a NUL character', 'procedure=vertebroplasty%00', true],
  ['level with a right-to-left override', 'level=%E2%80%AEL1', true],
  ['javascript: URL as a procedure', `procedure=${encodeURIComponent('javascript:window.__pwned=1')}`, true],
  ['unknown parameter is ignored', 'foo=bar&baz=%3Cb%3E', false],
  [
    'everything wrong at once',
    `procedure=x&level=y&grade=z&morphology=q&approach=r&step=s&t=-1&autoplay=u&loop=v&rate=w&lang=zz&audience=a&view=b&controls=c`,
    true,
    (s) => s.level === 'L1' && s.procedure === 'kyphoplasty' && s.time === 0,
  ],
];

/** [name, attributes, a notice is expected]. */
const ATTRIBUTE_CASES: [string, Record<string, string>, boolean][] = [
  ['attribute level with image markup', { level: PWN_IMG }, true],
  ['attribute grade seven', { grade: 'seven' }, true],
  ['attribute negative time', { time: '-1' }, true],
  ['attribute step with quotes', { step: `'; window.__pwned=1; '` }, true],
  ['attribute svg in audience', { audience: PWN_SVG }, true],
  ['attribute rate NaN', { rate: 'NaN' }, true],
  ['attribute 10 kB lang', { lang: LONG }, true],
  [
    'valid attributes give no notice',
    { procedure: 'vertebroplasty', level: 'T12', view: 'split', controls: 'minimal' },
    false,
  ],
];

async function noticeTexts(page: Page): Promise<string[]> {
  return page.locator('spine-procedure-viewer .spv-notice').allTextContents();
}

async function assertHealthy(
  page: Page,
  errors: string[],
  name: string,
  expectNotice: boolean,
): Promise<string[]> {
  await waitForViewerReady(page);
  const notices = await noticeTexts(page);
  if (expectNotice) expect(notices.length, `${name}: a visible notice`).toBeGreaterThan(0);
  else expect(notices, `${name}: no notice`).toEqual([]);
  for (const n of notices) expect(n.length, `${name}: notices stay short`).toBeLessThan(300);
  expect(await page.locator('spine-procedure-viewer canvas').count(), `${name}: a rendered frame`).toBe(1);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    `${name}: no script ran`,
  ).toBeUndefined();
  expect(
    await page
      .locator(
        'spine-procedure-viewer img, spine-procedure-viewer script, spine-procedure-viewer svg:not(.spv-icon, .spv-fluoro-glyph)',
      )
      .count(),
  ).toBe(0);
  expect(errors, `${name}: no uncaught error`).toEqual([]);
  return notices;
}

describe('bad input never breaks the viewer', () => {
  it(`${URL_CASES.length} malformed URLs`, async () => {
    const context = await suite.browser.newContext({ viewport: SMALL });
    const page = await context.newPage();
    const errors = collectErrors(page);
    for (const [name, query, expectNotice, check] of URL_CASES) {
      await page.goto(`${suite.origin}/index.html?${query}`);
      await assertHealthy(page, errors, name, expectNotice);
      if (check) {
        const state = (await page.evaluate(() =>
          (
            document.querySelector('spine-procedure-viewer') as HTMLElement & { getState(): unknown }
          ).getState(),
        )) as State;
        expect(check(state), `${name}: state ${JSON.stringify(state).slice(0, 200)}`).toBe(true);
      }
    }
    await context.close();
    // Fifty fresh page loads: about 1–2 s apiece in software GL at this size on a 2-core runner.
  }, 480_000);

  it(`${ATTRIBUTE_CASES.length} malformed attribute sets, and a bad attribute set later`, async () => {
    const context = await suite.browser.newContext({ viewport: SMALL });
    const page = await context.newPage();
    const errors = collectErrors(page);
    for (const [name, attributes, expectNotice] of ATTRIBUTE_CASES) {
      // The standalone page's element is replaced by one built from the attributes alone.
      await page.goto(`${suite.origin}/index.html`);
      await page.evaluate((attrs) => {
        const old = document.querySelector('spine-procedure-viewer')!;
        const el = document.createElement('spine-procedure-viewer');
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        old.replaceWith(el);
      }, attributes);
      await assertHealthy(page, errors, name, expectNotice);
    }
    const changed = await page.evaluate(async () => {
      const el = document.querySelector('spine-procedure-viewer') as HTMLElement & {
        getState(): { level: string };
      };
      const seen: string[] = [];
      el.addEventListener('error', (e) =>
        seen.push((e as unknown as CustomEvent<{ type: string }>).detail.type),
      );
      el.setAttribute('level', '<b>bogus</b>');
      return { seen, level: el.getState().level };
    });
    expect(changed).toEqual({ seen: ['invalidinput'], level: 'T12' });
    await context.close();
  }, 300_000);
});
