import { BoxGeometry, BufferGeometry, Float32BufferAttribute, Vector4 } from 'three';
import { describe, expect, it } from 'vitest';
import { deformedY } from '../../../src/anatomy/fractureField';
import {
  collapsedEndplateOutline,
  normalEndplateOutline,
  type BodyShape,
} from '../../../src/scene/collapsedOutline';
import { outlineTagAnchor } from '../../../src/scene/outlineTagAnchor';

// A body-sized box (40 wide, 26 high, 32 deep: front wall at z = +16), a biconcave collapse of both endplates.
const body = new BoxGeometry(40, 26, 32, 20, 26, 32);
const side = new Vector4(1, 0, 0, -12);
const biconcave: BodyShape = {
  scales: { anterior: 0.9, middle: 0.7, posterior: 0.95 },
  anchorMm: 0,
  halfExtent: [20, 16],
};

describe('outlineTagAnchor: where the legend names a line', () => {
  it('is the front end of the upper endplate’s line, for the normal and the collapsed one', () => {
    for (const line of [
      normalEndplateOutline(body, side, biconcave, 0.7, 0),
      collapsedEndplateOutline(body, side, biconcave, 0.7, 0, 1.1),
    ]) {
      const at = outlineTagAnchor(line, 0)!;
      // In the cut's plane, at the front wall (within the ribbon's half width and one division of the box) ...
      expect(at[0]).toBeCloseTo(12, 0);
      expect(at[2]).toBeGreaterThan(16 - 1.5);
      // ... on the upper endplate, not the lower one the biconcave collapse also moved.
      expect(at[1]).toBeGreaterThan(0);
      line.dispose();
    }
    // The two ends lie one above the other: the normal line's at the body's top, the collapsed one's lower.
    const normal = outlineTagAnchor(normalEndplateOutline(body, side, biconcave, 0.7, 0), 0)!;
    const collapsed = outlineTagAnchor(collapsedEndplateOutline(body, side, biconcave, 0.7, 0, 1.1), 0)!;
    expect(normal[1]).toBeGreaterThan(collapsed[1] + 0.5);
    expect(collapsed[1]).toBeLessThan(deformedY(13, 0.85, 0) + 1);
  });

  it('is null for an empty line or one with nothing above the middle', () => {
    expect(outlineTagAnchor(new BufferGeometry(), 0)).toBeNull();
    const low = new BufferGeometry();
    low.setAttribute('position', new Float32BufferAttribute([0, -5, 10, 0, -6, 12, 0, -4, 8], 3));
    expect(outlineTagAnchor(low, 0)).toBeNull();
  });
});
