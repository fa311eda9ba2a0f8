/**
 * NIfTI-1 files (.nii, .nii.gz) of the synthetic phantom, written from the NIfTI-1 header definition (nifti1.h):
 * a 348-byte header, 4 bytes of extension flag, then the voxels from byte 352, i fastest. NIfTI's world is RAS+
 * (+x right, +y anterior), so the phantom's LPS geometry is written with x and y negated.
 */
import { gzipSync } from 'node:zlib';
import type { ScanVolume } from '../../src/scan/types';
import { phantomVolume } from './ctPhantom';
import type { SyntheticFile } from './syntheticDicom';

/** NIfTI-1 data type codes and their sizes. */
const TYPES = {
  uint8: { code: 2, bits: 8 },
  int16: { code: 4, bits: 16 },
  int32: { code: 8, bits: 32 },
  float32: { code: 16, bits: 32 },
} as const;

export interface SyntheticNiftiOptions {
  volume?: ScanVolume;
  datatype?: keyof typeof TYPES;
  /** Stored value → HU is value · slope + inter; the writer stores (HU − inter) / slope. */
  slope?: number;
  inter?: number;
  /** Which transform the header carries: the sform (method 3), the qform (method 2) or only voxel sizes. */
  transform?: 'sform' | 'qform' | 'pixdim';
  gzip?: boolean;
  /** Add 1000 to every value and store it without scaling: MR-like intensities, no air at −1000. */
  notHounsfield?: boolean;
  name?: string;
}

/** The quaternion (b, c, d) of a proper rotation matrix given by its columns (nifti1_io.c's mat44_to_quatern). */
function quaternion(r: number[][]): [number, number, number] {
  const [r11, r12, r13] = [r[0]![0]!, r[1]![0]!, r[2]![0]!];
  const [r21, r22, r23] = [r[0]![1]!, r[1]![1]!, r[2]![1]!];
  const [r31, r32, r33] = [r[0]![2]!, r[1]![2]!, r[2]![2]!];
  const a = r11 + r22 + r33 + 1;
  if (a > 0.5) {
    const qa = 0.5 * Math.sqrt(a);
    return [(0.25 * (r32 - r23)) / qa, (0.25 * (r13 - r31)) / qa, (0.25 * (r21 - r12)) / qa];
  }
  const xd = 1 + r11 - (r22 + r33);
  const yd = 1 + r22 - (r11 + r33);
  const zd = 1 + r33 - (r11 + r22);
  let b: number, c: number, d: number, qa: number;
  if (xd > 1) {
    b = 0.5 * Math.sqrt(xd);
    c = (0.25 * (r12 + r21)) / b;
    d = (0.25 * (r13 + r31)) / b;
    qa = (0.25 * (r32 - r23)) / b;
  } else if (yd > 1) {
    c = 0.5 * Math.sqrt(yd);
    b = (0.25 * (r12 + r21)) / c;
    d = (0.25 * (r23 + r32)) / c;
    qa = (0.25 * (r13 - r31)) / c;
  } else {
    d = 0.5 * Math.sqrt(zd);
    b = (0.25 * (r13 + r31)) / d;
    c = (0.25 * (r23 + r32)) / d;
    qa = (0.25 * (r21 - r12)) / d;
  }
  return qa < 0 ? [-b, -c, -d] : [b, c, d];
}

/** The phantom (or `options.volume`) as one NIfTI-1 file. */
export function syntheticNifti(options: SyntheticNiftiOptions = {}): SyntheticFile {
  const volume = options.volume ?? phantomVolume();
  const type = TYPES[options.datatype ?? 'int16'];
  const slope = options.notHounsfield ? 1 : (options.slope ?? 1);
  const inter = options.notHounsfield ? 0 : (options.inter ?? 0);
  const transform = options.transform ?? 'sform';
  const [nx, ny, nz] = volume.dims;
  const count = nx * ny * nz;
  const bytes = new Uint8Array(352 + (count * type.bits) / 8);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 348, true);
  [3, nx, ny, nz, 1, 1, 1, 1].forEach((d, i) => view.setInt16(40 + 2 * i, d, true));
  view.setInt16(70, type.code, true);
  view.setInt16(72, type.bits, true);
  // RAS columns of the voxel axes (LPS with x and y negated).
  const ras = volume.axes.map((axis) => [-axis[0], -axis[1], axis[2]]);
  const rasOrigin = [-volume.originMm[0], -volume.originMm[1], volume.originMm[2]];
  const det =
    ras[0]![0]! * (ras[1]![1]! * ras[2]![2]! - ras[1]![2]! * ras[2]![1]!) -
    ras[1]![0]! * (ras[0]![1]! * ras[2]![2]! - ras[0]![2]! * ras[2]![1]!) +
    ras[2]![0]! * (ras[0]![1]! * ras[1]![2]! - ras[0]![2]! * ras[1]![1]!);
  const qfac = det < 0 ? -1 : 1;
  [qfac, ...volume.spacingMm, 0, 0, 0, 0].forEach((v, i) => view.setFloat32(76 + 4 * i, v, true));
  view.setFloat32(108, 352, true);
  view.setFloat32(112, slope, true);
  view.setFloat32(116, inter, true);
  bytes[123] = 2; // xyzt_units: mm
  if (transform === 'qform') {
    view.setInt16(252, 1, true); // NIFTI_XFORM_SCANNER_ANAT
    const proper = [ras[0]!, ras[1]!, ras[2]!.map((v) => v * qfac)];
    quaternion(proper).forEach((q, i) => view.setFloat32(256 + 4 * i, q, true));
    rasOrigin.forEach((o, i) => view.setFloat32(268 + 4 * i, o, true));
  } else if (transform === 'sform') {
    view.setInt16(254, 1, true);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++)
        view.setFloat32(280 + 16 * r + 4 * c, ras[c]![r]! * volume.spacingMm[c]!, true);
      view.setFloat32(280 + 16 * r + 12, rasOrigin[r]!, true);
    }
  }
  bytes.set([0x6e, 0x2b, 0x31, 0], 344); // "n+1\0"
  for (let i = 0; i < count; i++) {
    const hu = volume.hu[i]!;
    const stored = options.notHounsfield ? hu + 1000 : (hu - inter) / slope;
    const at = 352 + (i * type.bits) / 8;
    if (type.code === 2) view.setUint8(at, Math.round(stored));
    else if (type.code === 4) view.setInt16(at, Math.round(stored), true);
    else if (type.code === 8) view.setInt32(at, Math.round(stored), true);
    else view.setFloat32(at, stored, true);
  }
  const gzip = options.gzip ?? false;
  return {
    name: options.name ?? (gzip ? 'phantom.nii.gz' : 'phantom.nii'),
    bytes: gzip ? new Uint8Array(gzipSync(bytes)) : bytes,
  };
}
