import type { ViewerController } from '../../playback/viewerController';
import { mergeRanges, ViewerTimeRanges } from './timeRanges';

/**
 * The parts of the timeline that have been played, for the element's `played`: a stretch is recorded when time
 * stops running (pause, the end, a seek, which pauses first) and the one running now is added when read. A new
 * procedure is a new timeline, so it starts afresh (as a media element does for a new source). Only events do
 * work here; nothing runs per frame.
 */
export class PlayedRanges {
  private ranges: [number, number][] = [];
  /** Where the stretch running now began (null while paused). */
  private from: number | null = null;
  private readonly offs: (() => void)[];

  constructor(private readonly controller: ViewerController) {
    this.offs = [
      controller.on('play', ({ time }) => (this.from = time)),
      controller.on('pause', ({ time }) => this.close(time)),
      controller.on('procedurechange', ({ time }) => {
        this.ranges = [];
        this.from = controller.getPlayback().playing ? time : null;
      }),
    ];
    if (controller.getPlayback().playing) this.from = controller.getTime();
  }

  /** The played ranges now, the running stretch included. */
  timeRanges(): ViewerTimeRanges {
    const running = this.from === null ? [] : this.stretch(this.from, this.controller.getTime());
    return new ViewerTimeRanges(mergeRanges([...this.ranges, ...running]));
  }

  dispose(): void {
    this.offs.forEach((off) => off());
  }

  private close(to: number): void {
    if (this.from === null) return;
    this.ranges = mergeRanges([...this.ranges, ...this.stretch(this.from, to)]);
    this.from = null;
  }

  /** From → to; a loop that came round again is the rest of the timeline and its start. */
  private stretch(from: number, to: number): [number, number][] {
    if (to >= from) return [[from, to]];
    return [
      [from, this.controller.getTimeline().duration],
      [0, to],
    ];
  }
}
