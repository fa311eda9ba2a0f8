import { Html } from '@react-three/drei';
import { forwardRef, useImperativeHandle, useMemo, useRef } from 'react';
import { Vector3, type BufferGeometry, type Camera, type Object3D } from 'three';
import { useController, useT } from '../playback/react/viewerHooks';
import { outlineTagAnchor } from './outlineTagAnchor';

/** OutlineTagsProps: one set of the outline's lines (in the treated level's frame), to be named in the picture. */
export interface OutlineTagsProps {
  /** The normal endplate's line (solid, highlight colour). */
  normal: BufferGeometry;
  /** The collapsed endplate's line (dashed, dark). */
  collapsed: BufferGeometry;
  /** What the solid line stands for: the whole normal shape (on the cut face) or the endplate's normal height. */
  normalMeans: 'shape' | 'height';
}

/** Shows the tags as much as their lines show (0–1); writes to the page only when that changes. */
export interface OutlineTagsHandle {
  show(amount: number): void;
}

/** Gap (px) between a tag and the canvas's left edge, and between a tag and its line's end (labels.css). */
const EDGE_PX = 4;
const GAP_PX = 6;

/**
 * Projects a tag's anchor like drei's Html does, but keeps the tag, drawn to the left of its anchor, inside the
 * canvas: on a phone the body's front lies near the left edge and the tag moves in over the bone rather than
 * being cut off. drei compares the returned pair with the previous one, so two arrays take turns.
 */
function clampedPosition(width: () => number) {
  const point = new Vector3();
  const pairs: [number, number][] = [
    [0, 0],
    [0, 0],
  ];
  let turn = 0;
  return (anchor: Object3D, camera: Camera, size: { width: number; height: number }) => {
    point.setFromMatrixPosition(anchor.matrixWorld).project(camera);
    const pair = pairs[(turn ^= 1)]!;
    pair[0] = Math.max((point.x + 1) * 0.5 * size.width, width() + GAP_PX + EDGE_PX);
    pair[1] = (1 - point.y) * 0.5 * size.height;
    return pair;
  };
}

/**
 * The two lines named where they are drawn, in the picture itself: "normal shape" (on the cut face, where the
 * solid line outlines the whole body) or "normal height" (the result's endplate) above the solid line's front end, "before the balloon" below the dashed one's, so a still frame explains its own lines (a blind review of the
 * frames without their captions could not tell what the lines meant). Always shown with the lines, whatever the
 * labels setting: they are the lines' legend, not anatomy labels.
 */
export const OutlineTags = forwardRef<OutlineTagsHandle, OutlineTagsProps>(function OutlineTags(
  { normal, collapsed, normalMeans },
  handle,
) {
  const t = useT();
  const controller = useController();
  const elements = useRef<(HTMLDivElement | null)[]>([]);
  const widths = useRef<number[]>([0, 0]);
  const shown = useRef(-1);
  const positions = useMemo(() => [0, 1].map((i) => clampedPosition(() => widths.current[i]!)), []);
  const tags = useMemo(
    () => [
      {
        key: 'normal',
        at: outlineTagAnchor(normal, 0),
        text: t(normalMeans === 'shape' ? 'outline.normalShape' : 'outline.normalHeight'),
        below: false,
      },
      { key: 'collapsed', at: outlineTagAnchor(collapsed, 0), text: t('outline.before'), below: true },
    ],
    [normal, collapsed, normalMeans, t],
  );
  useImperativeHandle(handle, () => ({
    show(amount) {
      // In twentieths: the page is written as the fade goes, not on every frame.
      const next = amount > 0.005 ? Math.round(amount * 20) / 20 : 0;
      if (next === shown.current) return;
      const appearing = next > 0 && shown.current <= 0;
      shown.current = next;
      elements.current.forEach((el, i) => {
        if (!el) return;
        el.style.display = next > 0 ? '' : 'none';
        el.style.opacity = String(next);
        // Measured as it appears (its width is fixed by its text, perhaps in another language since it was last
        // shown): one layout read per appearance.
        if (appearing) widths.current[i] = el.offsetWidth;
      });
      // This frame's tags may have been placed before they were measured: place them again, clamped.
      if (appearing) controller.requestFrame();
    },
  }));
  return (
    <>
      {tags.map(
        ({ key, at, text, below }, i) =>
          at && (
            <Html key={key} position={at} zIndexRange={[20, 10]} calculatePosition={positions[i]}>
              <div
                ref={(el) => {
                  elements.current[i] = el;
                  // Mounted after the frame that set the others: start hidden until the next frame says.
                  if (el && shown.current <= 0) el.style.display = 'none';
                }}
                className={`spv-label spv-outline-tag spv-outline-tag-${key}${below ? ' spv-outline-tag-below' : ''}`}
              >
                {text}
              </div>
            </Html>
          ),
      )}
    </>
  );
});
