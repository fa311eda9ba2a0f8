import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Lps, ScanVolume } from '../../scan/types';
import { renderSlice, type CtWindow } from './sliceImage';
import { lpsToPixel, pixelToLps, VIEW_AXES, type SliceFrame } from './slicePoint';

/** SliceViewProps: the volume, the view's pixel grid, the current point, and what moving it does. */
export interface SliceViewProps {
  volume: ScanVolume;
  frame: SliceFrame;
  point: Lps;
  window: CtWindow;
  /** The view's accessible name ("Axial, seen from the feet"). */
  label: string;
  /** The id of the keyboard help. */
  describedBy: string;
  /** The letters at the image's left, right, top and bottom edges (R, L, A, P …). */
  sides: [string, string, string, string];
  /** Move the point to here (clamped by the caller). */
  onMove: (point: Lps) => void;
  /** Go this many slices through the view (Page Up / Page Down, the wheel). */
  onStep: (slices: number) => void;
  /** Enter: show the procedure at the point. */
  onPick: () => void;
}

/** Where the slice image lies in the canvas (device pixels): scaled to fit, centred. */
interface Placement {
  x: number;
  y: number;
  scale: number;
}

const CROSSHAIR = '#ffd23f';

/**
 * One slice of the CT with the crosshair at the current point: click or drag to move it, the wheel or Page Up/Down
 * to change the slice, arrows to nudge it (Shift: ten times as far), Enter to pick. The slice is resliced into an
 * off-screen canvas only when its plane or window changes; moving the point redraws the crosshair alone.
 */
export function SliceView(props: SliceViewProps) {
  const { volume, frame, point, window, label, describedBy, sides } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(0);
  const placement = useRef<Placement>({ x: 0, y: 0, scale: 1 });
  const [size, setSize] = useState({ width: 0, height: 0 });
  const handlers = useRef(props);
  handlers.current = props;
  const through = point[VIEW_AXES[frame.kind].through];

  // The slice's own pixels (putImageData: no image URL, so the strict CSP allows it).
  const offscreen = useRef<{ canvas: HTMLCanvasElement; data: ImageData } | null>(null);
  useEffect(() => {
    let o = offscreen.current;
    if (!o || o.canvas.width !== frame.width || o.canvas.height !== frame.height) {
      const canvas = document.createElement('canvas');
      canvas.width = frame.width;
      canvas.height = frame.height;
      o = offscreen.current = { canvas, data: new ImageData(frame.width, frame.height) };
    }
    const at: Lps = [0, 0, 0];
    at[VIEW_AXES[frame.kind].through] = through;
    renderSlice(volume, frame, at, window, o.data.data);
    o.canvas.getContext('2d')?.putImageData(o.data, 0, 0);
    setDrawn((n) => n + 1);
  }, [volume, frame, window, through]);

  // The canvas matches its box in device pixels, so lines and letters are sharp at any size.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const update = () => {
      const ratio = globalThis.devicePixelRatio || 1;
      setSize({
        width: Math.round(canvas.clientWidth * ratio),
        height: Math.round(canvas.clientHeight * ratio),
      });
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    const image = offscreen.current?.canvas;
    if (!canvas || !ctx || !image || drawn === 0 || size.width === 0) return;
    if (canvas.width !== size.width) canvas.width = size.width;
    if (canvas.height !== size.height) canvas.height = size.height;
    const scale = Math.min(size.width / frame.width, size.height / frame.height);
    const p = {
      scale,
      x: (size.width - frame.width * scale) / 2,
      y: (size.height - frame.height * scale) / 2,
    };
    placement.current = p;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(image, p.x, p.y, frame.width * scale, frame.height * scale);
    drawCrosshair(ctx, p, lpsToPixel(frame, point), size);
    drawSides(ctx, p, frame, sides);
  }, [drawn, size, frame, point, sides]);

  // Wheel: through the slices. Not React's onWheel: that listener is passive and cannot keep the page from scrolling.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const wheel = (event: WheelEvent) => {
      event.preventDefault();
      if (event.deltaY !== 0) handlers.current.onStep(event.deltaY < 0 ? 1 : -1);
    };
    canvas.addEventListener('wheel', wheel, { passive: false });
    return () => canvas.removeEventListener('wheel', wheel);
  }, []);

  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const canvas = event.currentTarget;
    const rect = canvas.getBoundingClientRect();
    const ratio = canvas.width / Math.max(1, rect.width);
    const p = placement.current;
    const c = ((event.clientX - rect.left) * ratio - p.x) / p.scale;
    const r = ((event.clientY - rect.top) * ratio - p.y) / p.scale;
    if (c < 0 || r < 0 || c > frame.width || r > frame.height) return;
    props.onMove(pixelToLps(frame, c, r, point));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const step = frame.mmPerPixel * (event.shiftKey ? 10 : 1);
    const [c, r] = lpsToPixel(frame, point);
    const nudge = (dc: number, dr: number) => props.onMove(pixelToLps(frame, c + dc, r + dr, point));
    const keys: Record<string, () => void> = {
      ArrowLeft: () => nudge(-step / frame.mmPerPixel, 0),
      ArrowRight: () => nudge(step / frame.mmPerPixel, 0),
      ArrowUp: () => nudge(0, -step / frame.mmPerPixel),
      ArrowDown: () => nudge(0, step / frame.mmPerPixel),
      PageUp: () => props.onStep(event.shiftKey ? 10 : 1),
      PageDown: () => props.onStep(event.shiftKey ? -10 : -1),
      Enter: () => props.onPick(),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <canvas
      ref={canvasRef}
      className="spv-scan-slice"
      data-view={frame.kind}
      tabIndex={0}
      role="application"
      aria-roledescription="slice"
      aria-label={label}
      aria-describedby={describedBy}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        moveTo(event);
      }}
      onPointerMove={(event) => {
        if (event.buttons & 1) moveTo(event);
      }}
      onKeyDown={onKeyDown}
    />
  );
}

/** Two lines through the point, with a gap around it so the bone under it stays visible. */
function drawCrosshair(
  ctx: CanvasRenderingContext2D,
  p: Placement,
  [c, r]: [number, number],
  size: { width: number; height: number },
): void {
  const x = p.x + c * p.scale;
  const y = p.y + r * p.scale;
  const ratio = globalThis.devicePixelRatio || 1;
  const gap = 8 * ratio;
  ctx.strokeStyle = CROSSHAIR;
  ctx.lineWidth = Math.max(1, ratio);
  ctx.beginPath();
  ctx.moveTo(0, y);
  ctx.lineTo(x - gap, y);
  ctx.moveTo(x + gap, y);
  ctx.lineTo(size.width, y);
  ctx.moveTo(x, 0);
  ctx.lineTo(x, y - gap);
  ctx.moveTo(x, y + gap);
  ctx.lineTo(x, size.height);
  ctx.stroke();
}

/** The orientation letters at the middle of each edge of the image. */
function drawSides(
  ctx: CanvasRenderingContext2D,
  p: Placement,
  frame: SliceFrame,
  [left, right, top, bottom]: [string, string, string, string],
): void {
  const ratio = globalThis.devicePixelRatio || 1;
  const w = frame.width * p.scale;
  const h = frame.height * p.scale;
  const pad = 6 * ratio;
  ctx.font = `600 ${Math.round(14 * ratio)}px system-ui, sans-serif`;
  ctx.fillStyle = '#fff';
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 3 * ratio;
  const label = (text: string, x: number, y: number, align: CanvasTextAlign, base: CanvasTextBaseline) => {
    ctx.textAlign = align;
    ctx.textBaseline = base;
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
  };
  label(left, p.x + pad, p.y + h * 0.5 - 12 * ratio, 'left', 'middle');
  label(right, p.x + w - pad, p.y + h * 0.5 - 12 * ratio, 'right', 'middle');
  label(top, p.x + w * 0.5 + 12 * ratio, p.y + pad, 'left', 'top');
  label(bottom, p.x + w * 0.5 + 12 * ratio, p.y + h - pad, 'left', 'bottom');
}
