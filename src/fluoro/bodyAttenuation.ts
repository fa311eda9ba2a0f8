import type { LevelId } from '../anatomy/levels';
import type { SpineBoneId } from '../anatomy/spineLayout';
import { MU_PER_MM } from './attenuation';
import { frameOf, worldBodyFrames, type WorldBodyFrame } from './spineFrames';

type Vec3 = [number, number, number];

/** An axis-aligned ellipsoid in the X-ray's world frame (mm). */
export interface Ellipsoid {
  centre: Vec3;
  radii: Vec3;
}

/** A bowel-gas pocket: an ellipsoid of which `fraction` of the path is gas (the rest bowel content). */
export interface GasPocket extends Ellipsoid {
  fraction: number;
}

/** The trunk's outline at one height: an ellipse centred on the mid-sagittal plane. */
export interface TrunkRow {
  z: number;
  centreY: number;
  halfWidth: number;
  halfDepth: number;
}

/**
 * The patient's soft tissue and air around the spine, in closed form: the trunk as an elliptic outline varying
 * along the spine, two aerated lungs (each an ellipsoid less the diaphragm's dome below it) and bowel-gas pockets.
 * The X-ray adds its line integral to the meshes' (see `bodyLineIntegral`), so the field shows the body's
 * thickness, the dark lungs beside the thoracic spine and gas over the lumbar spine.
 */
export interface BodyModel {
  /** Cranial to caudal (z decreasing). */
  trunk: TrunkRow[];
  lungs: [Ellipsoid, Ellipsoid];
  /** The abdomen's dome under each lung (right, left): lung = lung ellipsoid − dome. */
  domes: [Ellipsoid, Ellipsoid];
  gas: GasPocket[];
}

/** Most gas pockets the shader reads (fixed-size uniform array). */
export const MAX_GAS_POCKETS = 14;

/**
 * Trunk half-width, half-depth and back-skin-to-vertebral-body-centre distance per level (mm). Adult trunk
 * 30–35 cm wide and 20–25 cm deep at chest and abdomen (AAPM Report 204, 2011, size-specific dose estimates:
 * lateral and AP dimensions of adult patients; ICRP Publication 110 reference phantoms), widest at the pelvis and
 * narrowest at the waist. The skin-to-body distance is illustrative, chosen so that the needles' skin entry
 * (42 mm thoracic, 50 mm lumbar from skin to pedicle along the track) lies on this skin.
 */
const TRUNK: Record<SpineBoneId, [number, number, number]> = {
  T1: [150, 95, 65],
  T2: [155, 100, 65],
  T3: [160, 105, 68],
  T4: [165, 110, 70],
  T5: [165, 110, 70],
  T6: [165, 110, 70],
  T7: [165, 110, 70],
  T8: [165, 110, 70],
  T9: [165, 110, 70],
  T10: [165, 110, 72],
  T11: [162, 110, 75],
  T12: [160, 110, 80],
  L1: [158, 110, 85],
  L2: [155, 108, 88],
  L3: [155, 105, 90],
  L4: [160, 105, 92],
  L5: [170, 108, 95],
  S1: [175, 110, 95],
};

/** Chest wall (skin, muscle, ribs) between the skin and the lung, mm: illustrative adult value. */
const CHEST_WALL_MM = 22;
/** The lungs' medial edge beside the vertebral bodies (paravertebral gutters), mm from the midline. */
const LUNG_MEDIAL_MM = 20;

/**
 * Gas in the bowel. The patient lies prone, so gas rises to the bowel's posterior parts: gastric fundus, the
 * colonic flexures, ascending and descending colon and rectosigmoid (where it collects on prone radiographs),
 * with a little in small-bowel loops. Fixed positions (mm from a bone's body centre: x to the patient's left,
 * `anterior` in front of it, `dz` cranial), so every frame and every seek shows the same gas.
 */
const GAS: { bone: SpineBoneId; x: number; anterior: number; dz: number; radii: Vec3; fraction: number }[] = [
  { bone: 'T11', x: 68, anterior: 25, dz: -10, radii: [30, 20, 18], fraction: 0.6 },
  { bone: 'L1', x: 88, anterior: 15, dz: 10, radii: [16, 12, 22], fraction: 0.4 },
  { bone: 'L1', x: 70, anterior: 30, dz: -14, radii: [10, 8, 8], fraction: 0.5 },
  { bone: 'L2', x: -88, anterior: 20, dz: 0, radii: [18, 12, 16], fraction: 0.4 },
  { bone: 'L3', x: 96, anterior: 5, dz: -10, radii: [12, 11, 34], fraction: 0.4 },
  { bone: 'L4', x: -84, anterior: 10, dz: -15, radii: [16, 12, 28], fraction: 0.4 },
  { bone: 'L2', x: 20, anterior: 85, dz: -20, radii: [40, 9, 9], fraction: 0.35 },
  { bone: 'L3', x: 30, anterior: 60, dz: 5, radii: [12, 8, 9], fraction: 0.45 },
  { bone: 'L4', x: -28, anterior: 55, dz: 10, radii: [14, 8, 10], fraction: 0.45 },
  { bone: 'L4', x: -12, anterior: 70, dz: -8, radii: [9, 7, 7], fraction: 0.5 },
  { bone: 'L5', x: 38, anterior: 45, dz: -5, radii: [15, 9, 12], fraction: 0.45 },
  { bone: 'S1', x: 12, anterior: 55, dz: -40, radii: [20, 12, 22], fraction: 0.45 },
];

function trunkRow(f: WorldBodyFrame): TrunkRow {
  const [halfWidth, halfDepth, back] = TRUNK[f.bone];
  // +Y is posterior: the back skin lies `back` behind the body centre.
  return { z: f.z, centreY: f.y + back - halfDepth, halfWidth, halfDepth };
}

/** The body model around a treated level, in that level's world frame. */
export function bodyModel(treated: LevelId): BodyModel {
  const frames = worldBodyFrames(treated);
  const trunk = frames.map(trunkRow);
  const mid = trunkRow(frameOf(frames, 'T7'));
  const apex = frameOf(frames, 'T1').z + 25;
  const base = frameOf(frames, 'T12').z;
  const lateral = mid.halfWidth - CHEST_WALL_MM;
  const back = mid.centreY + mid.halfDepth - CHEST_WALL_MM - 8;
  const front = mid.centreY - mid.halfDepth + CHEST_WALL_MM;
  const lung = (side: number): Ellipsoid => ({
    centre: [(side * (lateral + LUNG_MEDIAL_MM)) / 2, (back + front) / 2, (apex + base) / 2],
    radii: [(lateral - LUNG_MEDIAL_MM) / 2, (back - front) / 2, (apex - base) / 2],
  });
  // Domes: the right hemidiaphragm at about T10 (10th posterior rib), the left ~1.5 cm lower (liver).
  const t10 = frameOf(frames, 'T10');
  const dome = (side: number, top: number): Ellipsoid => ({
    centre: [side * 60, mid.centreY - 10, top - 110],
    radii: [100, 125, 110],
  });
  const gas = GAS.map((g): GasPocket => {
    const f = frameOf(frames, g.bone);
    return { centre: [g.x, f.y - g.anterior, f.z + g.dz], radii: g.radii, fraction: g.fraction };
  });
  return {
    trunk,
    lungs: [lung(-1), lung(1)],
    domes: [dome(-1, t10.z), dome(1, t10.z - 15)],
    gas,
  };
}

/** Entry and exit distances of the ray o + t·d through an ellipsoid, or null when it misses. */
export function ellipsoidSpan(o: Vec3, d: Vec3, e: Ellipsoid): [number, number] | null {
  let a = 0;
  let b = 0;
  let c = -1;
  for (let i = 0; i < 3; i++) {
    const oi = (o[i]! - e.centre[i]!) / e.radii[i]!;
    const di = d[i]! / e.radii[i]!;
    a += di * di;
    b += oi * di;
    c += oi * oi;
  }
  const disc = b * b - a * c;
  if (disc <= 0) return null;
  const r = Math.sqrt(disc);
  return [(-b - r) / a, (-b + r) / a];
}

function spanLength(s: [number, number] | null): number {
  return s ? Math.max(0, s[1] - Math.max(s[0], 0)) : 0;
}

/** Path length through a lung: its ellipsoid less the part inside the dome below it. */
export function lungPath(o: Vec3, d: Vec3, lung: Ellipsoid, dome: Ellipsoid): number {
  const l = ellipsoidSpan(o, d, lung);
  if (!l) return 0;
  const m = ellipsoidSpan(o, d, dome);
  const overlap = m ? Math.max(0, Math.min(l[1], m[1]) - Math.max(l[0], m[0])) : 0;
  return spanLength(l) - overlap;
}

/** The trunk outline at height z (linear between levels, constant beyond the ends). */
export function trunkAt(trunk: readonly TrunkRow[], z: number, out: TrunkRow): TrunkRow {
  let i = 0;
  while (i < trunk.length - 2 && z < trunk[i + 1]!.z) i++;
  const a = trunk[i]!;
  const b = trunk[i + 1]!;
  const k = Math.min(1, Math.max(0, (a.z - z) / (a.z - b.z)));
  out.z = z;
  out.centreY = a.centreY + (b.centreY - a.centreY) * k;
  out.halfWidth = a.halfWidth + (b.halfWidth - a.halfWidth) * k;
  out.halfDepth = a.halfDepth + (b.halfDepth - a.halfDepth) * k;
  return out;
}

/**
 * Path length through the trunk. The outline is taken at the height where the ray passes the isocentre's axis:
 * within the 30 cm field a ray's height changes by at most ~±17 mm across the body, where the outline is nearly
 * constant, so the trunk is treated as a locally elliptic cylinder.
 */
export function trunkPath(o: Vec3, d: Vec3, trunk: readonly TrunkRow[]): number {
  const t = -(o[0] * d[0] + o[1] * d[1] + o[2] * d[2]);
  const row = trunkAt(trunk, o[2] + t * d[2], { z: 0, centreY: 0, halfWidth: 0, halfDepth: 0 });
  return spanLength(
    ellipsoidSpan(o, [d[0], d[1], 0], {
      centre: [0, row.centreY, o[2]],
      radii: [row.halfWidth, row.halfDepth, 1],
    }),
  );
}

/**
 * Σ μ·L of the body model along a ray (unit direction d from the source o), at 50 keV like every other term:
 * soft tissue over the trunk's path, lungs and gas as their deficit against the soft tissue they replace.
 */
export function bodyLineIntegral(o: Vec3, d: Vec3, model: BodyModel): number {
  const soft = MU_PER_MM.softTissue;
  let sum = soft * trunkPath(o, d, model.trunk);
  for (let i = 0; i < 2; i++) {
    sum += (MU_PER_MM.lungInflated - soft) * lungPath(o, d, model.lungs[i]!, model.domes[i]!);
  }
  for (const g of model.gas) sum += (MU_PER_MM.air - soft) * g.fraction * spanLength(ellipsoidSpan(o, d, g));
  return sum;
}
