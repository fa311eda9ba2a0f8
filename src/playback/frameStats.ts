/** Per-frame measurements for the benchmark, kept in fixed buffers (nothing allocated per frame). */
export class FrameStats {
  /** Main-thread milliseconds of the frame's own work (state and scene updates), excluding the GL draw. */
  readonly jsMs = new Float64Array(2048);
  count = 0;
  drawCalls = 0;
  triangles = 0;
  /** Where the guided camera puts the step's subject: centre and radius in CSS pixels of the canvas. */
  readonly subject = { x: 0, y: 0, radius: 0 };
  private started = 0;

  beginFrame(now: number): void {
    this.started = now;
  }

  /** Called just before the frame's draw calls are issued. */
  endUpdate(now: number): void {
    this.jsMs[this.count % this.jsMs.length] = now - this.started;
    this.count++;
  }

  recordRender(drawCalls: number, triangles: number): void {
    this.drawCalls = drawCalls;
    this.triangles = triangles;
  }

  /** The most recent samples, oldest first. */
  samples(): number[] {
    const n = Math.min(this.count, this.jsMs.length);
    const out: number[] = [];
    for (let i = this.count - n; i < this.count; i++) out.push(this.jsMs[i % this.jsMs.length]!);
    return out;
  }

  reset(): void {
    this.count = 0;
  }
}
