import {
  EVENTS,
  eventMessage,
  isReadOnly,
  reply,
  validateMessage,
  type Command,
  type MessageId,
  type ReplyMessage,
} from './protocol';
import type { SpineProcedureViewerElement } from './SpineProcedureViewerElement';

/** EmbedHostOptions: who may talk to the viewer inside the iframe. */
export interface EmbedHostOptions {
  /**
   * Origins allowed to send commands (and, when the list is not empty, the only ones answered at all). Empty:
   * read-only mode, where any parent page may ask `getState` and receive events but no command is taken.
   */
  origins: readonly string[];
  /** The window that may talk to the viewer: the iframe's parent (injectable for tests). */
  parent?: Window;
}

/**
 * The iframe side of the postMessage protocol. Accepts messages only from `window.parent`, checks the origin
 * against the allow-list, validates every message, answers to the sender's origin (never `'*'`), and forwards
 * the viewer's events to the parent that said `hello`. Returns a function that stops it.
 */
export function startEmbedHost(viewer: SpineProcedureViewerElement, options: EmbedHostOptions): () => void {
  const parent = options.parent ?? window.parent;
  const allowList = options.origins;
  /** The parent origin that said hello (and passed the checks): events go there. */
  let subscriber: string | null = null;
  /** The subscriber already told `ready` (it is told once, whether the viewer drew before or after its hello). */
  let toldReady: string | null = null;
  let drawn = false;

  const post = (message: unknown, origin: string) => {
    // An opaque ("null") origin cannot be addressed without '*', so such a parent is never answered.
    if (parent === window || origin === 'null') return;
    parent.postMessage(message, origin);
  };
  const send = (origin: string, id: MessageId | null, outcome: Parameters<typeof reply>[1]) =>
    post(reply(id, outcome) satisfies ReplyMessage, origin);

  const onMessage = (event: MessageEvent) => {
    // Only the embedding page itself; a sibling frame or a popup never gets an answer.
    if (event.source !== parent || parent === window) return;
    const validation = validateMessage(event.data);
    if (validation.kind === 'ignore') return;
    const origin = event.origin;
    if (validation.kind === 'error') {
      if (allowList.length > 0 && !allowList.includes(origin)) {
        send(origin, validation.id, { ok: false, error: notAllowed(origin) });
        return;
      }
      send(origin, validation.id, { ok: false, error: validation.error });
      return;
    }
    const { id, command } = validation;
    if (allowList.length > 0 && !allowList.includes(origin)) {
      send(origin, id, { ok: false, error: notAllowed(origin) });
      return;
    }
    if (allowList.length === 0 && !isReadOnly(command.command)) {
      send(origin, id, {
        ok: false,
        error: `Command "${command.command}" refused: this viewer takes commands only from origins listed in its "origins" URL parameter`,
      });
      return;
    }
    if (command.command === 'hello') subscriber = origin;
    try {
      send(origin, id, { ok: true, result: run(viewer, command, allowList.includes(origin)) });
    } catch (error) {
      send(origin, id, { ok: false, error: error instanceof Error ? error.message : String(error) });
    }
    // A viewer that drew its first frame before the page said hello still owes it the `ready` event.
    if (command.command === 'hello') tellReady();
  };

  const tellReady = () => {
    if (!drawn || !subscriber || toldReady === subscriber) return;
    toldReady = subscriber;
    post(eventMessage('ready', { state: snapshot(viewer) }), subscriber);
  };

  const offs = EVENTS.filter((e) => e !== 'ready').map((type) => {
    const listener = (e: Event) => {
      if (subscriber) post(eventMessage(type, (e as CustomEvent).detail ?? null), subscriber);
    };
    viewer.addEventListener(type, listener);
    return () => viewer.removeEventListener(type, listener);
  });
  void viewer.ready.then(() => {
    drawn = true;
    tellReady();
  });
  window.addEventListener('message', onMessage);
  announce(allowList, post);
  return () => {
    window.removeEventListener('message', onMessage);
    offs.forEach((off) => off());
    subscriber = null;
  };
}

function notAllowed(origin: string): string {
  return `Origin ${origin} is not in this viewer's "origins" allow-list`;
}

/** getState's answer: the viewer's state plus the playback facts a remote control needs. */
function snapshot(viewer: SpineProcedureViewerElement) {
  return {
    ...viewer.getState(),
    paused: viewer.paused,
    playbackRate: viewer.playbackRate,
  };
}

function run(viewer: SpineProcedureViewerElement, command: Command, canCommand: boolean): unknown {
  switch (command.command) {
    case 'hello':
      return { ready: viewer.readyState === 4, commands: canCommand, state: snapshot(viewer) };
    case 'getState':
      return snapshot(viewer);
    case 'play':
      void viewer.play();
      return snapshot(viewer);
    case 'pause':
      viewer.pause();
      return snapshot(viewer);
    case 'seek':
      viewer.currentTime = command.args[0];
      return snapshot(viewer);
    case 'setStep': {
      const step = command.args[0];
      if (!viewer.steps.some((s) => s.id === step || s.key === step))
        throw new Error(`setStep(step): step "${step}" is not part of ${viewer.procedure}`);
      viewer.step = step;
      return snapshot(viewer);
    }
    case 'setProcedure':
      viewer.procedure = command.args[0];
      return snapshot(viewer);
    case 'set':
      viewer.applyOption(command.args[0], command.args[1]);
      return snapshot(viewer);
  }
}

/**
 * Tell the parent the viewer is listening (a client created before the iframe loaded says hello then). Sent only
 * where the parent's origin is known (location.ancestorOrigins, else the referrer) and, with an allow-list, on it.
 */
function announce(allowList: readonly string[], post: (message: unknown, origin: string) => void): void {
  const known = window.location.ancestorOrigins?.[0] ?? referrerOrigin();
  if (!known || (allowList.length > 0 && !allowList.includes(known))) return;
  post(eventMessage('announce', null), known);
}

function referrerOrigin(): string | null {
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}
