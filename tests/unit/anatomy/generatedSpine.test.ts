import { readFileSync } from 'node:fs';
import { Vector4 } from 'three';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSpineGlb,
  buildSpineMeshes,
  spineScene,
  type SpineMeshes,
} from '../../../src/anatomy/buildSpine';
import { writeGlb } from '../../../src/anatomy/glbWriter';
import { LEVEL_IDS, type LevelId } from '../../../src/anatomy/levels';
import { levelDimensions } from '../../../src/anatomy/morphometry';
import type { PartMesh } from '../../../src/anatomy/polygonize';
import { foldedEdges } from './meshFolds';
import { accessPlan } from '../../../src/procedure/accessPath';
import { createProcedureState } from '../../../src/procedure/procedureState';
import { cutawayPlane } from '../../../src/scene/cutaway';
import { vertebraLandmarks } from '../../../src/anatomy/vertebraLandmarks';
import { duralSac } from '../../../src/anatomy/duralSac';
import {
  chordThrough,
  endpoints,
  lineHits,
  extentAlong,
  outlineCentroid,
  sliceMesh,
  spanAlongLine,
  unmatchedDirectedEdges,
  type Point,
} from './meshMeasure';

// One full generation (≈ 10–20 s on the 2-core machine) serves every test in this file.
let meshes: SpineMeshes;
let glb: Uint8Array;
beforeAll(() => {
  meshes = buildSpineMeshes();
  glb = writeGlb(spineScene(meshes));
}, 180_000);

const triangles = (list: readonly { indices: Uint32Array }[]): number =>
  list.reduce((n, m) => n + m.indices.length / 3, 0);

function part(level: LevelId, name: string): PartMesh {
  const found = meshes.bones.get(level)?.find((p) => p.name === name);
  if (!found) throw new Error(`no ${level}_${name} mesh`);
  return found;
}

/** Passes when measured is within `tolerance` (a fraction) of reference; the message names both. */
function expectClose(label: string, measured: number, reference: number, tolerance = 0.1): void {
  const error = Math.abs(measured / reference - 1);
  expect(
    error,
    `${label}: expected ${reference.toFixed(2)} ±${tolerance * 100} %, got ${measured.toFixed(2)}`,
  ).toBeLessThanOrEqual(tolerance);
}

describe('committed models/spine.glb', () => {
  it('is byte for byte what the generator produces now (run `npm run models` after changing data or generator)', () => {
    const onDisk = readFileSync(new URL('../../../models/spine.glb', import.meta.url));
    expect(onDisk.length, 'file size').toBe(glb.length);
    expect(Buffer.compare(onDisk, Buffer.from(glb)), 'file contents differ').toBe(0);
  });

  it('stays within the triangle budget (the default view draws the spine twice, 3D and X-ray, in 350 000)', () => {
    const bones = [...meshes.bones.values()].reduce((n, parts) => n + triangles(parts), 0);
    const discs = triangles(meshes.discs.map((d) => d.mesh));
    expect(bones + discs).toBeLessThanOrEqual(160_000);
  });

  it('downloads in at most 600 kB with gzip -9 (the committed file)', () => {
    const onDisk = readFileSync(new URL('../../../models/spine.glb', import.meta.url));
    expect(gzipSync(onDisk, { level: 9 }).length).toBeLessThanOrEqual(600_000);
  });

  it('gives every mesh its baked ambient occlusion as a normalised unsigned-byte RGB colour (COLOR_0)', () => {
    const jsonLength = new DataView(glb.buffer, glb.byteOffset).getUint32(12, true);
    const gltf = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength))) as {
      meshes: { name: string; primitives: { attributes: Record<string, number> }[] }[];
      accessors: { componentType: number; normalized?: boolean; type: string; count: number }[];
    };
    for (const mesh of gltf.meshes) {
      const { COLOR_0, POSITION } = mesh.primitives[0]!.attributes;
      expect(COLOR_0, mesh.name).toBeDefined();
      const color = gltf.accessors[COLOR_0!]!;
      expect(color, mesh.name).toMatchObject({ componentType: 5121, normalized: true, type: 'VEC3' });
      expect(color.count, mesh.name).toBe(gltf.accessors[POSITION!]!.count);
    }
  });

  it('generating twice gives identical bytes', () => {
    const options = { bones: ['T12', 'L1'] as const };
    expect(Buffer.compare(Buffer.from(buildSpineGlb(options)), Buffer.from(buildSpineGlb(options)))).toBe(0);
  }, 60_000);
});

describe('every part mesh is closed, consistently oriented (needed by the fluoroscopy pass) and unfolded', () => {
  it('has each directed edge matched by its reverse', () => {
    const all: [string, PartMesh][] = [...meshes.bones.entries()].flatMap(([b, parts]) =>
      parts.map((p): [string, PartMesh] => [`${b}_${p.name}`, p]),
    );
    all.push(...meshes.discs.map((d): [string, PartMesh] => [d.pose.name, d.mesh]));
    const open = all.filter(([, mesh]) => unmatchedDirectedEdges(mesh) > 0).map(([name]) => name);
    expect(open).toEqual([]);
  });

  it('has no torn flaps: simplification never folds a triangle back onto its neighbour', () => {
    // Surface nets alone leaves a couple of folded edges where a thin plate pinches inside one grid cell (L1 and L4
    // laminae, the S1 body); each fold the simplifier made showed as a torn flap on an articular process.
    const folds = [...meshes.bones.entries()].flatMap(([bone, parts]) =>
      parts.map((p) => ({ name: `${bone}_${p.name}`, folded: foldedEdges(p) })),
    );
    const torn = folds.filter((f) => f.folded > 4).map((f) => `${f.name}: ${f.folded}`);
    expect(torn, 'parts with more than 4 folded edges').toEqual([]);
    expect(
      folds.reduce((n, f) => n + f.folded, 0),
      'folded edges in the whole spine',
    ).toBeLessThanOrEqual(10);
  });
});

describe.each(LEVEL_IDS)('%s, measured on the generated mesh', (level) => {
  const d = levelDimensions(level);
  const marks = vertebraLandmarks(level);

  it('has body heights, endplate width and depth within 10 % of the data', () => {
    const body = part(level, 'body');
    // Vertical probes at mid-width, 3 mm inside the posterior and anterior walls (clear of the rounded rims).
    expectClose(
      'posterior height',
      spanAlongLine(body, [0, 0, marks.posteriorWallZ + 3], [0, 1, 0]),
      d.bodyHeightPosteriorMm,
    );
    expectClose(
      'anterior height',
      spanAlongLine(body, [0, 0, marks.anteriorWallZ - 3], [0, 1, 0]),
      d.bodyHeightAnteriorMm,
    );
    const nearTop = endpoints(
      sliceMesh(body, [0, Math.min(d.bodyHeightAnteriorMm, d.bodyHeightPosteriorMm) / 2 - 1.5, 0], [0, 1, 0]),
    );
    // Width of the endplate proper: the posterior quarter, where the pedicles join, is left out.
    const endplate = nearTop.filter((p) => p[2] > marks.posteriorWallZ + d.endplateDepthMm / 4);
    expectClose('upper endplate width', extentAlong(endplate, [1, 0, 0]), d.endplateWidthMm);
    expectClose('upper endplate depth', extentAlong(nearTop, [0, 0, 1]), d.endplateDepthMm);
  });

  it('puts the body walls where the landmarks say (the posterior wall between the pedicles)', () => {
    const body = part(level, 'body');
    let zMin = Infinity;
    let zMax = -Infinity;
    for (let i = 0; i < body.positions.length; i += 3) {
      const [x, z] = [body.positions[i]!, body.positions[i + 2]!];
      if (Math.abs(x) < d.canalWidthMm / 2 - 3) zMin = Math.min(zMin, z);
      zMax = Math.max(zMax, z);
    }
    expect(Math.abs(zMin - marks.posteriorWallZ), 'posterior wall (mm)').toBeLessThan(1);
    expect(Math.abs(zMax - marks.anteriorWallZ), 'anterior wall (mm)').toBeLessThan(1);
  });

  it('lies wholly inside the closed cutaway, so the cut opens from outside the bone (either approach)', () => {
    for (const approach of ['bipedicular', 'unipedicular'] as const) {
      const plane = cutawayPlane(
        createProcedureState(),
        true,
        accessPlan(level, approach).needles[0]!,
        new Vector4(),
      );
      for (const mesh of meshes.bones.get(level)!.filter((m) => !m.name.includes('rib'))) {
        for (let i = 0; i < mesh.positions.length; i += 3) {
          const kept = plane.x * mesh.positions[i]! + plane.z * mesh.positions[i + 2]! + plane.w;
          expect(kept, `${mesh.name}, ${approach}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('leaves room in its canal for the dural sac drawn there (no bone inside the sac, across or along)', () => {
    const sac = duralSac(level);
    const bone = meshes.bones.get(level)!.filter((p) => !p.name.startsWith('rib_'));
    // Along the vertebra's own height (the sac runs on into its neighbours' canals).
    for (const along of [-0.3, 0, 0.3]) {
      const origin: Point = [0, along * d.bodyHeightPosteriorMm, sac.centerZ];
      for (let k = 0; k < 16; k++) {
        const angle = (k / 16) * 2 * Math.PI;
        const dir: Point = [Math.cos(angle), 0, Math.sin(angle)];
        // The sac's outline along this ray (an ellipse), and the first bone the ray meets.
        const reach =
          1 / Math.hypot(Math.cos(angle) / (sac.widthMm / 2), Math.sin(angle) / (sac.depthMm / 2));
        const first = Math.min(...bone.flatMap((mesh) => lineHits(mesh, origin, dir).filter((t) => t > 0)));
        expect(
          first,
          `bone ${first.toFixed(1)} mm out at ${(angle * 57.3).toFixed(0)}°, ${along} along`,
        ).toBeGreaterThan(reach + 0.5);
      }
    }
  });

  it.each(['left', 'right'] as const)(
    'has the %s pedicle on its landmarks: section, angle and length',
    (side) => {
      const ped = side === 'left' ? marks.pedicleLeft : marks.pedicleRight;
      const mesh = part(level, `pedicle_${side}`);
      const axis = ped.axis as Point;
      const across: Point = [axis[2], 0, -axis[0]];
      const at = (t: number): Point => [
        ped.center[0] + axis[0] * t,
        ped.center[1],
        ped.center[2] + axis[2] * t,
      ];
      const section = endpoints(sliceMesh(mesh, at(0), axis));
      expectClose('pedicle width at mid-length', extentAlong(section, across), d.pedicleWidthMm);
      expectClose('pedicle height at mid-length', extentAlong(section, [0, 1, 0]), d.pedicleHeightMm);
      // The pedicle's own axis, from the centres of two sections a quarter-length either side of the middle.
      // (A principal-axis fit is ill-posed for the lumbar pedicles, which are nearly as wide as they are long.)
      const back = outlineCentroid(sliceMesh(mesh, at(-ped.lengthMm / 4), axis));
      const front = outlineCentroid(sliceMesh(mesh, at(ped.lengthMm / 4), axis));
      const medial = side === 'left' ? back[0] - front[0] : front[0] - back[0];
      const angle = (Math.atan2(medial, front[2] - back[2]) * 180) / Math.PI;
      expect(
        Math.abs(angle - d.pedicleAngleDeg),
        `transverse angle: expected ${d.pedicleAngleDeg}°, got ${angle.toFixed(1)}°`,
      ).toBeLessThanOrEqual(5);
      expectClose(
        'pedicle length along its axis',
        spanAlongLine(mesh, at(-ped.lengthMm), axis),
        ped.lengthMm,
      );
    },
  );

  it.each(['left', 'right'] as const)(
    'has the %s pedicle isthmus as the table says on exact sections of the whole bone, not just mid-length',
    (side) => {
      const ped = side === 'left' ? marks.pedicleLeft : marks.pedicleRight;
      const axis = ped.axis as Point;
      const across: Point = [axis[2], 0, -axis[0]];
      // Every part of the vertebra (not the ribs): the width and height a section through the bone would show.
      const bone = meshes.bones.get(level)!.filter((p) => !p.name.startsWith('rib_'));
      // From mid-length to the body: the posterior half fuses with the laminae and articular pillars.
      for (const t of [0, 0.2, 0.4]) {
        const c: Point = [
          ped.center[0] + axis[0] * t * ped.lengthMm,
          ped.center[1],
          ped.center[2] + axis[2] * t * ped.lengthMm,
        ];
        expectClose(
          `pedicle width at ${t} of its length`,
          chordThrough(bone, c, across),
          d.pedicleWidthMm,
          0.08,
        );
        expectClose(
          `pedicle height at ${t} of its length`,
          chordThrough(bone, c, [0, 1, 0]),
          d.pedicleHeightMm,
          0.08,
        );
      }
      // The pedicle part on its own shows the same sections, and a whole one at its posterior end (cut square to
      // its axis there, not to z).
      const mesh = part(level, `pedicle_${side}`);
      const end = (t: number): Point => [
        ped.center[0] + axis[0] * t * ped.lengthMm,
        ped.center[1],
        ped.center[2] + axis[2] * t * ped.lengthMm,
      ];
      const atEnd = endpoints(sliceMesh(mesh, end(-0.48), axis));
      expect(extentAlong(atEnd, across), 'pedicle part width at its posterior end').toBeGreaterThan(
        0.9 * d.pedicleWidthMm,
      );
      for (const t of [0, 0.2, 0.4]) {
        const c: Point = [
          ped.center[0] + axis[0] * t * ped.lengthMm,
          ped.center[1],
          ped.center[2] + axis[2] * t * ped.lengthMm,
        ];
        const section = endpoints(sliceMesh(mesh, c, axis));
        expectClose(`pedicle part width at ${t}`, extentAlong(section, across), d.pedicleWidthMm);
        expectClose(`pedicle part height at ${t}`, extentAlong(section, [0, 1, 0]), d.pedicleHeightMm);
      }
    },
  );
});
