import { Html } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { Vector3, type BufferGeometry, type Camera, type Object3D } from 'three';
import type { MessageParams } from '../i18n/catalog';
import { useController, useT } from '../playback/react/viewerHooks';
import { PASS_THROUGH, declutterFor, newLabel, tagAnchorX, type DeclutteredLabel } from './labelDeclutter';
import { outlineTagAnchor } from './outlineTagAnchor';

/** One tag: the line it names (in the treated level's frame), its message key, and which side of the line. */
export interface OutlineTag {
  key: string;
  /** The line named: the tag hangs at its front end on the upper endplate (outlineTagAnchor). */
  line: BufferGeometry;
  text: 'outline.normalShape' | 'outline.normalHeight' | 'outline.before' | 'outline.beforeLower';
  /** The message's placeholders (the millimetres of `outline.beforeLower`). */
  params?: MessageParams;
  /** Below its line (the collapsed endplate's), rather than above. */
  below: boolean;
}

/** OutlineTagsProps: the tags of one set of the outline's lines, to be named in the picture. */
export interface OutlineTagsProps {
  /** One per line of the set, fixed for the set's life. */
  tags: readonly OutlineTag[];
}

/** Shows the tags as much as their lines show (0–1); writes to the page only when that changes. */
export interface OutlineTagsHandle {
  show(amount: number): void;
}

/** Placed before every label of the scene: the lines' legend shows whenever they do, and labels keep clear. */
const TAG_PRIORITY = -1;

/**
 * Projects a tag's anchor like drei's Html does, but hung where the tag, drawn to the left of it, stays inside
 * the canvas (`tagAnchorX`, shared with the labels' declutter, which keeps other labels clear of it). drei keeps
 * the pair it last placed the tag at and places it again only when a new pair differs from it: so a new pair is
 * made only when the place changes (an array changed in place would compare equal to itself).
 */
function clampedPosition(label: DeclutteredLabel) {
  const point = new Vector3();
  let last: [number, number] = [NaN, NaN];
  return (anchor: Object3D, camera: Camera, size: { width: number; height: number }) => {
    point.setFromMatrixPosition(anchor.matrixWorld).project(camera);
    const x = tagAnchorX((point.x + 1) * 0.5 * size.width, label.width);
    const y = (1 - point.y) * 0.5 * size.height;
    if (x !== last[0] || y !== last[1]) last = [x, y];
    return last;
  };
}

/**
 * The lines named where they are drawn, in the picture itself: "normal shape" (on the cut face, where the
 * solid line outlines the whole body) or "normal height" (the result's endplate) above the solid line's front end,
 * "before the balloon" below the dashed one's, so a still frame explains its own lines (a blind review of the
 * frames without their captions could not tell what the lines meant). Always shown with the lines, whatever the
 * labels setting: they are the lines' legend, not anatomy labels.
 */
export const OutlineTags = forwardRef<OutlineTagsHandle, OutlineTagsProps>(function OutlineTags(
  { tags: wanted },
  handle,
) {
  const t = useT();
  const controller = useController();
  const scene = useThree((s) => s.scene);
  const shown = useRef(-1);
  // The declutter places a tag beside its anchor, above or below it as drawn (labels.css), not centred on it.
  const placed = useMemo(
    () =>
      wanted.map(({ below }) => ({
        ...newLabel(TAG_PRIORITY),
        tag: below ? ('below' as const) : ('above' as const),
        wanted: false,
      })),
    [wanted],
  );
  const positions = useMemo(() => placed.map(clampedPosition), [placed]);
  const tags = useMemo(
    () =>
      wanted.map(({ key, line, text, params, below }) => ({
        key,
        at: outlineTagAnchor(line, 0),
        text: t(text, params),
        below,
      })),
    [wanted, t],
  );
  useEffect(() => {
    const declutter = declutterFor(scene);
    declutter.add(placed);
    return () => declutter.remove(placed);
  }, [scene, placed]);
  // A tag's size changes as it shows (hidden, it has none) and with its text's language, which drei renders in its
  // own React root, after this one: measured whenever it changes, then placed again.
  const resize = useMemo(
    () =>
      new ResizeObserver(() => {
        let moved = false;
        for (const label of placed) {
          const width = label.element?.offsetWidth ?? 0;
          const height = label.element?.offsetHeight ?? 0;
          // (The observer also reports each tag once when it starts watching: a hidden tag, unchanged, needs no frame.)
          moved ||= label.wanted && (width !== label.width || height !== label.height);
          label.width = width;
          label.height = height;
        }
        if (moved) controller.requestFrame();
      }),
    [placed, controller],
  );
  useEffect(() => () => resize.disconnect(), [resize]);
  useImperativeHandle(handle, () => ({
    show(amount) {
      // In twentieths: the page is written as the fade goes, not on every frame.
      const next = amount > 0.005 ? Math.round(amount * 20) / 20 : 0;
      if (next === shown.current) return;
      const flips = next > 0 !== shown.current > 0;
      shown.current = next;
      for (const label of placed) {
        label.wanted = next > 0;
        if (!label.element) continue;
        label.element.style.display = next > 0 ? '' : 'none';
        label.element.style.opacity = String(next);
      }
      // The labels may have been placed this frame before the tags came or went: place them again.
      if (flips) controller.requestFrame();
    },
  }));
  return (
    <>
      {tags.map(
        ({ key, at, text, below }, i) =>
          at && (
            <group key={key} position={at} ref={(g) => void (placed[i]!.anchor = g)}>
              <Html zIndexRange={[20, 10]} calculatePosition={positions[i]} style={PASS_THROUGH}>
                <div
                  ref={(el) => {
                    const label = placed[i]!;
                    if (label.element) resize.unobserve(label.element);
                    label.element = el;
                    if (!el) return;
                    // Mounted after the frame that set the others: start as they are until the next frame says.
                    if (shown.current <= 0) el.style.display = 'none';
                    resize.observe(el);
                  }}
                  className={`spv-label spv-outline-tag spv-outline-tag-${key}${below ? ' spv-outline-tag-below' : ''}`}
                >
                  {text}
                </div>
              </Html>
            </group>
          ),
      )}
    </>
  );
});
