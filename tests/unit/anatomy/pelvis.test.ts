import { beforeAll, describe, expect, it } from 'vitest';
import { buildSpineMeshes, type SpineMeshes } from '../../../src/anatomy/buildSpine';
import { iliumLandmarks, iliumPoint } from '../../../src/anatomy/ilium';
import type { PartMesh } from '../../../src/anatomy/polygonize';
import { sacralPlateAt } from '../../../src/anatomy/sacrum';
import { HIATUS_HALF_WIDTH_MM, HIATUS_TOP_U } from '../../../src/anatomy/sacrumDorsal';
import { levelPose, type Pose } from '../../../src/anatomy/spineLayout';
import { distanceToMesh, lineHits, spanAlongLine, transfer, type Point } from './meshMeasure';

// L5 and the sacrum with the ilia, without baked occlusion (not needed here).
let meshes: SpineMeshes;
beforeAll(() => {
  meshes = buildSpineMeshes({ bones: ['L5', 'S1'], discs: false, occlusion: false });
}, 120_000);

function part(bone: 'L5' | 'S1', name: string): PartMesh {
  const found = meshes.bones.get(bone)?.find((p) => p.name === name);
  if (!found) throw new Error(`no ${bone} ${name} mesh`);
  return found;
}

const SPINE: Pose = { position: [0, 0, 0], rotationXRad: 0 };

const vertices = (m: PartMesh): Point[] => {
  const out: Point[] = [];
  for (let i = 0; i < m.positions.length; i += 3)
    out.push([m.positions[i]!, m.positions[i + 1]!, m.positions[i + 2]!]);
  return out;
};

/** Whether a point is inside a closed mesh (crossings of a ray counted). */
const inside = (m: PartMesh, q: Point): boolean =>
  lineHits(m, q, [1, 0, 0]).filter((t) => t > 0).length % 2 === 1;

const SIDES = [
  ['ilium_left', 1],
  ['ilium_right', -1],
] as const;

describe('iliac wings', () => {
  it.each(SIDES)(
    '%s: the crest’s rim is much thicker than the wing below it (iliac tubercle vs iliac fossa)',
    (name, side) => {
      const ilium = part('S1', name);
      const across = (y: number, z: number): number =>
        spanAlongLine(ilium, [...iliumPoint(side, [160, y, z])], [-side, 0, 0]);
      // At the tubercle, a few mm below the crest's top (Ebraheim 1997: 18.9 ± 2.3 mm).
      const tubercle = across(25, 28);
      // The fossa, in the middle of the wing (a thin plate, 1–3 mm in life).
      const fossa = across(-15, 5);
      expect(tubercle, 'tubercle (mm)').toBeGreaterThanOrEqual(14);
      expect(fossa, 'fossa (mm)').toBeGreaterThan(0);
      expect(fossa, 'fossa (mm)').toBeLessThanOrEqual(7);
      expect(tubercle / fossa).toBeGreaterThan(2.5);
    },
  );

  it.each(SIDES)(
    '%s: the ASIS is the wing’s foremost point and the PSIS its hindmost, where they belong',
    (name, side) => {
      const s1 = levelPose('S1');
      const inSpine = vertices(part('S1', name)).map((v) => transfer(v, s1, SPINE));
      const marks = iliumLandmarks(side);
      const asis = transfer(marks.asis.point, s1, SPINE);
      const psis = transfer(marks.psis.point, s1, SPINE);
      const front = inSpine.reduce((a, b) => (b[2] > a[2] ? b : a));
      const back = inSpine.reduce((a, b) => (b[2] < a[2] ? b : a));
      const top = Math.max(...inSpine.map((v) => v[1]));
      expect(
        Math.hypot(front[0] - asis[0], front[1] - asis[1], front[2] - asis[2]),
        'ASIS is foremost',
      ).toBeLessThan(10);
      expect(
        Math.hypot(back[0] - psis[0], back[1] - psis[1], back[2] - psis[2]),
        'PSIS is hindmost',
      ).toBeLessThan(10);
      // Side and width: the ASIS far lateral (half an inter-ASIS distance of ≈ 200–260 mm), the PSIS close to the
      // midline, over the back of the sacrum.
      expect(Math.sign(asis[0])).toBe(side);
      expect(Math.abs(asis[0])).toBeGreaterThanOrEqual(95);
      expect(Math.abs(asis[0])).toBeLessThanOrEqual(130);
      expect(Math.abs(psis[0])).toBeLessThan(52);
      const forward = transfer([0, 0, 1], SPINE, { position: [0, 0, 0], rotationXRad: s1.rotationXRad });
      const sacrumAhead = lineHits(part('S1', 'sacrum'), [...marks.psis.point], forward).filter((t) => t > 0);
      expect(sacrumAhead.length, 'the sacrum lies in front of the PSIS').toBeGreaterThanOrEqual(2);
      // Both spines well below the crest's top, the ASIS lower than the PSIS (ASIS–PSIS line 13 ± 5° to the
      // horizontal, Preece 2008).
      expect(top - asis[1]).toBeGreaterThan(20);
      expect(top - psis[1]).toBeGreaterThan(20);
      const tiltDeg = (Math.atan2(psis[1] - asis[1], asis[2] - psis[2]) * 180) / Math.PI;
      expect(tiltDeg).toBeGreaterThanOrEqual(5);
      expect(tiltDeg).toBeLessThanOrEqual(20);
    },
  );

  it.each(SIDES)('%s: its auricular surface lies against the sacrum’s, without entering it', (name, side) => {
    const ilium = part('S1', name);
    const sacrum = part('S1', 'sacrum');
    const medial = vertices(ilium).filter((v) => side * v[0] < 62);
    const touching = medial.filter((v) => distanceToMesh(sacrum, v) <= 1.5);
    expect(touching.length, 'ilium vertices within 1.5 mm of the sacrum').toBeGreaterThanOrEqual(20);
    // The joint is long, as the auricular surface is (long arm ≈ 39 mm).
    const ys = touching.map((v) => v[1]);
    expect(Math.max(...ys) - Math.min(...ys), 'joint length along S1’s axis (mm)').toBeGreaterThanOrEqual(25);
    expect(medial.filter((v) => inside(sacrum, v)).length, 'ilium vertices inside the sacrum').toBe(0);
  });
});

describe('dorsal sacrum', () => {
  /** Depth of the first dorsal surface met from behind, at `x` from the midline, `u` down the plate (mm). */
  function dorsalSurface(x: number, u: number): number {
    const { point, through } = sacralPlateAt(u);
    const origin: Point = [x, point[1] - 40 * through[1], point[2] - 40 * through[2]];
    const hits = lineHits(part('S1', 'sacrum'), origin, through as Point);
    return hits.length ? hits[0]! - 40 : Infinity;
  }

  it('has a median sacral crest standing proud of the dorsal surface and the grooves beside it', () => {
    for (const u of [37, 56]) {
      const crest = dorsalSurface(0, u);
      const groove = dorsalSurface(5.5, u);
      expect(groove - crest, `median crest height over the groove at ${u} mm (mm)`).toBeGreaterThanOrEqual(4);
      // The crest's top lies clearly behind the plate's dorsal face (≥ 4 mm proud of it).
      expect(crest, `crest top vs the plate's mid-surface at ${u} mm`).toBeLessThan(-12 + 8 * (u / 105) - 4);
    }
  });

  it('has intermediate and lateral crests either side of the dorsal foramina', () => {
    // Beside the second dorsal foramen (18.5 mm from the midline): the lateral tubercle outside it and the
    // intermediate crest inside it stand above the surface between them and the foramen.
    const row = 48;
    const lateral = dorsalSurface(25.5, row) - dorsalSurface(29.5, row);
    expect(lateral, 'lateral tubercle (mm)').toBeGreaterThanOrEqual(1.5);
    const intermediate = dorsalSurface(14, row + 3) - dorsalSurface(10.3, row + 3);
    expect(intermediate, 'intermediate crest (mm)').toBeGreaterThanOrEqual(1);
  });

  it('opens into the sacral hiatus at its lower end, between the sacral cornua', () => {
    const sacrum = part('S1', 'sacrum');
    const thickness = (x: number, u: number): number => {
      const { point, through } = sacralPlateAt(u);
      return spanAlongLine(
        sacrum,
        [x, point[1] - 30 * through[1], point[2] - 30 * through[2]],
        through as Point,
      );
    };
    const inHiatus = thickness(0, HIATUS_TOP_U + 8);
    expect(inHiatus, 'bone left in the hiatus (the back of S5)').toBeGreaterThan(2);
    expect(inHiatus).toBeLessThan(0.6 * thickness(0, HIATUS_TOP_U - 8));
    // The cornua beside it stand higher than the hiatus's floor.
    const floor = dorsalSurface(0, HIATUS_TOP_U + 6);
    const cornu = dorsalSurface(HIATUS_HALF_WIDTH_MM + 3, HIATUS_TOP_U + 6);
    expect(floor - cornu, 'cornu over the hiatus floor (mm)').toBeGreaterThanOrEqual(3);
  });
});

describe('lumbosacral facet joints', () => {
  it.each([1, -1] as const)(
    'side %i: S1’s superior facet meets L5’s inferior facet (gap ≤ 3 mm, no overlap)',
    (side) => {
      const s1Facets = part('S1', 'articular');
      const l5 = vertices(part('L5', 'articular'))
        .map((v) => transfer(v, levelPose('L5'), levelPose('S1')))
        .filter((v) => side * v[0] > 0);
      // Only L5's lower processes can reach S1: those below L5's body centre.
      const near = l5.filter((v) => distanceToMesh(s1Facets, v) < 12);
      expect(near.length, 'L5 inferior facet vertices near S1').toBeGreaterThan(0);
      const gap = Math.min(...near.map((v) => distanceToMesh(s1Facets, v)));
      expect(gap, 'closest approach (mm)').toBeLessThanOrEqual(3);
      expect(near.filter((v) => inside(s1Facets, v)).length, 'L5 facet vertices inside S1’s').toBe(0);
    },
  );
});
