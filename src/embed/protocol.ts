import { translate } from '../i18n/catalog';
import { OPTION_SCHEMA, URL_OPTION_KEYS, type OptionKey, type ViewerOptions } from '../options/optionSchema';
import type { StepKey } from '../options/optionSchema';
import type { ProcedureId } from '../procedure/types';
import { displayValue } from '../options/displayValue';
import { PROTOCOL, PROTOCOL_VERSION, isRecord, type MessageId } from './protocolMessages';

export * from './protocolMessages';

/*
 * Validation of the iframe postMessage protocol (message shapes in protocolMessages.ts). Pure: no DOM; the iframe
 * side lives in embedHost.ts, the parent side in SpineProcedurePlayer.ts.
 */

/** Largest accepted message, measured as the length of its JSON text. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** Deepest accepted nesting of objects and arrays (the message object itself is level 1). */
export const MAX_DEPTH = 8;
const MAX_ID_LENGTH = 64;

/** Commands that change the viewer; accepted only from origins in the allow-list. */
export const WRITE_COMMANDS = ['play', 'pause', 'seek', 'setStep', 'setProcedure', 'set'] as const;
/** Queries that change nothing; with no allow-list they are answered to any parent page. */
export const READ_COMMANDS = ['hello', 'getState'] as const;
export const COMMANDS = [...READ_COMMANDS, ...WRITE_COMMANDS] as const;
export type CommandName = (typeof COMMANDS)[number];

/** A command after validation: the arguments have the types the command needs. */
export type Command =
  | { command: 'hello' | 'getState' | 'play' | 'pause'; args: [] }
  | { command: 'seek'; args: [time: number] }
  | { command: 'setStep'; args: [step: StepKey] }
  | { command: 'setProcedure'; args: [procedure: ProcedureId] }
  | { command: 'set'; args: [option: OptionKey, value: ViewerOptions[OptionKey]] };

/** What validation made of an incoming message. */
export type Validation =
  | { kind: 'ignore' }
  | { kind: 'error'; id: MessageId | null; error: string }
  | { kind: 'command'; id: MessageId; command: Command };

/** A short, safe description of a value for error messages: its type, and the value when it is short. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `string "${displayValue(value)}"`;
    case 'number':
      return `number ${String(value)}`;
    case 'boolean':
      return `boolean ${String(value)}`;
    case 'undefined':
      return 'nothing';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/**
 * Walk a received value once, with budgets: JSON-like values only, no cycles (structured clone can carry them),
 * at most MAX_DEPTH levels and MAX_MESSAGE_BYTES of JSON text. Returns the problem, or null when it is fine.
 * Stops at the first problem, so a huge or deeply nested message costs little to refuse.
 */
export function checkShape(message: unknown): string | null {
  let size = 0;
  const open = new Set<object>();
  const tooBig = `Message is larger than ${MAX_MESSAGE_BYTES} bytes`;
  const visit = (value: unknown, depth: number): string | null => {
    switch (typeof value) {
      case 'string':
        size += value.length + 2;
        return size > MAX_MESSAGE_BYTES ? tooBig : null;
      case 'number':
        size += 8;
        return null;
      case 'boolean':
        size += 5;
        return null;
      case 'undefined':
        return null;
      case 'object':
        break;
      default:
        return `Message may only hold JSON values, found a ${typeof value}`;
    }
    if (value === null) {
      size += 4;
      return null;
    }
    const isArray = Array.isArray(value);
    if (
      !isArray &&
      Object.getPrototypeOf(value) !== Object.prototype &&
      Object.getPrototypeOf(value) !== null
    )
      return `Message may only hold JSON values, found ${Object.prototype.toString.call(value).slice(8, -1)}`;
    if (open.has(value)) return 'Message contains a cycle';
    if (depth > MAX_DEPTH) return `Message is nested deeper than ${MAX_DEPTH} levels`;
    open.add(value);
    size += 2;
    if (isArray) {
      for (let i = 0; i < value.length; i++) {
        size += 1;
        const problem = visit(value[i], depth + 1);
        if (problem) return problem;
        if (size > MAX_MESSAGE_BYTES) return tooBig;
      }
    } else {
      for (const key of Object.keys(value)) {
        size += key.length + 4;
        if (size > MAX_MESSAGE_BYTES) return tooBig;
        const problem = visit((value as Record<string, unknown>)[key], depth + 1);
        if (problem) return problem;
        if (size > MAX_MESSAGE_BYTES) return tooBig;
      }
    }
    open.delete(value);
    return size > MAX_MESSAGE_BYTES ? tooBig : null;
  };
  return visit(message, 1);
}

function validId(id: unknown): MessageId | null {
  if (typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH) return id;
  if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
  return null;
}

/** Check a command's arguments; returns the typed command or the problem. */
function parseArgs(command: CommandName, args: unknown[]): Command | string {
  const expectCount = (n: number): string | null =>
    args.length === n
      ? null
      : `${command} takes ${n === 0 ? 'no arguments' : n === 1 ? '1 argument' : `${n} arguments`}, got ${args.length}`;
  switch (command) {
    case 'hello':
    case 'getState':
    case 'play':
    case 'pause':
      return expectCount(0) ?? { command, args: [] };
    case 'seek': {
      const problem = expectCount(1);
      if (problem) return problem;
      const t = args[0];
      if (typeof t !== 'number' || !Number.isFinite(t))
        return `seek(time): time must be a finite number of seconds, got ${describeValue(t)}`;
      return { command, args: [t] };
    }
    case 'setStep': {
      const problem = expectCount(1);
      if (problem) return problem;
      const step = OPTION_SCHEMA.step.parse(args[0]);
      if (!step)
        return `setStep(step): unknown step ${describeValue(args[0])}; expected a step id such as "overview" or "cement-injection"`;
      return { command, args: [step] };
    }
    case 'setProcedure': {
      const problem = expectCount(1);
      if (problem) return problem;
      const procedure = OPTION_SCHEMA.procedure.parse(args[0]);
      if (!procedure)
        return `setProcedure(procedure): ${translate('en', 'expected.procedure')}, got ${describeValue(args[0])}`;
      return { command, args: [procedure] };
    }
    case 'set': {
      const problem = expectCount(2);
      if (problem) return problem;
      const [name, raw] = args;
      const option = URL_OPTION_KEYS.find((key) => OPTION_SCHEMA[key].attribute === name);
      if (!option)
        return `set(option, value): unknown option ${describeValue(name)}; expected one of ${URL_OPTION_KEYS.map((k) => OPTION_SCHEMA[k].attribute).join(', ')}`;
      const value = OPTION_SCHEMA[option].parse(raw);
      if (value === undefined || value === null)
        return `set("${option}", value): ${translate('en', OPTION_SCHEMA[option].expected)}, got ${describeValue(raw)}`;
      return { command, args: [option, value] };
    }
  }
}

/**
 * Validate a message received by the iframe. Messages that do not name this protocol are not for the viewer
 * and are ignored; everything that does gets a command or an error naming the first problem found.
 */
export function validateMessage(data: unknown): Validation {
  if (!isRecord(data) || data.protocol !== PROTOCOL) return { kind: 'ignore' };
  const shape = checkShape(data);
  const id = validId(data.id);
  if (shape) return { kind: 'error', id, error: shape };
  if (data.version !== PROTOCOL_VERSION)
    return {
      kind: 'error',
      id,
      error: `Unsupported protocol version ${describeValue(data.version)}; this viewer speaks version ${PROTOCOL_VERSION}`,
    };
  if (data.type !== 'command')
    return {
      kind: 'error',
      id,
      error: `Unknown message type ${describeValue(data.type)}; expected "command"`,
    };
  if (id === null)
    return {
      kind: 'error',
      id: null,
      error: `Message id must be a string of 1–${MAX_ID_LENGTH} characters or an integer, got ${describeValue(data.id)}`,
    };
  const name = data.command;
  if (typeof name !== 'string' || !(COMMANDS as readonly string[]).includes(name))
    return {
      kind: 'error',
      id,
      error: `Unknown command ${describeValue(name)}; expected one of ${COMMANDS.join(', ')}`,
    };
  const args = data.args ?? [];
  if (!Array.isArray(args))
    return { kind: 'error', id, error: `args must be an array, got ${describeValue(args)}` };
  const parsed = parseArgs(name as CommandName, args);
  if (typeof parsed === 'string') return { kind: 'error', id, error: parsed };
  return { kind: 'command', id, command: parsed };
}

export function isReadOnly(command: CommandName): boolean {
  return (READ_COMMANDS as readonly string[]).includes(command);
}
