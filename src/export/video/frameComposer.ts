import { textDirection } from '../../i18n/textDirection';

/** What is burned into a frame: the step's title and its plain caption, in the viewer's language. */
export interface FrameCaption {
  title: string;
  text: string;
}

/** The scene's own background: the space beside a picture of another shape blends with it. */
const BACKDROP = '#eef1f4';
/** Near-black band with white text: about 18:1, readable on any phone in daylight. */
const BAND = '#11161d';
const INK = '#ffffff';
const FONT = 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
/** Share of the frame's height given to the caption band: room for a title and three lines of large text. */
const BAND_SHARE = 0.25;
/** The body text may shrink to this share of its size before the last line is cut short. */
const MIN_SHRINK = 0.75;

interface BandLayout {
  key: string;
  titleSize: number;
  bodySize: number;
  title: string;
  lines: string[];
}

/**
 * Composes each video frame on a 2D canvas of the export's size: the viewer's drawn picture (3D view with its X-ray
 * inset, exactly as on screen) scaled to fit, and, with captions, a band of its own under the picture, so the
 * caption never covers the spine or the X-ray. The WebGL canvas is copied in the same task it was drawn in.
 */
export class FrameComposer {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private layout: BandLayout | null = null;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly captions: boolean,
    private readonly lang: string,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = width;
    this.canvas.height = height;
    const ctx = this.canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('This browser cannot draw video frames (no 2D canvas)');
    this.ctx = ctx;
  }

  /** Height of the caption band in pixels (0 without captions). */
  get bandHeight(): number {
    return this.captions ? Math.max(40, Math.round(this.height * BAND_SHARE)) : 0;
  }

  /** Draw one frame: the picture from `source` and, with captions, the caption band. */
  compose(source: CanvasImageSource & { width: number; height: number }, caption: FrameCaption): void {
    const { ctx, width, height } = this;
    const band = this.bandHeight;
    const area = height - band;
    ctx.fillStyle = BACKDROP;
    ctx.fillRect(0, 0, width, area);
    if (source.width > 0 && source.height > 0) {
      const scale = Math.min(width / source.width, area / source.height);
      const w = source.width * scale;
      const h = source.height * scale;
      const x = (width - w) / 2;
      const y = (area - h) / 2;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(source, x, y, w, h);
      this.softenEdges(x, y, w, h);
    }
    if (band > 0) this.drawBand(caption, area, band);
  }

  /**
   * Where the picture is narrower (or shorter) than the frame, fade its cut edges into the backdrop: a spine that
   * stops at a hard vertical line looks broken off.
   */
  private softenEdges(x: number, y: number, w: number, h: number): void {
    const { ctx } = this;
    const edges: [number, number, number, number][] = [];
    const fadeX = Math.min(w * 0.08, 64);
    const fadeY = Math.min(h * 0.08, 64);
    if (x >= 1) edges.push([x, 0, x + fadeX, 0], [x + w, 0, x + w - fadeX, 0]);
    if (y >= 1) edges.push([0, y, 0, y + fadeY], [0, y + h, 0, y + h - fadeY]);
    for (const [x0, y0, x1, y1] of edges) {
      const gradient = ctx.createLinearGradient(x0, y0, x1, y1);
      gradient.addColorStop(0, BACKDROP);
      gradient.addColorStop(1, `${BACKDROP}00`);
      ctx.fillStyle = gradient;
      ctx.fillRect(
        Math.min(x0, x1),
        y0 === y1 ? y : Math.min(y0, y1),
        Math.abs(x1 - x0) || w,
        Math.abs(y1 - y0) || h,
      );
    }
  }

  private drawBand(caption: FrameCaption, top: number, band: number): void {
    const { ctx, width } = this;
    const layout = this.layoutFor(caption, band);
    const pad = Math.round(band * 0.09);
    const rtl = textDirection(this.lang) === 'rtl';
    ctx.fillStyle = BAND;
    ctx.fillRect(0, top, width, band);
    ctx.fillStyle = INK;
    ctx.direction = rtl ? 'rtl' : 'ltr';
    ctx.textAlign = 'start';
    ctx.textBaseline = 'top';
    const x = rtl ? width - pad : pad;
    let y = top + pad;
    ctx.font = `700 ${layout.titleSize}px ${FONT}`;
    ctx.fillText(layout.title, x, y);
    y += layout.titleSize * 1.3;
    ctx.font = `400 ${layout.bodySize}px ${FONT}`;
    for (const line of layout.lines) {
      ctx.fillText(line, x, y);
      y += layout.bodySize * 1.25;
    }
  }

  /** Wrap the caption to the band (worked out once per caption, not per frame). */
  private layoutFor(caption: FrameCaption, band: number): BandLayout {
    const key = `${caption.title}\n${caption.text}`;
    if (this.layout?.key === key) return this.layout;
    const { ctx } = this;
    const pad = Math.round(band * 0.09);
    const maxWidth = this.width - 2 * pad;
    const titleSize = Math.max(10, Math.round(band * 0.19));
    ctx.font = `700 ${titleSize}px ${FONT}`;
    const title = fitLine(ctx, caption.title, maxWidth);
    const room = band - 2 * pad - titleSize * 1.3;
    const baseSize = Math.max(9, Math.round(band * 0.15));
    let bodySize = baseSize;
    let lines: string[] = [];
    for (; bodySize >= Math.floor(baseSize * MIN_SHRINK); bodySize -= 1) {
      ctx.font = `400 ${bodySize}px ${FONT}`;
      lines = wrap(ctx, caption.text, maxWidth);
      if (lines.length * bodySize * 1.25 <= room + 1) break;
    }
    const fits = Math.max(1, Math.floor((room + 1) / (bodySize * 1.25)));
    if (lines.length > fits) {
      lines = lines.slice(0, fits);
      lines[fits - 1] = fitLine(ctx, `${lines[fits - 1]!}…`, maxWidth);
    }
    this.layout = { key, titleSize, bodySize, title, lines };
    return this.layout;
  }
}

/** Break text into lines no wider than `maxWidth` at spaces (a single over-long word gets a line of its own). */
export function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Shorten one line with an ellipsis until it fits. */
function fitLine(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let cut = text.replace(/…$/, '');
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
