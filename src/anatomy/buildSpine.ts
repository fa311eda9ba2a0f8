import { meshOcclusion, SpineOcclusion } from './ambientOcclusion';
import { buildDisc } from './discGeometry';
import { buildVertebra } from './buildVertebra';
import { writeGlb, round6, type GlbMaterial, type GlbNode, type GlbScene, type JsonValue } from './glbWriter';
import { optimizeVertexOrder } from './meshoptEncoding';
import { levelDimensions } from './morphometry';
import type { PartMesh } from './polygonize';
import { buildRibs } from './ribs';
import { buildSacrum } from './sacrum';
import { sacralBaseDimensions } from './sacrumDimensions';
import {
  allDiscs,
  levelPose,
  SPINE_BONE_IDS,
  type DiscPose,
  type Pose,
  type SpineBoneId,
} from './spineLayout';
import { vertebraLandmarks } from './vertebraLandmarks';

export const BONE_MATERIAL = 0;
export const DISC_MATERIAL = 1;
export const SPINE_MATERIALS: readonly GlbMaterial[] = [
  { name: 'bone', baseColor: [0.89, 0.85, 0.76, 1], metallic: 0, roughness: 0.72 },
  { name: 'disc', baseColor: [0.62, 0.71, 0.78, 1], metallic: 0, roughness: 0.55 },
];

export interface SpineMeshes {
  /** Part meshes of each bone in the bone's own frame, part names without the level prefix. */
  bones: Map<SpineBoneId, PartMesh[]>;
  discs: { pose: DiscPose; mesh: PartMesh }[];
}

export interface SpineBuildOptions {
  /** Bones to build (default: all, T1–L5 and S1). */
  bones?: readonly SpineBoneId[];
  /** Whether to build the discs between built neighbours (default true). */
  discs?: boolean;
  /**
   * Whether to bake ambient occlusion into every mesh (default true). It is computed against the whole
   * neighbourhood (bones two levels either side, adjacent discs) whether or not those are built, so a bone's
   * values do not depend on which other bones are asked for.
   */
  occlusion?: boolean;
}

export function buildSpineMeshes(options: SpineBuildOptions = {}): SpineMeshes {
  const wanted = options.bones ?? SPINE_BONE_IDS;
  const bones = new Map<SpineBoneId, PartMesh[]>();
  for (const bone of SPINE_BONE_IDS) {
    if (!wanted.includes(bone)) continue;
    bones.set(
      bone,
      bone === 'S1' ? buildSacrum() : [...buildVertebra(levelDimensions(bone)), ...buildRibs(bone)],
    );
  }
  const discs =
    options.discs === false
      ? []
      : allDiscs()
          .filter((d) => wanted.includes(d.upper) && wanted.includes(d.lower))
          .map((pose) => ({ pose, mesh: buildDisc(pose) }));
  if (options.occlusion !== false) {
    const occlusion = new SpineOcclusion();
    for (const [bone, parts] of bones) {
      const field = occlusion.fieldForBone(bone);
      for (const part of parts) part.occlusion = meshOcclusion(part, field);
    }
    for (const { pose, mesh } of discs) mesh.occlusion = meshOcclusion(mesh, occlusion.fieldForDisc(pose));
  }
  // Last, once every per-vertex value exists: the order the GPU and the file's codecs like best.
  for (const parts of bones.values()) parts.forEach(optimizeVertexOrder);
  for (const { mesh } of discs) optimizeVertexOrder(mesh);
  return { bones, discs };
}

function quaternionX(angle: number): [number, number, number, number] {
  return [Math.sin(angle / 2), 0, 0, Math.cos(angle / 2)];
}

function poseTransform(pose: Pose): Pick<GlbNode, 'translation' | 'rotation'> {
  return { translation: pose.position, rotation: quaternionX(pose.rotationXRad) };
}

function json(value: object): { [key: string]: JsonValue } {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? round6(v) : v))) as {
    [key: string]: JsonValue;
  };
}

function boneExtras(bone: SpineBoneId): { [key: string]: JsonValue } {
  if (bone === 'S1') return json({ bone, sacralBase: sacralBaseDimensions(), heuristic: true });
  return json({ bone, dimensions: levelDimensions(bone), landmarks: vertebraLandmarks(bone) });
}

/**
 * Parts that are whole bones of their own, named without their node's prefix (`sacrum`, `ilium_left`, …). They
 * hang under the S1 node, so everything that finds a mesh's bone by walking up to a T1 … S1 node still finds it.
 */
const WHOLE_BONE_PARTS: ReadonlySet<string> = new Set(['sacrum', 'ilium_left', 'ilium_right']);

/** The glTF scene: one node per bone (posed, origin at its body centre) holding one mesh node per part, then the discs. */
export function spineScene(meshes: SpineMeshes): GlbScene {
  const nodes: GlbNode[] = [];
  for (const [bone, parts] of meshes.bones) {
    nodes.push({
      name: bone,
      ...poseTransform(levelPose(bone)),
      extras: boneExtras(bone),
      children: parts.map((part) => ({
        name: WHOLE_BONE_PARTS.has(part.name) ? part.name : `${bone}_${part.name}`,
        mesh: { ...part, material: BONE_MATERIAL },
      })),
    });
  }
  for (const { pose, mesh } of meshes.discs) {
    const { name, upper, lower, heightMm, anteriorHeightMm, posteriorHeightMm, depthMm, wedgeRad } = pose;
    nodes.push({
      name,
      ...poseTransform(pose),
      extras: json({
        upper,
        lower,
        heightMm,
        anteriorHeightMm,
        posteriorHeightMm,
        depthMm,
        wedgeDeg: (wedgeRad * 180) / Math.PI,
      }),
      children: [{ name: `${name}_mesh`, mesh: { ...mesh, material: DISC_MATERIAL } }],
    });
  }
  return {
    name: 'spine',
    generator: 'Spine Procedure Viewer scripts/generate-models.ts',
    nodes,
    materials: SPINE_MATERIALS,
    extras: {
      units: 'mm',
      axes: '+X patient left, +Y cranial, +Z anterior',
      origin: 'centre of the L1 vertebral body',
      data: 'models/morphometry.json',
    },
  };
}

/** The whole model as GLB bytes (what `npm run models` writes to models/spine.glb). */
export function buildSpineGlb(options: SpineBuildOptions = {}): Uint8Array {
  return writeGlb(spineScene(buildSpineMeshes(options)));
}
