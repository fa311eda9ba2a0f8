/**
 * One NIfTI-1 file (.nii or .nii.gz) to a volume. The header is read by nifti-reader-js; the voxel-to-patient
 * transform is the sform when set, else the qform, else the voxel sizes alone (NIfTI-1 header documentation,
 * "methods" 3, 2 and 1), and NIfTI's RAS+ world (+x right, +y anterior) is turned into DICOM's LPS by negating
 * x and y. NIfTI carries no modality: a volume counts as CT only when it holds air at about −1000 (Hounsfield
 * units), as every CT of a body does around it.
 */
import { NIFTI1, isNIFTI1, readHeader, readImage } from 'nifti-reader-js';
import { abortError } from './abortError';
import { ScanReadError, type Lps, type ScanVolume } from '../types';
import { MIN_SLICES } from './dicomSeries';
import { downsampleSlice } from './downsample';
import { MAX_KEPT_VOXELS, checkMatrix, checkSlices, inPlaneFactor, tooLargeError } from './scanLimits';

export const isNiftiName = (name: string): boolean => /\.nii(\.gz)?$/i.test(name);

/** Share of voxels that must lie in the air band for a volume to count as Hounsfield units. */
const MIN_AIR_SHARE = 0.005;
const AIR_BAND: [number, number] = [-1100, -900];

/** How far reading a NIfTI file has come (0–1 of its bytes), and when to stop. */
export interface NiftiReadOptions {
  onFraction?: (fraction: number) => void;
  signal?: AbortSignal;
  maxKeptVoxels?: number;
}

/**
 * The file's uncompressed bytes: a .nii.gz is inflated as a stream (DecompressionStream), counting the compressed
 * bytes consumed for the progress bar and stopping between chunks when the signal aborts.
 */
async function fileBytes(file: Blob, { onFraction, signal }: NiftiReadOptions): Promise<ArrayBuffer> {
  const magic = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) return file.arrayBuffer();
  let consumed = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      if (signal?.aborted) controller.error(abortError());
      consumed += chunk.byteLength;
      onFraction?.(consumed / file.size);
      controller.enqueue(chunk);
    },
  });
  const inflated = file
    .stream()
    .pipeThrough(counter)
    .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  try {
    return await new Response(inflated).arrayBuffer();
  } catch (error) {
    if (signal?.aborted) throw abortError();
    throw new ScanReadError('not-readable', `The NIfTI file could not be decompressed: ${String(error)}`);
  }
}

/** The volume in one NIfTI-1 file (.nii, or .nii.gz inflated as it is read). */
export async function readNiftiFile(file: Blob, options: NiftiReadOptions = {}): Promise<ScanVolume> {
  const data = await fileBytes(file, options);
  if (options.signal?.aborted) throw abortError();
  return niftiVolume(data, options.maxKeptVoxels);
}

type Voxels = Int16Array | Uint8Array | Int32Array | Float32Array | Uint16Array | Int8Array | Float64Array;

function voxels(code: number, buffer: ArrayBuffer, count: number): Voxels {
  switch (code) {
    case NIFTI1.TYPE_INT16:
      return new Int16Array(buffer, 0, count);
    case NIFTI1.TYPE_UINT8:
      return new Uint8Array(buffer, 0, count);
    case NIFTI1.TYPE_INT32:
      return new Int32Array(buffer, 0, count);
    case NIFTI1.TYPE_FLOAT32:
      return new Float32Array(buffer, 0, count);
    case NIFTI1.TYPE_UINT16:
      return new Uint16Array(buffer, 0, count);
    case NIFTI1.TYPE_INT8:
      return new Int8Array(buffer, 0, count);
    case NIFTI1.TYPE_FLOAT64:
      return new Float64Array(buffer, 0, count);
    default:
      throw new ScanReadError('not-readable', `NIfTI voxels of data type ${code} are not supported`);
  }
}

/** The voxel-to-RAS matrix (3 × 4): sform rows read from the header bytes, else the library's qform/pixdim one. */
function rasAffine(header: NIFTI1, data: ArrayBuffer): number[][] {
  if (header.sform_code > 0) {
    const view = new DataView(data);
    return [280, 296, 312].map((at) =>
      [0, 1, 2, 3].map((c) => view.getFloat32(at + 4 * c, header.littleEndian)),
    );
  }
  return header.affine.slice(0, 3).map((row) => row.slice(0, 4));
}

/** Swaps the byte order of multi-byte voxels in place when the file is big-endian. */
function toHostOrder(buffer: ArrayBuffer, bytesPerVoxel: number, littleEndian: boolean): void {
  if (littleEndian || bytesPerVoxel === 1) return;
  const b = new Uint8Array(buffer);
  for (let i = 0; i + bytesPerVoxel <= b.length; i += bytesPerVoxel)
    b.subarray(i, i + bytesPerVoxel).reverse();
}

/** The volume in a NIfTI-1 file's bytes (gzip-compressed or not). */
function niftiVolume(data: ArrayBuffer, maxKeptVoxels = MAX_KEPT_VOXELS): ScanVolume {
  if (!isNIFTI1(data)) throw new ScanReadError('not-readable', 'The file is not a NIfTI-1 volume');
  const header = readHeader(data) as NIFTI1;
  const [ndim = 0, nx = 0, ny = 0, nz = 0] = header.dims;
  const extra = header.dims.slice(4, Math.max(4, ndim + 1));
  if (ndim < 3 || extra.some((d) => d > 1) || nx < 1 || ny < 1) {
    throw new ScanReadError('not-readable', 'The NIfTI file is not a single 3D volume');
  }
  const breach = checkMatrix(ny, nx) ?? checkSlices(nz);
  if (breach) throw tooLargeError(breach);
  if (nz < MIN_SLICES)
    throw new ScanReadError('too-few-slices', `Only ${nz} slices`, { count: nz, minimum: MIN_SLICES });

  const count = nx * ny * nz;
  const image = readImage(header, data).slice(0);
  toHostOrder(image, header.numBitsPerVoxel / 8, header.littleEndian);
  const values = voxels(header.datatypeCode, image, count);
  const slope = header.scl_slope && Number.isFinite(header.scl_slope) ? header.scl_slope : 1;
  const inter = Number.isFinite(header.scl_inter) ? header.scl_inter : 0;
  const factor = inPlaneFactor(ny, nx, nz, maxKeptVoxels);
  const keptX = Math.ceil(nx / factor);
  const keptY = Math.ceil(ny / factor);
  const hu = new Int16Array(keptX * keptY * nz);
  const slice = new Int16Array(nx * ny);
  let air = 0;
  for (let k = 0; k < nz; k++) {
    for (let i = 0; i < slice.length; i++) {
      const h = Math.round(values[k * slice.length + i]! * slope + inter);
      slice[i] = h < -32768 ? -32768 : h > 32767 ? 32767 : h;
      if (h >= AIR_BAND[0] && h <= AIR_BAND[1]) air++;
    }
    hu.set(downsampleSlice(slice, nx, ny, factor), k * keptX * keptY);
  }
  if (air < MIN_AIR_SHARE * count) {
    throw new ScanReadError('not-ct', 'The NIfTI volume is not in Hounsfield units', { modality: 'NIfTI' });
  }

  const m = rasAffine(header, data);
  // RAS → LPS: x and y change sign.
  const lps = m.map((row, r) => row.map((v) => (r < 2 ? -v : v) + 0)); // + 0: no −0 in the result
  const column = (c: number): Lps => [lps[0]![c]!, lps[1]![c]!, lps[2]![c]!];
  const spacing = [0, 1, 2].map((c) => Math.hypot(...column(c)) || 1) as [number, number, number];
  const axes = [0, 1, 2].map((c) => column(c).map((v) => v / spacing[c]!) as Lps) as [Lps, Lps, Lps];
  const shift = (factor - 1) / 2;
  const originMm = [0, 1, 2].map((r) => lps[r]![3]! + shift * (lps[r]![0]! + lps[r]![1]!)) as Lps;
  return {
    info: { rows: ny, columns: nx, slices: nz, spacingMm: [...spacing], modality: 'CT' },
    dims: [keptX, keptY, nz],
    spacingMm: [spacing[0] * factor, spacing[1] * factor, spacing[2]],
    originMm,
    axes,
    hu,
    downsampled: [factor, factor, 1],
    format: 'nifti',
  };
}
