import { describe, expect, it } from 'vitest';
import { displayValue } from '../../../src/options/displayValue';
import { DEFAULT_OPTIONS, OPTION_KEYS, type ViewerOptions } from '../../../src/options/optionSchema';
import {
  noticeText,
  parseOptions,
  rawOptionsFromSearch,
  startTimeOf,
  type RawOptions,
} from '../../../src/options/parseOptions';
import { findStep, timelineFor } from '../../../src/procedure/timeline';
import { stepLanding } from '../../../src/procedure/stepNavigation';

const KP_END = timelineFor('kyphoplasty').duration;
const VP_END = timelineFor('vertebroplasty').duration;

function texts(raw: RawOptions): string[] {
  return parseOptions(raw).notices.map((n) => noticeText(n, 'en'));
}

type Case = [name: string, raw: RawOptions, expected: Partial<ViewerOptions>, messages: string[]];

const A40 = 'A'.repeat(40);

const CASES: Case[] = [
  // procedure
  [
    'unknown procedure',
    { procedure: 'stenting' },
    { procedure: 'kyphoplasty' },
    ['Ignored procedure "stenting": use kyphoplasty or vertebroplasty. Using kyphoplasty.'],
  ],
  ['procedure in another case', { procedure: 'Vertebroplasty' }, { procedure: 'vertebroplasty' }, []],
  // level
  [
    'level X9',
    { level: 'X9' },
    { level: 'L1' },
    ['Ignored level "X9": use a level from T1 to L5. Using L1.'],
  ],
  [
    'level T0',
    { level: 'T0' },
    { level: 'L1' },
    ['Ignored level "T0": use a level from T1 to L5. Using L1.'],
  ],
  [
    'level L6',
    { level: 'L6' },
    { level: 'L1' },
    ['Ignored level "L6": use a level from T1 to L5. Using L1.'],
  ],
  [
    'level S1',
    { level: 'S1' },
    { level: 'L1' },
    ['Ignored level "S1": use a level from T1 to L5. Using L1.'],
  ],
  [
    'level C7',
    { level: 'C7' },
    { level: 'L1' },
    ['Ignored level "C7": use a level from T1 to L5. Using L1.'],
  ],
  ['empty level', { level: '' }, { level: 'L1' }, ['Ignored level "": use a level from T1 to L5. Using L1.']],
  ['level in lower case', { level: 'l1' }, { level: 'L1' }, []],
  ['level t12 with spaces', { level: ' t12 ' }, { level: 'T12' }, []],
  ['level T1', { level: 'T1' }, { level: 'T1' }, []],
  ['level L5', { level: 'L5' }, { level: 'L5' }, []],
  // grade
  ['grade 0', { grade: '0' }, { grade: 2 }, ['Ignored grade "0": use grade 1, 2 or 3. Using 2.']],
  ['grade 4', { grade: '4' }, { grade: 2 }, ['Ignored grade "4": use grade 1, 2 or 3. Using 2.']],
  ['grade 2.5', { grade: '2.5' }, { grade: 2 }, ['Ignored grade "2.5": use grade 1, 2 or 3. Using 2.']],
  ['grade two', { grade: 'two' }, { grade: 2 }, ['Ignored grade "two": use grade 1, 2 or 3. Using 2.']],
  ['grade 3', { grade: '3' }, { grade: 3 }, []],
  ['grade 1', { grade: '1' }, { grade: 1 }, []],
  // morphology / approach
  [
    'unknown morphology',
    { morphology: 'burst' },
    { morphology: 'wedge' },
    ['Ignored morphology "burst": use wedge, biconcave or crush. Using wedge.'],
  ],
  ['morphology in capitals', { morphology: 'CRUSH' }, { morphology: 'crush' }, []],
  [
    'unknown approach',
    { approach: 'extrapedicular' },
    { approach: 'bipedicular' },
    ['Ignored approach "extrapedicular": use bipedicular or unipedicular. Using bipedicular.'],
  ],
  ['unipedicular', { approach: 'unipedicular' }, { approach: 'unipedicular' }, []],
  // complication
  [
    'unknown complication',
    { complication: 'bogus' },
    { complication: 'none' },
    ['Ignored complication "bogus": use none, venous, disc, epidural, foraminal or soft-tissue. Using none.'],
  ],
  ['complication soft-tissue', { complication: 'Soft-Tissue' }, { complication: 'soft-tissue' }, []],
  // time
  [
    'negative time',
    { time: '-5' },
    { time: 0 },
    [`The time -5 is outside this procedure (0–${KP_END} s). Using 0 s.`],
  ],
  [
    'time past the end',
    { time: '500' },
    { time: KP_END },
    [`The time 500 is outside this procedure (0–${KP_END} s). Using ${KP_END} s.`],
  ],
  [
    'time past the end of vertebroplasty',
    { procedure: 'vertebroplasty', time: '100' },
    { procedure: 'vertebroplasty', time: VP_END },
    [`The time 100 is outside this procedure (0–${VP_END} s). Using ${VP_END} s.`],
  ],
  ['time NaN', { time: 'NaN' }, { time: null }, ['Ignored time "NaN": use a number of seconds. Using 0.']],
  ['time abc', { time: 'abc' }, { time: null }, ['Ignored time "abc": use a number of seconds. Using 0.']],
  ['time 1e3', { time: '1e3' }, { time: null }, ['Ignored time "1e3": use a number of seconds. Using 0.']],
  ['empty time', { time: '' }, { time: null }, ['Ignored time "": use a number of seconds. Using 0.']],
  [
    'time Infinity',
    { time: 'Infinity' },
    { time: null },
    ['Ignored time "Infinity": use a number of seconds. Using 0.'],
  ],
  ['time 0x10', { time: '0x10' }, { time: null }, ['Ignored time "0x10": use a number of seconds. Using 0.']],
  ['time 40s', { time: '40s' }, { time: null }, ['Ignored time "40s": use a number of seconds. Using 0.']],
  ['time 12.5', { time: '12.5' }, { time: 12.5 }, []],
  ['time with spaces', { time: ' 40 ' }, { time: 40 }, []],
  ['time 0', { time: '0' }, { time: 0 }, []],
  // step
  [
    'unknown step',
    { step: 'stitching' },
    { step: null },
    ['Ignored step "stitching": use a step name from the step list. Using the first step.'],
  ],
  ['step in another case', { step: 'Balloon-Inflation' }, { step: 'balloon-inflation' }, []],
  [
    'drilling asked of vertebroplasty',
    { procedure: 'vertebroplasty', step: 'drilling' },
    { procedure: 'vertebroplasty', step: 'cement-injection' },
    ['The step "drilling" is not part of Vertebroplasty. Starting at "Filling with bone cement".'],
  ],
  [
    'balloon-inflation asked of vertebroplasty',
    { procedure: 'vertebroplasty', step: 'balloon-inflation' },
    { procedure: 'vertebroplasty', step: 'cement-injection' },
    ['The step "balloon-inflation" is not part of Vertebroplasty. Starting at "Filling with bone cement".'],
  ],
  ['drilling in kyphoplasty', { step: 'drilling' }, { step: 'drilling' }, []],
  // markup and oversize values are shown as plain, shortened text
  [
    'markup level',
    { level: '<img src=x onerror=alert(1)>' },
    { level: 'L1' },
    ['Ignored level "<img src=x onerror=alert(1)>": use a level from T1 to L5. Using L1.'],
  ],
  [
    'long markup procedure',
    { procedure: '<img src=x onerror=alert(1)><script>alert("xss")</script>' },
    { procedure: 'kyphoplasty' },
    [
      'Ignored procedure "<img src=x onerror=alert(1)><script>aler…": use kyphoplasty or vertebroplasty. Using kyphoplasty.',
    ],
  ],
  [
    '10 kB value',
    { lang: 'A'.repeat(10_000) },
    { lang: 'en' },
    [`Ignored lang "${A40}…": use an available language. Using en.`],
  ],
  // booleans
  ['autoplay present without value', { autoplay: '' }, { autoplay: true }, []],
  ['autoplay true', { autoplay: 'true' }, { autoplay: true }, []],
  ['autoplay 1', { autoplay: '1' }, { autoplay: true }, []],
  ['autoplay yes', { autoplay: 'yes' }, { autoplay: true }, []],
  ['autoplay TRUE', { autoplay: 'TRUE' }, { autoplay: true }, []],
  ['autoplay false', { autoplay: 'false' }, { autoplay: false }, []],
  ['autoplay 0', { autoplay: '0' }, { autoplay: false }, []],
  ['autoplay no', { autoplay: 'no' }, { autoplay: false }, []],
  [
    'autoplay maybe',
    { autoplay: 'maybe' },
    { autoplay: false },
    ['Ignored autoplay "maybe": use true or false. Using false.'],
  ],
  ['loop yes', { loop: 'yes' }, { loop: true }, []],
  ['loop 0', { loop: '0' }, { loop: false }, []],
  [
    'loop maybe',
    { loop: 'maybe' },
    { loop: false },
    ['Ignored loop "maybe": use true or false. Using false.'],
  ],
  // rate
  ['rate 0.5', { rate: '0.5' }, { rate: 0.5 }, []],
  ['rate 1', { rate: '1' }, { rate: 1 }, []],
  ['rate 2', { rate: '2' }, { rate: 2 }, []],
  ['rate 2x', { rate: '2x' }, { rate: 2 }, []],
  ['rate 0.5X', { rate: '0.5X' }, { rate: 0.5 }, []],
  ['rate 3', { rate: '3' }, { rate: 1 }, ['Ignored rate "3": use 0.5, 1 or 2. Using 1.']],
  ['rate fast', { rate: 'fast' }, { rate: 1 }, ['Ignored rate "fast": use 0.5, 1 or 2. Using 1.']],
  // lang, audience, view, controls
  ['lang en', { lang: 'en' }, { lang: 'en' }, []],
  ['lang EN', { lang: 'EN' }, { lang: 'en' }, []],
  [
    'unknown lang',
    { lang: 'xx' },
    { lang: 'en' },
    ['Ignored lang "xx": use an available language. Using en.'],
  ],
  ['audience clinician', { audience: 'Clinician' }, { audience: 'clinician' }, []],
  [
    'unknown audience',
    { audience: 'doctor' },
    { audience: 'patient' },
    ['Ignored audience "doctor": use patient or clinician. Using patient.'],
  ],
  ['view split', { view: 'split' }, { view: 'split' }, []],
  ['view 3D', { view: '3D' }, { view: '3d' }, []],
  ['view ap', { view: 'ap' }, { view: 'ap' }, []],
  ['view lateral', { view: 'LATERAL' }, { view: 'lateral' }, []],
  [
    'unknown view',
    { view: 'vr' },
    { view: '3d' },
    ['Ignored view "vr": use 3d, fluoro, ap, lateral, split or compare. Using 3d.'],
  ],
  ['controls minimal', { controls: 'minimal' }, { controls: 'minimal' }, []],
  [
    'unknown controls',
    { controls: 'some' },
    { controls: 'full' },
    ['Ignored controls "some": use full, minimal or none. Using full.'],
  ],
  [
    'unknown polarity',
    { polarity: 'purple' },
    { polarity: 'bone-white' },
    ['Ignored polarity "purple": use bone-white or bone-black. Using bone-white.'],
  ],
  ['polarity in another case', { polarity: 'Bone-Black' }, { polarity: 'bone-black' }, []],
  // several at once, in option order
  [
    'several bad values',
    { level: 'S1', grade: '9', rate: '4' },
    { level: 'L1', grade: 2, rate: 1 },
    [
      'Ignored level "S1": use a level from T1 to L5. Using L1.',
      'Ignored grade "9": use grade 1, 2 or 3. Using 2.',
      'Ignored rate "4": use 0.5, 1 or 2. Using 1.',
    ],
  ],
];

describe('parseOptions: values, defaults and notices', () => {
  it.each(CASES)('%s', (_name, raw, expected, messages) => {
    const { options } = parseOptions(raw);
    expect(options, 'parsed options').toEqual({ ...DEFAULT_OPTIONS, ...expected });
    expect(texts(raw), 'notice texts').toEqual(messages);
  });

  it('no inputs give the defaults and no notices', () => {
    expect(parseOptions({})).toEqual({ options: DEFAULT_OPTIONS, notices: [] });
  });

  it('null inputs count as absent', () => {
    const raw: RawOptions = {};
    for (const name of OPTION_KEYS) raw[name] = null;
    expect(parseOptions(raw)).toEqual({ options: DEFAULT_OPTIONS, notices: [] });
  });

  it('never mutates DEFAULT_OPTIONS', () => {
    const before = { ...DEFAULT_OPTIONS };
    parseOptions({ level: 'T4', procedure: 'vertebroplasty', autoplay: 'yes', time: '5' });
    expect(DEFAULT_OPTIONS).toEqual(before);
  });

  it('each notice names the option it is about', () => {
    const { notices } = parseOptions({ level: 'S1', grade: '9', view: 'vr', time: 'abc', step: 'nope' });
    // In the schema's order.
    expect(notices.map((n) => n.option)).toEqual(['level', 'grade', 'step', 'time', 'view']);
  });

  it('the fallback a notice announces is the value actually used', () => {
    const raw: RawOptions = {
      procedure: 'x',
      level: 'x',
      grade: 'x',
      morphology: 'x',
      approach: 'x',
      audience: 'x',
      view: 'x',
      controls: 'x',
      rate: 'x',
      autoplay: 'x',
      loop: 'x',
      lang: 'x',
    };
    const { options, notices } = parseOptions(raw);
    expect(notices).toHaveLength(Object.keys(raw).length);
    for (const notice of notices) {
      expect(notice.key).toBe('notice.invalid');
      const used = options[notice.option];
      expect(String(notice.params.fallback), `${notice.option}: announced vs used`).toBe(String(used));
    }
  });

  it('markup in a value is passed through as text, never escaped or interpreted', () => {
    const markup = '<img src=x onerror=alert(1)>';
    const { notices } = parseOptions({ level: markup });
    expect(notices[0]!.params.value, 'the raw text, unchanged').toBe(markup);
    expect(noticeText(notices[0]!, 'en')).not.toContain('&lt;');
  });

  it('an oversize value is shortened to 40 characters plus an ellipsis', () => {
    const { notices } = parseOptions({ level: 'L'.repeat(10_000) });
    const value = String(notices[0]!.params.value);
    expect(value).toBe(`${'L'.repeat(40)}…`);
    expect(noticeText(notices[0]!, 'en').length, 'the notice stays short').toBeLessThan(120);
  });

  it('formatted notices leave no placeholder unfilled', () => {
    const raw: RawOptions = {
      procedure: 'x',
      level: 'x',
      time: '9999',
      step: 'x',
      rate: 'x',
      lang: 'x',
      autoplay: 'x',
    };
    for (const text of texts(raw)) expect(text, text).not.toMatch(/\{\w+\}/);
    for (const text of texts({ procedure: 'vertebroplasty', step: 'drilling' })) {
      expect(text, text).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('rawOptionsFromSearch', () => {
  it('the first of repeated keys wins', () => {
    expect(rawOptionsFromSearch('?level=L2&level=T4').level).toBe('L2');
    expect(parseOptions(rawOptionsFromSearch('?level=L2&level=T4')).options.level).toBe('L2');
  });

  it('accepts t as the short form of time', () => {
    expect(rawOptionsFromSearch('?t=40')).toEqual({ time: '40' });
    expect(parseOptions(rawOptionsFromSearch('?t=40')).options.time).toBe(40);
  });

  it('time wins over t, whichever comes first', () => {
    expect(rawOptionsFromSearch('?t=10&time=20').time).toBe('20');
    expect(rawOptionsFromSearch('?time=20&t=10').time).toBe('20');
  });

  it('reads every URL option, decodes values and ignores unknown keys and element-only attributes', () => {
    const raw = rawOptionsFromSearch(
      '?procedure=vertebroplasty&level=T8&grade=3&morphology=crush&approach=unipedicular&step=access' +
        '&time=12&autoplay&loop=no&rate=2x&lang=en&audience=clinician&view=split&controls=none&polarity=bone-black' +
        '&detector=flat-panel&bone=healthy&labels=1&cutaway=false&torso=no' +
        '&share-url=https%3A%2F%2Fevil.example%2F&poster=x.png&reveal=interaction' +
        '&foo=bar' +
        '&junk=%3Cb%3E',
    );
    expect(raw).toEqual({
      procedure: 'vertebroplasty',
      level: 'T8',
      grade: '3',
      morphology: 'crush',
      approach: 'unipedicular',
      step: 'access',
      time: '12',
      autoplay: '',
      loop: 'no',
      rate: '2x',
      lang: 'en',
      audience: 'clinician',
      view: 'split',
      controls: 'none',
      polarity: 'bone-black',
      detector: 'flat-panel',
      bone: 'healthy',
      labels: '1',
      cutaway: 'false',
      torso: 'no',
    });
    expect(parseOptions(raw)).toEqual({
      options: {
        ...DEFAULT_OPTIONS,
        procedure: 'vertebroplasty',
        level: 'T8',
        grade: 3,
        morphology: 'crush',
        approach: 'unipedicular',
        step: 'access',
        time: 12,
        autoplay: true,
        loop: false,
        rate: 2,
        lang: 'en',
        audience: 'clinician',
        view: 'split',
        controls: 'none',
        polarity: 'bone-black',
        detector: 'flat-panel',
        bone: 'healthy',
        labels: true,
        cutaway: false,
        torso: false,
      },
      notices: [],
    });
  });

  it('percent-encoded markup arrives as text', () => {
    expect(rawOptionsFromSearch('?level=%3Cimg%20src%3Dx%3E').level).toBe('<img src=x>');
  });

  it('an empty query gives no raw options', () => {
    expect(rawOptionsFromSearch('')).toEqual({});
    expect(rawOptionsFromSearch('?')).toEqual({});
  });
});

describe('startTimeOf', () => {
  const kp = timelineFor('kyphoplasty');
  const vp = timelineFor('vertebroplasty');

  it('is 0 with neither step nor time', () => {
    expect(startTimeOf(DEFAULT_OPTIONS)).toBe(0);
  });

  it('uses the frame that shows the step’s action when only a step is given', () => {
    for (const step of kp.steps) {
      const start = startTimeOf({ ...DEFAULT_OPTIONS, step: step.id });
      expect(start, step.id).toBe(stepLanding(kp, step.id));
      expect(start, step.id).toBeGreaterThanOrEqual(step.start);
      expect(start, step.id).toBeLessThan(step.end);
    }
    const options = parseOptions({ procedure: 'vertebroplasty', step: 'cement-injection' }).options;
    expect(startTimeOf(options)).toBe(stepLanding(vp, 'cement-injection'));
    expect(startTimeOf(options)).toBeGreaterThan(findStep(vp, 'cement-injection')!.start);
  });

  it('time wins over step', () => {
    expect(startTimeOf({ ...DEFAULT_OPTIONS, step: 'access', time: 12 })).toBe(12);
    expect(startTimeOf({ ...DEFAULT_OPTIONS, step: 'access', time: 0 }), 'time 0 still wins').toBe(0);
  });

  it('a kyphoplasty-only step asked of vertebroplasty starts at the step the toggle would land on', () => {
    const options = parseOptions({ procedure: 'vertebroplasty', step: 'balloon-removal' }).options;
    expect(startTimeOf(options)).toBe(stepLanding(vp, 'cement-injection'));
  });

  it('an unknown step starts at the beginning, as its notice says', () => {
    const options = parseOptions({ step: 'nope' }).options;
    expect(startTimeOf(options)).toBe(0);
    expect(kp.steps[0]!.id).toBe('overview');
  });
});

/** True if any character is a C0 control (U+0000–U+001F) or DEL. */
function hasC0Control(text: string): boolean {
  return [...text].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
}

describe('displayValue', () => {
  it('replaces C0 control characters and DEL', () => {
    const shown = displayValue('a\u0000b\nc\td\u001be\u007ff\r');
    expect(hasC0Control(shown), JSON.stringify(shown)).toBe(false);
    expect(shown).toBe('a b c d e f ');
  });

  it('leaves ordinary text, markup and non-ASCII letters alone', () => {
    for (const text of ['L1', '<b>x</b>', 'Wirbelkörper', 'позвонок', '']) {
      expect(displayValue(text), text).toBe(text);
    }
  });

  it('keeps exactly 40 characters; longer values are cut to 40 plus an ellipsis', () => {
    expect(displayValue('x'.repeat(40))).toBe('x'.repeat(40));
    expect(displayValue('x'.repeat(41))).toBe(`${'x'.repeat(40)}…`);
    expect(displayValue('x'.repeat(10_000))).toBe(`${'x'.repeat(40)}…`);
  });

  it('strips control characters before measuring, so a long run of them is still bounded', () => {
    const shown = displayValue('\u0000'.repeat(100));
    expect(shown.length).toBe(41);
    expect(hasC0Control(shown), JSON.stringify(shown)).toBe(false);
  });

  // C1 controls (U+0080–U+009F, e.g. NEL U+0085 and CSI U+009B) are control characters too (Unicode Cc).
  it('replaces C1 control characters as well', () => {
    const shown = displayValue('a\u0085b\u009bc');
    expect(shown).not.toMatch(/[\u0080-\u009f]/);
  });

  // Cutting at 40 UTF-16 code units can split a surrogate pair and leave half an emoji.
  it('never cuts a character in half', () => {
    const shown = displayValue(`a${'\u{1F600}'.repeat(30)}`);
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});
