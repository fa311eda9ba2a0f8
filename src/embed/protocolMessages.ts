/**
 * The iframe postMessage protocol, version 1: the message shapes both sides share. Every message carries the
 * protocol name and version, so a page that uses postMessage for other things never collides with the viewer.
 *
 *   parent → iframe  { protocol, version, type: 'command', id, command, args? }
 *   iframe → parent  { protocol, version, type: 'reply', id, ok: true, result } | { …, ok: false, error }
 *   iframe → parent  { protocol, version, type: 'event', event, detail }
 *
 * Kept apart from the validation (protocol.ts) so the parent-page client stays tiny.
 */
import { VIEWER_EVENTS, type ViewerEventName } from '../playback/viewerEvents';

export const PROTOCOL = 'spine-procedure-viewer';
export const PROTOCOL_VERSION = 1;

/** Events the iframe forwards to the parent that said hello. */
export const EVENTS = VIEWER_EVENTS;
export type EventName = ViewerEventName;

export type MessageId = string | number;

export interface CommandMessage {
  protocol: typeof PROTOCOL;
  version: typeof PROTOCOL_VERSION;
  type: 'command';
  id: MessageId;
  command: string;
  args?: unknown[];
}

export type ReplyMessage = {
  protocol: typeof PROTOCOL;
  version: typeof PROTOCOL_VERSION;
  type: 'reply';
  /** The command's id; null when the message had no usable id. */
  id: MessageId | null;
} & ({ ok: true; result: unknown } | { ok: false; error: string });

export interface EventMessage {
  protocol: typeof PROTOCOL;
  version: typeof PROTOCOL_VERSION;
  type: 'event';
  event: EventName | 'announce';
  detail: unknown;
}

export type ViewerMessage = ReplyMessage | EventMessage;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function reply(
  id: MessageId | null,
  outcome: { ok: true; result: unknown } | { ok: false; error: string },
): ReplyMessage {
  return { protocol: PROTOCOL, version: PROTOCOL_VERSION, type: 'reply', id, ...outcome };
}

export function eventMessage(event: EventMessage['event'], detail: unknown): EventMessage {
  return { protocol: PROTOCOL, version: PROTOCOL_VERSION, type: 'event', event, detail };
}

/** Parse a message received by the parent page: a reply or an event of this protocol, or null. */
export function parseViewerMessage(data: unknown): ViewerMessage | null {
  if (!isRecord(data) || data.protocol !== PROTOCOL || data.version !== PROTOCOL_VERSION) return null;
  if (data.type === 'reply') {
    if (typeof data.ok !== 'boolean') return null;
    if (!data.ok && typeof data.error !== 'string') return null;
    return data as unknown as ReplyMessage;
  }
  if (data.type === 'event' && typeof data.event === 'string') return data as unknown as EventMessage;
  return null;
}
