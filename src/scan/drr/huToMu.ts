/**
 * Hounsfield units → linear attenuation (1/mm) at the X-ray pass's effective energy, 50 keV — the energy of the
 * mesh μ table (src/fluoro/attenuation.ts), so steel, cement and contrast drawn from meshes add to the CT's line
 * integral on the same scale.
 *
 * The bilinear model of CT-based attenuation correction (Kinahan, Townsend, Beyer & Sashin 1998, Med Phys 25:2046;
 * Kinahan, Hasegawa & Beyer 2003, Semin Nucl Med 33:166): below 0 HU a voxel is a mixture of air and water,
 * μ = μ_water·(1 + HU/1000); above 0 HU a mixture of water and cortical bone, whose HU rises linearly from water
 * to cortical bone at CT's own energy, so μ at the target energy rises linearly from μ_water to μ_cortical over
 * the same HU range (the "water–air / water–cortical bone" conversion of Bai, Shao, Da Silva & Zhao 2003, IEEE Trans
 * Nucl Sci 50:1510, whose bone slope is set by cortical bone's CT number). The bone segment's slope differs from the air–water one because bone's photoelectric
 * excess grows towards lower energies.
 *
 * Numbers (NIST XCOM mass attenuation, ICRU-44 cortical bone at 1.92 g/cm³, as in attenuation.ts): water
 * 0.2269 cm²/g at 50 keV; at CT's ~70 keV effective energy (120 kVp) water 0.1948 and cortical bone 0.2645
 * cm²/g, so cortical bone reads 1000·(1.92·0.2645 − 0.1948)/0.1948 = 1607 HU; at 50 keV it attenuates
 * 1.92·0.4242 = 0.8145 /cm (MU_PER_MM.corticalBone). Soft tissue at 40 HU comes out at 0.0241 /mm, the mesh
 * table's 0.024.
 *
 * Metal and its streaks (beyond the 12-bit CT range's 3071 HU, often saturated there) are clamped: the scan
 * cannot say how much more a screw attenuates, and the display's highlight shoulder takes it from there.
 */
import { MU_PER_MM } from '../../fluoro/attenuation';

/** Water at 50 keV (1/mm): NIST XCOM 0.2269 cm²/g × 1 g/cm³. */
export const MU_WATER_PER_MM = 0.02269;
/** Cortical bone's CT number at 120 kVp (see above). */
export const HU_CORTICAL_BONE = 1607;
/** The lowest HU used: air; anything below (padding, −2048 / −3024 outside the field of view) counts as air. */
export const HU_AIR = -1000;
/** The highest HU used: the top of the 12-bit CT range; metal above it is clamped. */
export const HU_CLAMP = 3071;

/** Rise of μ per HU above water (1/mm per HU). */
const BONE_SLOPE = (MU_PER_MM.corticalBone - MU_WATER_PER_MM) / HU_CORTICAL_BONE;

/** Linear attenuation (1/mm) at 50 keV of a voxel of `hu` Hounsfield units. */
export function huToMu(hu: number): number {
  const h = Math.min(Math.max(hu, HU_AIR), HU_CLAMP);
  return h <= 0 ? MU_WATER_PER_MM * (1 + h / 1000) : MU_WATER_PER_MM + BONE_SLOPE * h;
}

/**
 * The part of μ the display treats as the smooth body (soft tissue, lungs, gas): μ capped at soft tissue's
 * 100 HU, so bone's excess over it is left out (the green channel, see fluoroDisplayMaterial.ts).
 */
export const MU_SMOOTH_CAP = huToMu(100);

/** μ of every whole HU from HU_AIR to HU_CLAMP, so a volume converts by look-up. */
export function huToMuTable(): Float32Array {
  const table = new Float32Array(HU_CLAMP - HU_AIR + 1);
  for (let i = 0; i < table.length; i++) table[i] = huToMu(HU_AIR + i);
  return table;
}
