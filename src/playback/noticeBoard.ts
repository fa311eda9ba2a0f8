import type { Emitter } from './emitter';
import type { ViewerEvents, ViewerNotice } from './viewerEvents';

/** The notices a viewer shows (text only, never HTML), each also raised once as an `invalidinput` error. */
export class NoticeBoard {
  private list: readonly ViewerNotice[] = [];

  constructor(private readonly host: Pick<Emitter<ViewerEvents>, 'emit'>) {}

  get notices(): readonly ViewerNotice[] {
    return this.list;
  }

  /** Show notices; `message` is their English text for the `error` event embedders listen to. */
  add(notices: readonly ViewerNotice[], message: string): void {
    if (notices.length === 0) return;
    const sources = notices.map((n) => 'source' in n && n.source);
    const kept = this.list.filter((n) => !('source' in n && sources.includes(n.source)));
    this.list = [...kept, ...notices];
    this.host.emit('noticeschange', { notices: this.list });
    this.host.emit('error', { type: 'invalidinput', message });
  }

  dismiss(): void {
    this.list = [];
    this.host.emit('noticeschange', { notices: this.list });
  }
}
