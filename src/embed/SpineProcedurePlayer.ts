import {
  PROTOCOL,
  PROTOCOL_VERSION,
  parseViewerMessage,
  type CommandMessage,
  type EventName,
  type MessageId,
} from './protocolMessages';
import type { ViewerErrorType, ViewerEvents } from '../playback/viewerEvents';

/** SpineProcedurePlayerOptions: how to reach the viewer inside the iframe. */
export interface SpineProcedurePlayerOptions {
  /** The viewer's origin; defaults to the origin of the iframe's `src`. Messages from any other origin are ignored. */
  origin?: string;
  /** Milliseconds to wait for each reply before the command's promise rejects (default 10000). */
  timeout?: number;
}

/** The state `getState()` resolves to (a plain object; see the README for every field). */
export interface SpineProcedureState extends Record<string, unknown> {
  time: number;
  duration: number;
  procedure: 'kyphoplasty' | 'vertebroplasty';
  step: string;
  stepIndex: number;
  stepProgress: number;
  level: string;
  grade: number;
  paused: boolean;
  playbackRate: number;
}

/**
 * The `detail` of each event the iframe forwards, as the element's (derived from the same list). `error` also
 * reports a refused message (`type: 'protocol'`), such as a command sent before the viewer allowed this page.
 */
export type SpineProcedurePlayerEventMap = {
  [K in EventName]: K extends 'error'
    ? { type: ViewerErrorType | 'protocol'; message: string }
    : ViewerEvents[K];
};

type Listener = (detail: unknown) => void;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Parent-page client of the `embed.html` iframe. Accepts a message only when both its origin and its source
 * window match the iframe (like vimeo/player.js); every command returns a promise of the viewer's reply.
 *
 * ```js
 * const player = new SpineProcedurePlayer(document.querySelector('iframe'));
 * await player.ready();
 * player.on('stepchange', (detail) => console.log(detail.step));
 * await player.setStep('cement-injection');
 * ```
 */
export class SpineProcedurePlayer {
  readonly iframe: HTMLIFrameElement;
  readonly origin: string;
  private readonly timeout: number;
  private nextId = 1;
  private readonly pending = new Map<MessageId, Pending>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private destroyed = false;
  private readonly connected: Promise<{ ready: boolean; commands: boolean }>;
  private readonly readyPromise: Promise<void>;
  private resolveConnected: (value: { ready: boolean; commands: boolean }) => void = () => {};
  private rejectConnected: (error: Error) => void = () => {};
  private resolveReady: () => void = () => {};
  private rejectReady: (error: Error) => void = () => {};
  private isConnected = false;

  constructor(iframe: HTMLIFrameElement, options: SpineProcedurePlayerOptions = {}) {
    if (!(iframe instanceof HTMLIFrameElement))
      throw new TypeError('SpineProcedurePlayer needs an <iframe> element');
    this.iframe = iframe;
    this.origin = options.origin ?? new URL(iframe.src, document.baseURI).origin;
    this.timeout = options.timeout ?? 10_000;
    this.connected = new Promise((resolve, reject) => {
      this.resolveConnected = resolve;
      this.rejectConnected = reject;
    });
    this.readyPromise = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    // Unhandled until someone asks; a failed handshake should not become an unhandled rejection by itself.
    this.connected.catch(() => {});
    this.readyPromise.catch(() => {});
    window.addEventListener('message', this.onMessage);
    iframe.addEventListener('load', this.onLoad);
    if (this.frameHasViewerDocument()) this.hello();
  }

  /** Resolves once the viewer has drawn its first frame; rejects if the viewer refuses this page. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  play(): Promise<SpineProcedureState> {
    return this.command('play');
  }

  pause(): Promise<SpineProcedureState> {
    return this.command('pause');
  }

  /** Go to a time in seconds (clamped to the procedure); pauses, like a media element's seek. */
  seek(time: number): Promise<SpineProcedureState> {
    return this.command('seek', [time]);
  }

  /** Go to the first frame of a step (an id such as `cement-injection`). */
  setStep(step: string): Promise<SpineProcedureState> {
    return this.command('setStep', [step]);
  }

  /** Switch procedure, keeping the place in the procedure. */
  setProcedure(procedure: 'kyphoplasty' | 'vertebroplasty'): Promise<SpineProcedureState> {
    return this.command('setProcedure', [procedure]);
  }

  /**
   * Set any option a URL parameter can set (`level`, `grade`, `view`, `bone`, `labels`, …), by its URL name; the
   * value is checked by the same rules as the URL, and a bad one is refused with the reason.
   */
  set(option: string, value: string | number | boolean): Promise<SpineProcedureState> {
    return this.command('set', [option, value]);
  }

  getState(): Promise<SpineProcedureState> {
    return this.command('getState');
  }

  /** Listen to a viewer event: ready, timeupdate, stepchange, play, pause, seeked, ended, procedurechange, ratechange, error, progress. */
  on<K extends EventName>(event: K, callback: (detail: SpineProcedurePlayerEventMap[K]) => void): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(callback as Listener);
    return this;
  }

  off<K extends EventName>(event: K, callback?: (detail: SpineProcedurePlayerEventMap[K]) => void): this {
    if (callback) this.listeners.get(event)?.delete(callback as Listener);
    else this.listeners.delete(event);
    return this;
  }

  /** Stop listening and reject every pending command. The iframe itself is left alone. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('message', this.onMessage);
    this.iframe.removeEventListener('load', this.onLoad);
    const error = new Error('SpineProcedurePlayer was destroyed');
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
    this.listeners.clear();
    this.rejectConnected(error);
    this.rejectReady(error);
  }

  private async command<T = SpineProcedureState>(command: string, args: unknown[] = []): Promise<T> {
    if (!this.isConnected) await this.whenConnected();
    return (await this.send(command, args)) as T;
  }

  /** The handshake, or an error when the viewer has not answered within the timeout (wrong origin, no iframe). */
  private whenConnected(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`No answer from the viewer at ${this.origin} within ${this.timeout} ms`)),
        this.timeout,
      );
      this.connected.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  private send(command: string, args: unknown[]): Promise<unknown> {
    if (this.destroyed) return Promise.reject(new Error('SpineProcedurePlayer was destroyed'));
    const target = this.iframe.contentWindow;
    if (!target) return Promise.reject(new Error('The viewer iframe is not in a document'));
    const id = this.nextId++;
    const message: CommandMessage = {
      protocol: PROTOCOL,
      version: PROTOCOL_VERSION,
      type: 'command',
      id,
      command,
      args,
    };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`No reply to ${command} within ${this.timeout} ms`));
      }, this.timeout);
      this.pending.set(id, { resolve, reject, timer });
      target.postMessage(message, this.origin);
    });
  }

  /** Say hello (again after a reload of the iframe, which forgets who listens); duplicates are harmless. */
  private hello(): void {
    if (this.destroyed) return;
    this.send('hello', []).then(
      (result) => {
        const r = result as { ready: boolean; commands: boolean };
        this.isConnected = true;
        this.resolveConnected(r);
        if (r.ready) this.resolveReady();
      },
      (error: Error) => {
        // No reply may just mean the page inside was not listening yet; its load or announce says hello again.
        if (this.isConnected || error.message.startsWith('No reply')) return;
        this.rejectConnected(error);
        this.rejectReady(error);
      },
    );
  }

  /** True when the iframe holds a document of the viewer's origin (its initial about:blank does not count). */
  private frameHasViewerDocument(): boolean {
    const win = this.iframe.contentWindow;
    if (!win) return false;
    try {
      // Same-origin documents are readable: check that it is the viewer's page, not about:blank.
      return win.location.origin === this.origin && win.location.href !== 'about:blank';
    } catch {
      // Cross-origin and unreadable: a real document from another origin is loaded (the viewer's, if src is right).
      return true;
    }
  }

  private readonly onLoad = () => this.hello();

  private readonly onMessage = (event: MessageEvent) => {
    if (event.origin !== this.origin || event.source !== this.iframe.contentWindow) return;
    const message = parseViewerMessage(event.data);
    if (!message) return;
    if (message.type === 'event') {
      if (message.event === 'announce') {
        this.hello();
        return;
      }
      if (message.event === 'ready') this.resolveReady();
      this.listeners.get(message.event)?.forEach((cb) => cb(message.detail));
      return;
    }
    const pending = message.id === null ? undefined : this.pending.get(message.id);
    if (!pending) {
      if (!message.ok)
        this.listeners.get('error')?.forEach((cb) => cb({ type: 'protocol', message: message.error }));
      return;
    }
    this.pending.delete(message.id!);
    clearTimeout(pending.timer);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new Error(message.error));
  };
}
