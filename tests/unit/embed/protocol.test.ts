import { describe, expect, it } from 'vitest';
import {
  MAX_DEPTH,
  MAX_MESSAGE_BYTES,
  PROTOCOL,
  checkShape,
  eventMessage,
  isReadOnly,
  parseViewerMessage,
  reply,
  validateMessage,
  type Validation,
} from '../../../src/embed/protocol';
import { parseOrigins } from '../../../src/embed/origins';

const command = (cmd: unknown, args?: unknown, extra: Record<string, unknown> = {}) => ({
  protocol: PROTOCOL,
  version: 1,
  type: 'command',
  id: 7,
  command: cmd,
  ...(args === undefined ? {} : { args }),
  ...extra,
});

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < depth; i++) value = { inner: value };
  return value;
}

const cyclic: Record<string, unknown> = {
  protocol: PROTOCOL,
  version: 1,
  type: 'command',
  id: 1,
  command: 'play',
};
cyclic.self = cyclic;

type Case = [name: string, message: unknown, expected: Validation];

const CASES: Case[] = [
  // Not this protocol: ignored, never answered.
  ['a string', 'play', { kind: 'ignore' }],
  ['null', null, { kind: 'ignore' }],
  ['an array', [PROTOCOL], { kind: 'ignore' }],
  ['another protocol', { protocol: 'other', command: 'play' }, { kind: 'ignore' }],
  ['no protocol', { type: 'command', command: 'play', id: 1 }, { kind: 'ignore' }],
  // Good commands.
  ['play', command('play'), { kind: 'command', id: 7, command: { command: 'play', args: [] } }],
  [
    'play with empty args',
    command('play', []),
    { kind: 'command', id: 7, command: { command: 'play', args: [] } },
  ],
  ['pause', command('pause'), { kind: 'command', id: 7, command: { command: 'pause', args: [] } }],
  ['getState', command('getState'), { kind: 'command', id: 7, command: { command: 'getState', args: [] } }],
  ['hello', command('hello'), { kind: 'command', id: 7, command: { command: 'hello', args: [] } }],
  [
    'seek 12.5',
    command('seek', [12.5]),
    { kind: 'command', id: 7, command: { command: 'seek', args: [12.5] } },
  ],
  [
    'seek -3 (clamped later)',
    command('seek', [-3]),
    { kind: 'command', id: 7, command: { command: 'seek', args: [-3] } },
  ],
  [
    'setStep',
    command('setStep', ['cement-injection']),
    { kind: 'command', id: 7, command: { command: 'setStep', args: ['cement-injection'] } },
  ],
  [
    'setProcedure',
    command('setProcedure', ['vertebroplasty']),
    { kind: 'command', id: 7, command: { command: 'setProcedure', args: ['vertebroplasty'] } },
  ],
  [
    'setProcedure in another case (the same rules as the URL)',
    command('setProcedure', ['Vertebroplasty']),
    { kind: 'command', id: 7, command: { command: 'setProcedure', args: ['vertebroplasty'] } },
  ],
  [
    'set an option by its URL name, parsed by the schema',
    command('set', ['bone', 'Healthy']),
    { kind: 'command', id: 7, command: { command: 'set', args: ['bone', 'healthy'] } },
  ],
  [
    'set a number option from a number',
    command('set', ['grade', 3]),
    { kind: 'command', id: 7, command: { command: 'set', args: ['grade', 3] } },
  ],
  [
    'set a boolean option',
    command('set', ['labels', true]),
    { kind: 'command', id: 7, command: { command: 'set', args: ['labels', true] } },
  ],
  [
    'set an unknown option',
    command('set', ['share-url', 'https://evil.example/']),
    {
      kind: 'error',
      id: 7,
      error:
        'set(option, value): unknown option string "share-url"; expected one of procedure, level, levels, grade, morphology, approach, complication, step, time, autoplay, loop, rate, lang, audience, view, controls, polarity, detector, bone, labels, cutaway, torso, panel, narration',
    },
  ],
  [
    'set a bad value',
    command('set', ['level', 'S1']),
    { kind: 'error', id: 7, error: 'set("level", value): use a level from T1 to L5, got string "S1"' },
  ],
  [
    'set with one argument',
    command('set', ['level']),
    { kind: 'error', id: 7, error: 'set takes 2 arguments, got 1' },
  ],
  [
    'string id',
    command('play', [], { id: 'a-1' }),
    { kind: 'command', id: 'a-1', command: { command: 'play', args: [] } },
  ],
  // Envelope problems.
  [
    'version 2',
    command('play', [], { version: 2 }),
    { kind: 'error', id: 7, error: 'Unsupported protocol version number 2; this viewer speaks version 1' },
  ],
  [
    'version as a string',
    command('play', [], { version: '1' }),
    { kind: 'error', id: 7, error: 'Unsupported protocol version string "1"; this viewer speaks version 1' },
  ],
  [
    'no version',
    { protocol: PROTOCOL, type: 'command', id: 7, command: 'play' },
    { kind: 'error', id: 7, error: 'Unsupported protocol version nothing; this viewer speaks version 1' },
  ],
  [
    'type reply',
    command('play', [], { type: 'reply' }),
    { kind: 'error', id: 7, error: 'Unknown message type string "reply"; expected "command"' },
  ],
  [
    'no id',
    command('play', [], { id: undefined }),
    {
      kind: 'error',
      id: null,
      error: 'Message id must be a string of 1–64 characters or an integer, got nothing',
    },
  ],
  [
    'fractional id',
    command('play', [], { id: 1.5 }),
    {
      kind: 'error',
      id: null,
      error: 'Message id must be a string of 1–64 characters or an integer, got number 1.5',
    },
  ],
  [
    'empty id',
    command('play', [], { id: '' }),
    {
      kind: 'error',
      id: null,
      error: 'Message id must be a string of 1–64 characters or an integer, got string ""',
    },
  ],
  [
    'id of 65 characters',
    command('play', [], { id: 'x'.repeat(65) }),
    {
      kind: 'error',
      id: null,
      error: `Message id must be a string of 1–64 characters or an integer, got string "${'x'.repeat(40)}…"`,
    },
  ],
  // Unknown commands.
  [
    'unknown command',
    command('fly'),
    {
      kind: 'error',
      id: 7,
      error:
        'Unknown command string "fly"; expected one of hello, getState, play, pause, seek, setStep, setProcedure, set',
    },
  ],
  [
    'command in another case',
    command('PLAY'),
    {
      kind: 'error',
      id: 7,
      error:
        'Unknown command string "PLAY"; expected one of hello, getState, play, pause, seek, setStep, setProcedure, set',
    },
  ],
  [
    'command as a number',
    command(3),
    {
      kind: 'error',
      id: 7,
      error:
        'Unknown command number 3; expected one of hello, getState, play, pause, seek, setStep, setProcedure, set',
    },
  ],
  [
    'inherited name',
    command('constructor'),
    {
      kind: 'error',
      id: 7,
      error:
        'Unknown command string "constructor"; expected one of hello, getState, play, pause, seek, setStep, setProcedure, set',
    },
  ],
  // Arguments.
  [
    'args not an array',
    command('seek', { t: 1 }),
    { kind: 'error', id: 7, error: 'args must be an array, got an object' },
  ],
  [
    'args a string',
    command('seek', '5'),
    { kind: 'error', id: 7, error: 'args must be an array, got string "5"' },
  ],
  [
    'play with an argument',
    command('play', [1]),
    { kind: 'error', id: 7, error: 'play takes no arguments, got 1' },
  ],
  [
    'seek without a time',
    command('seek', []),
    { kind: 'error', id: 7, error: 'seek takes 1 argument, got 0' },
  ],
  ['seek with two', command('seek', [1, 2]), { kind: 'error', id: 7, error: 'seek takes 1 argument, got 2' }],
  [
    "seek('abc')",
    command('seek', ['abc']),
    { kind: 'error', id: 7, error: 'seek(time): time must be a finite number of seconds, got string "abc"' },
  ],
  [
    "seek('12') (a numeric string is still a string)",
    command('seek', ['12']),
    { kind: 'error', id: 7, error: 'seek(time): time must be a finite number of seconds, got string "12"' },
  ],
  [
    'seek NaN',
    command('seek', [NaN]),
    { kind: 'error', id: 7, error: 'seek(time): time must be a finite number of seconds, got number NaN' },
  ],
  [
    'seek Infinity',
    command('seek', [Infinity]),
    {
      kind: 'error',
      id: 7,
      error: 'seek(time): time must be a finite number of seconds, got number Infinity',
    },
  ],
  [
    'seek null',
    command('seek', [null]),
    { kind: 'error', id: 7, error: 'seek(time): time must be a finite number of seconds, got null' },
  ],
  [
    'seek an object',
    command('seek', [{}]),
    { kind: 'error', id: 7, error: 'seek(time): time must be a finite number of seconds, got an object' },
  ],
  [
    'seek true',
    command('seek', [true]),
    { kind: 'error', id: 7, error: 'seek(time): time must be a finite number of seconds, got boolean true' },
  ],
  [
    'setStep unknown',
    command('setStep', ['surgery']),
    {
      kind: 'error',
      id: 7,
      error:
        'setStep(step): unknown step string "surgery"; expected a step id such as "overview" or "cement-injection"',
    },
  ],
  [
    'setStep with markup (shown as text, shortened)',
    command('setStep', ['<img src=x onerror=alert(1)>'.repeat(3)]),
    {
      kind: 'error',
      id: 7,
      error: `setStep(step): unknown step string "${'<img src=x onerror=alert(1)>'.repeat(3).slice(0, 40)}…"; expected a step id such as "overview" or "cement-injection"`,
    },
  ],
  [
    'setStep a number',
    command('setStep', [4]),
    {
      kind: 'error',
      id: 7,
      error:
        'setStep(step): unknown step number 4; expected a step id such as "overview" or "cement-injection"',
    },
  ],
  [
    'setProcedure unknown',
    command('setProcedure', ['stenting']),
    {
      kind: 'error',
      id: 7,
      error: 'setProcedure(procedure): use kyphoplasty or vertebroplasty, got string "stenting"',
    },
  ],
  [
    'setProcedure without an argument',
    command('setProcedure'),
    { kind: 'error', id: 7, error: 'setProcedure takes 1 argument, got 0' },
  ],
  // Shape: size, depth, cycles, non-JSON values.
  [
    'oversized payload',
    command('seek', [1], { padding: 'x'.repeat(MAX_MESSAGE_BYTES) }),
    { kind: 'error', id: 7, error: 'Message is larger than 65536 bytes' },
  ],
  [
    'many small keys',
    command('play', [], {
      padding: Object.fromEntries(Array.from({ length: 9000 }, (_, i) => [`k${i}`, 1])),
    }),
    { kind: 'error', id: 7, error: 'Message is larger than 65536 bytes' },
  ],
  [
    'deeply nested payload',
    command('play', [], { extra: nested(50) }),
    { kind: 'error', id: 7, error: 'Message is nested deeper than 8 levels' },
  ],
  [
    'deeply nested args',
    command('seek', [[[[[[[[[[1]]]]]]]]]]),
    { kind: 'error', id: 7, error: 'Message is nested deeper than 8 levels' },
  ],
  ['cyclic object', cyclic, { kind: 'error', id: 1, error: 'Message contains a cycle' }],
  [
    'a Map',
    command('seek', [new Map()]),
    { kind: 'error', id: 7, error: 'Message may only hold JSON values, found Map' },
  ],
  [
    'a Date',
    command('seek', [new Date(0)]),
    { kind: 'error', id: 7, error: 'Message may only hold JSON values, found Date' },
  ],
  [
    'a bigint',
    command('seek', [10n]),
    { kind: 'error', id: 7, error: 'Message may only hold JSON values, found a bigint' },
  ],
];

describe('validateMessage', () => {
  it.each(CASES)('%s', (_name, message, expected) => {
    expect(validateMessage(message)).toEqual(expected);
  });

  it('accepts a message just under the size limit and nesting limit', () => {
    expect(validateMessage(command('play', [], { padding: 'x'.repeat(MAX_MESSAGE_BYTES - 200) })).kind).toBe(
      'command',
    );
    expect(validateMessage(command('play', [], { extra: nested(MAX_DEPTH - 1) })).kind).toBe('command');
    expect(validateMessage(command('play', [], { extra: nested(MAX_DEPTH) })).kind).toBe('error');
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(checkShape({ x: shared, y: shared })).toBeNull();
  });

  it('refuses a huge array quickly, without walking all of it', () => {
    // 100 million holes would take seconds to walk; the size budget stops the walk after a few thousand.
    const huge = new Array(100_000_000);
    const started = performance.now();
    expect(validateMessage(command('seek', huge))).toEqual({
      kind: 'error',
      id: 7,
      error: 'Message is larger than 65536 bytes',
    });
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('isReadOnly', () => {
  it.each([
    ['hello', true],
    ['getState', true],
    ['play', false],
    ['pause', false],
    ['seek', false],
    ['setStep', false],
    ['setProcedure', false],
  ] as const)('%s → %s', (name, readOnly) => {
    expect(isReadOnly(name)).toBe(readOnly);
  });
});

describe('parseOrigins', () => {
  it.each([
    ['nothing', null, [], []],
    ['empty', '', [], []],
    ['one https origin', 'https://example.org', ['https://example.org'], []],
    [
      'port and spaces',
      ' http://localhost:8080 , https://a.example.org ',
      ['http://localhost:8080', 'https://a.example.org'],
      [],
    ],
    ['upper case host is normalised', 'https://Example.ORG', ['https://example.org'], []],
    ['default port is dropped', 'https://example.org:443', ['https://example.org'], []],
    ['IPv4', 'http://127.0.0.1:5173', ['http://127.0.0.1:5173'], []],
    ['IPv6', 'http://[::1]:8080', ['http://[::1]:8080'], []],
    ['duplicates once', 'https://a.org,https://a.org', ['https://a.org'], []],
    ['empty entries skipped', 'https://a.org,,', ['https://a.org'], []],
    ['no scheme', 'example.org', [], ['example.org']],
    ['wildcard', '*', [], ['*']],
    ['wildcard subdomain', 'https://*.example.org', [], ['https://*.example.org']],
    ['a path', 'https://example.org/page', [], ['https://example.org/page']],
    ['trailing slash is normalised', 'https://example.org/', ['https://example.org'], []],
    ['trailing slash with a port', 'http://localhost:8080/', ['http://localhost:8080'], []],
    ['trailing slash and default port', 'https://Example.org:443/', ['https://example.org'], []],
    ['with and without the slash once', 'https://a.org/,https://a.org', ['https://a.org'], []],
    ['two trailing slashes', 'https://example.org//', [], ['https://example.org//']],
    ['slash and query', 'https://example.org/?x', [], ['https://example.org/?x']],
    ['slash and fragment', 'https://example.org/#x', [], ['https://example.org/#x']],
    ['a path with a trailing slash', 'https://example.org/page/', [], ['https://example.org/page/']],
    ['only a slash', '/', [], ['/']],
    ['scheme and slash only', 'https:///', [], ['https:///']],
    ['ftp', 'ftp://example.org', [], ['ftp://example.org']],
    ['javascript', 'javascript:alert(1)', [], ['javascript:alert(1)']],
    ['user info', 'https://user@example.org', [], ['https://user@example.org']],
    ['port out of range', 'http://example.org:70000', [], ['http://example.org:70000']],
    ['port 0', 'http://example.org:0', [], ['http://example.org:0']],
    ['null', 'null', [], ['null']],
    ['good and bad', 'https://ok.org,bad', ['https://ok.org'], ['bad']],
  ] as const)('%s', (_name, text, origins, rejected) => {
    expect(parseOrigins(text)).toEqual({ origins, rejected });
  });

  // Rejected entries are kept as written; whoever shows them cleans them (originNoticeTexts, the console warning).
  it('keeps rejected entries as written, so they are cleaned and shortened once, where they are shown', () => {
    const long = `https://${'x'.repeat(60)}.example/page`;
    expect(parseOrigins(`${long}, bad\u202e`).rejected).toEqual([long, 'bad\u202e']);
  });
});

describe('messages from the viewer', () => {
  it('builds replies and events that the parent accepts', () => {
    const ok = reply(3, { ok: true, result: { time: 1 } });
    expect(ok).toEqual({
      protocol: PROTOCOL,
      version: 1,
      type: 'reply',
      id: 3,
      ok: true,
      result: { time: 1 },
    });
    expect(parseViewerMessage(ok)).toEqual(ok);
    const failed = reply(null, { ok: false, error: 'nope' });
    expect(parseViewerMessage(failed)).toEqual(failed);
    const event = eventMessage('stepchange', { step: 'access' });
    expect(parseViewerMessage(event)).toEqual(event);
  });

  it.each([
    ['another protocol', { protocol: 'x', version: 1, type: 'event', event: 'play' }],
    ['another version', { protocol: PROTOCOL, version: 2, type: 'event', event: 'play' }],
    ['a command', { protocol: PROTOCOL, version: 1, type: 'command', command: 'play', id: 1 }],
    ['a reply without ok', { protocol: PROTOCOL, version: 1, type: 'reply', id: 1 }],
    [
      'a failed reply without error text',
      { protocol: PROTOCOL, version: 1, type: 'reply', id: 1, ok: false },
    ],
    ['an event without a name', { protocol: PROTOCOL, version: 1, type: 'event' }],
    ['a string', 'hello'],
  ])('ignores %s', (_name, data) => {
    expect(parseViewerMessage(data)).toBeNull();
  });
});
