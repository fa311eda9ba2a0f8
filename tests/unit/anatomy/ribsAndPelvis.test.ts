import { beforeAll, describe, expect, it } from 'vitest';
import { buildSpineMeshes, spineScene, type SpineMeshes } from '../../../src/anatomy/buildSpine';
import { ribHeadCentre, ribHeadRadiusMm } from '../../../src/anatomy/costalFacets';
import { LEVEL_IDS, adjacentLevel, isThoracic, type LevelId } from '../../../src/anatomy/levels';
import { levelDimensions } from '../../../src/anatomy/morphometry';
import type { PartMesh } from '../../../src/anatomy/polygonize';
import { thoracicTransverseTip } from '../../../src/anatomy/posteriorElements';
import {
  SACRAL_FORAMEN_PAIRS,
  sacralForamenAxis,
  sacralForamina,
  sacralPlateAt,
} from '../../../src/anatomy/sacrum';
import { discPose, levelPose } from '../../../src/anatomy/spineLayout';
import { vertebraParams } from '../../../src/anatomy/vertebraParams';
import { distanceToMesh, lineHits, transfer, type Point } from './meshMeasure';

const THORACIC = LEVEL_IDS.filter(isThoracic);

// The thoracic levels with their ribs and the sacrum with the ilia, without baked occlusion (not needed here).
let meshes: SpineMeshes;
beforeAll(() => {
  meshes = buildSpineMeshes({ bones: [...THORACIC, 'S1'], discs: false, occlusion: false });
}, 120_000);

function part(bone: LevelId | 'S1', name: string): PartMesh {
  const found = meshes.bones.get(bone)?.find((p) => p.name === name);
  if (!found) throw new Error(`no ${bone} ${name} mesh`);
  return found;
}

const triangles = (m: PartMesh): number => m.indices.length / 3;

function meanX(m: PartMesh): number {
  let sum = 0;
  for (let i = 0; i < m.positions.length; i += 3) sum += m.positions[i]!;
  return sum / (m.positions.length / 3);
}

describe('ribs', () => {
  it('has 24 rib meshes, named by level and side, each on its side of the midline (+X is the patient’s left)', () => {
    const names = THORACIC.flatMap((l) =>
      meshes.bones
        .get(l)!
        .filter((p) => p.name.startsWith('rib_'))
        .map((p) => `${l}_${p.name}`),
    );
    expect(names).toHaveLength(24);
    for (const level of THORACIC) {
      expect(meanX(part(level, 'rib_left')), `${level} left`).toBeGreaterThan(20);
      expect(meanX(part(level, 'rib_right')), `${level} right`).toBeLessThan(-20);
    }
  });

  it('hangs every rib under its level’s node in the exported scene', () => {
    const scene = spineScene(meshes);
    const t7 = scene.nodes.find((n) => n.name === 'T7')!;
    expect(t7.children!.map((c) => c.name)).toEqual(expect.arrayContaining(['T7_rib_left', 'T7_rib_right']));
  });

  it.each(THORACIC)('%s: the rib heads rest in their costal facets (within 2 mm of the body)', (level) => {
    const params = vertebraParams(levelDimensions(level));
    const r = ribHeadRadiusMm(params);
    const above = adjacentLevel(level, -1);
    const rib = Number(level.slice(1));
    for (const side of [1, -1] as const) {
      const head = ribHeadCentre(params, side);
      // The head mesh really is at that centre: its surface lies about a head radius away.
      const name = side === 1 ? 'rib_left' : 'rib_right';
      expect(Math.abs(distanceToMesh(part(level, name), head)), `${level} ${name} head`).toBeLessThan(
        r + 0.5,
      );
      const gap = distanceToMesh(part(level, 'body'), head) - r;
      expect(Math.abs(gap), `${level} ${name}: head to own body (mm)`).toBeLessThanOrEqual(2);
      if (rib >= 2 && rib <= 9 && above) {
        const inAbove = transfer(head, levelPose(level), levelPose(above));
        const gapAbove = distanceToMesh(part(above, 'body'), inAbove) - r;
        expect(
          Math.abs(gapAbove),
          `${level} ${name}: head to ${above}'s lower demifacet (mm)`,
        ).toBeLessThanOrEqual(2);
      }
    }
  });

  it.each(THORACIC.filter((l) => Number(l.slice(1)) <= 10))(
    '%s: the tubercles meet the transverse process tips (costotransverse joints within 2 mm)',
    (level) => {
      const params = vertebraParams(levelDimensions(level));
      for (const [index, side] of [
        [0, 'left'],
        [1, 'right'],
      ] as const) {
        const { tip, radius } = thoracicTransverseTip(params, index);
        const rib = part(level, `rib_${side}`);
        // The rib's surface nearest the process's club, and the process's surface nearest that.
        let nearest = Infinity;
        let at: Point = [0, 0, 0];
        for (let i = 0; i < rib.positions.length; i += 3) {
          const q: Point = [rib.positions[i]!, rib.positions[i + 1]!, rib.positions[i + 2]!];
          const d = Math.hypot(q[0] - tip[0], q[1] - tip[1], q[2] - tip[2]);
          if (d < nearest) [nearest, at] = [d, q];
        }
        expect(nearest, `${level} ${side}: rib to process tip centre`).toBeLessThan(radius + 6);
        expect(
          distanceToMesh(part(level, `transverse_${side}`), at),
          `${level} ${side}: gap (mm)`,
        ).toBeLessThanOrEqual(2);
      }
    },
  );

  it('keeps the ribs light: at most 800 triangles each', () => {
    for (const level of THORACIC)
      for (const side of ['left', 'right'])
        expect(triangles(part(level, `rib_${side}`))).toBeLessThanOrEqual(800);
  });
});

describe('sacrum and ilia', () => {
  it('has four pairs of sacral foramina, each an open channel from the pelvic to the dorsal face', () => {
    expect(SACRAL_FORAMEN_PAIRS).toBe(4);
    const sacrum = part('S1', 'sacrum');
    for (const channel of sacralForamina()) {
      const { anterior, dorsal } = sacralForamenAxis(channel);
      for (const side of [1, -1]) {
        const origin: Point = [side * anterior[0], anterior[1], anterior[2]];
        const toBack: Point = [side * dorsal[0] - origin[0], dorsal[1] - origin[1], dorsal[2] - origin[2]];
        const n = Math.hypot(...toBack);
        const dir: Point = [toBack[0] / n, toBack[1] / n, toBack[2] / n];
        expect(lineHits(sacrum, origin, dir), `foramen at ${channel.u} mm, side ${side}`).toEqual([]);
      }
      // Bone between the pair: the midline line does pass through the sacrum.
      const { point, through } = sacralPlateAt(channel.u);
      expect(lineHits(sacrum, [0, point[1], point[2]], through as Point).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('has both iliac wings, each on its side, the crest at the L4–L5 level', () => {
    const s1 = levelPose('S1');
    const disc = discPose('L4', 'L5');
    for (const [name, sign] of [
      ['ilium_left', 1],
      ['ilium_right', -1],
    ] as const) {
      const ilium = part('S1', name);
      expect(Math.sign(meanX(ilium)), name).toBe(sign);
      let top = -Infinity;
      for (let i = 0; i < ilium.positions.length; i += 3) {
        const p = transfer([ilium.positions[i]!, ilium.positions[i + 1]!, ilium.positions[i + 2]!], s1, {
          position: [0, 0, 0],
          rotationXRad: 0,
        });
        top = Math.max(top, p[1]);
      }
      expect(
        Math.abs(top - disc.position[1]),
        `${name}: crest top vs the L4–L5 disc (mm)`,
      ).toBeLessThanOrEqual(10);
      expect(triangles(ilium), name).toBeLessThanOrEqual(2600);
    }
  });

  it('keeps ribs and pelvis within a small share of the triangle budget', () => {
    const ribs = THORACIC.flatMap((l) => meshes.bones.get(l)!.filter((p) => p.name.startsWith('rib_')));
    const pelvis = meshes.bones.get('S1')!;
    expect(ribs.reduce((n, m) => n + triangles(m), 0)).toBeLessThanOrEqual(16_000);
    expect(pelvis.reduce((n, m) => n + triangles(m), 0)).toBeLessThanOrEqual(16_000);
  });
});
