import { readFileSync } from 'node:fs';
import { Matrix4, Vector3, type BufferAttribute } from 'three';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodyHalfExtent,
  bodyHeightScale,
  deformedY,
  heightScalesFor,
} from '../../../src/anatomy/fractureField';
import { indexSpineModel, type SpineModel } from '../../../src/anatomy/loadSpineModel';
import { mergeStaticParts } from '../../../src/anatomy/mergeStaticParts';
import { spineMeshoptDecoder } from '../../../src/anatomy/spineGltfLoader';
import { fractureProfile } from '../../../src/procedure/fracture';
import type { ProcedureOptions } from '../../../src/procedure/types';
import { discFollower } from '../../../src/scene/discFollow';
import { readSpineGlb } from '../../../src/scene/loading/spineGlb';

const WEDGE: ProcedureOptions = { level: 'L1', grade: 2, morphology: 'wedge', approach: 'bipedicular' };

let model: SpineModel;
beforeAll(async () => {
  const file = readFileSync('models/spine.glb');
  const data = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
  model = indexSpineModel(await readSpineGlb(data, spineMeshoptDecoder()));
});

/** The merged discs with L1 treated, the disc above L1's range and L1's frame in the merged geometry. */
function setUp() {
  const merged = mergeStaticParts(model.root, ['L1']);
  const range = merged.discParts.find((p) => p.name === 'disc_T12_L1_mesh')!;
  const positions = merged.disc.getAttribute('position') as BufferAttribute;
  const toLevel = new Matrix4()
    .copy(model.root.getObjectByName('L1')!.matrixWorld)
    .invert()
    .multiply(model.root.matrixWorld);
  const inLevel = (i: number) => new Vector3().fromBufferAttribute(positions, i).applyMatrix4(toLevel);
  return { merged, range, positions, inLevel, before: (positions.array as Float32Array).slice() };
}

const heightsOf = (h: { anteriorMm: number; middleMm: number; posteriorMm: number }) => ({
  anteriorHeightMm: h.anteriorMm,
  middleHeightMm: h.middleMm,
  posteriorHeightMm: h.posteriorMm,
});

describe('the disc above a collapsed vertebra follows its superior endplate', () => {
  it('sinks with the endplate at its lower rim, keeps its upper surface and leaves every other disc alone', () => {
    const { merged, range, positions, inLevel, before } = setUp();
    expect(range).toBeDefined();
    const profile = fractureProfile(WEDGE);
    const lowest = { i: -1, y: Infinity };
    const highest = { i: -1, y: -Infinity };
    for (let i = range.start; i < range.start + range.count; i++) {
      const p = inLevel(i);
      // The front of the disc, where the wedge sank most.
      if (p.z < 8) continue;
      if (p.y < lowest.y) Object.assign(lowest, { i, y: p.y });
      if (p.y > highest.y) Object.assign(highest, { i, y: p.y });
    }
    const lowBefore = inLevel(lowest.i);
    const highBefore = inLevel(highest.i);
    const follow = discFollower(model.root, merged.disc, merged.discParts, WEDGE)!;
    follow(heightsOf(profile.fractured));

    // Where the body's own surface point under the disc's lowest front vertex went.
    const [halfWidth, halfDepth] = bodyHalfExtent('L1');
    const scale = bodyHeightScale(
      lowBefore.z / halfDepth,
      lowBefore.x / halfWidth,
      heightScalesFor('L1', profile.fractured),
    );
    const endplateMoved = deformedY(lowBefore.y, scale, profile.anchorMm) - lowBefore.y;
    expect(endplateMoved).toBeLessThan(-4);
    expect(inLevel(lowest.i).y - lowBefore.y).toBeCloseTo(endplateMoved, 0);
    // Its upper surface stays on T12.
    expect(inLevel(highest.i).distanceTo(highBefore)).toBeLessThan(1e-4);
    // No other disc moved.
    const after = positions.array as Float32Array;
    for (let k = 0; k < after.length; k++) {
      if (k >= range.start * 3 && k < (range.start + range.count) * 3) continue;
      if (after[k] !== before[k]) throw new Error(`vertex ${Math.floor(k / 3)} of another disc moved`);
    }
  });

  it('goes back to the model’s shape at normal heights, and a new follower starts from that shape', () => {
    const { merged, positions, before } = setUp();
    const profile = fractureProfile(WEDGE);
    const first = discFollower(model.root, merged.disc, merged.discParts, WEDGE)!;
    first(heightsOf(profile.fractured));
    expect(positions.array).not.toEqual(before);
    first(heightsOf(profile.normal));
    expect(Array.from(positions.array).every((v, k) => Math.abs(v - before[k]!) < 1e-4)).toBe(true);
    // Another grade on the same merged discs, after the first one deformed them: the same as on fresh discs.
    first(heightsOf(profile.fractured));
    const severe = { ...WEDGE, grade: 3 as const };
    discFollower(model.root, merged.disc, merged.discParts, severe)!(
      heightsOf(fractureProfile(severe).fractured),
    );
    const fresh = setUp();
    discFollower(model.root, fresh.merged.disc, fresh.merged.discParts, severe)!(
      heightsOf(fractureProfile(severe).fractured),
    );
    expect(Array.from(positions.array)).toEqual(Array.from(fresh.positions.array));
  });

  it('has nothing to follow where the merged discs hold no disc above the level', () => {
    const merged = mergeStaticParts(model.root, ['T1']);
    expect(discFollower(model.root, merged.disc, merged.discParts, { ...WEDGE, level: 'T1' })).toBeNull();
  });
});
