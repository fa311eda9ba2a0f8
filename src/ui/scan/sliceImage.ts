import type { Lps, ScanVolume } from '../../scan/types';
import { lpsToVoxel, lpsToVoxelMatrix, pixelToLps, type SliceFrame } from './slicePoint';

/** A CT display window: `width` HU of grey from black to white, centred on `level` HU. */
export interface CtWindow {
  width: number;
  level: number;
}

/*
 * The usual CT window presets (Radiopaedia, "Windowing (CT)": bone W 1800 / L 400, soft tissue W 400 / L 40;
 * https://radiopaedia.org/articles/windowing-ct). Bone shows the cortex, trabecular bone and a fracture line;
 * soft tissue shows the canal, muscles and a haematoma.
 */
export const CT_WINDOWS = {
  bone: { width: 1800, level: 400 },
  soft: { width: 400, level: 40 },
} as const satisfies Record<string, CtWindow>;

export type CtWindowName = keyof typeof CT_WINDOWS;

/** Grey value (0–255) of a Hounsfield value in a window: linear from level − width/2 (black) to level + width/2. */
export function windowGrey(hu: number, window: CtWindow): number {
  const low = window.level - window.width / 2;
  const t = (hu - low) / window.width;
  return t <= 0 ? 0 : t >= 1 ? 255 : Math.round(t * 255);
}

/**
 * Draw a view of the volume through `point` into `rgba` (frame.width × frame.height × 4 bytes, reused between
 * draws): nearest voxel, windowed grey; pixels outside the volume are black. The voxel index is affine in the pixel,
 * so each pixel costs three additions, whatever the volume's orientation.
 */
export function renderSlice(
  volume: ScanVolume,
  frame: SliceFrame,
  point: Lps,
  window: CtWindow,
  rgba: Uint8ClampedArray,
): void {
  const { width, height } = frame;
  if (rgba.length !== width * height * 4) throw new Error('The pixel buffer does not fit the view');
  const m = lpsToVoxelMatrix(volume);
  // Voxel indices at pixel (0, 0)'s centre, and their change per column and per row.
  const at = (c: number, r: number) => lpsToVoxel(volume, pixelToLps(frame, c, r, point), m);
  const v0 = at(0.5, 0.5);
  const vc = at(1.5, 0.5);
  const vr = at(0.5, 1.5);
  const dc: Lps = [vc[0] - v0[0], vc[1] - v0[1], vc[2] - v0[2]];
  const dr: Lps = [vr[0] - v0[0], vr[1] - v0[1], vr[2] - v0[2]];
  const [nx, ny, nz] = volume.dims;
  const hu = volume.hu;
  const low = window.level - window.width / 2;
  let o = 0;
  for (let r = 0; r < height; r++) {
    let i = v0[0] + r * dr[0];
    let j = v0[1] + r * dr[1];
    let k = v0[2] + r * dr[2];
    for (let c = 0; c < width; c++) {
      const ii = Math.round(i);
      const jj = Math.round(j);
      const kk = Math.round(k);
      let grey = 0;
      if (ii >= 0 && jj >= 0 && kk >= 0 && ii < nx && jj < ny && kk < nz) {
        const t = ((hu[ii + nx * (jj + ny * kk)] ?? 0) - low) / window.width;
        grey = t <= 0 ? 0 : t >= 1 ? 255 : (t * 255 + 0.5) | 0;
      }
      rgba[o] = grey;
      rgba[o + 1] = grey;
      rgba[o + 2] = grey;
      rgba[o + 3] = 255;
      o += 4;
      i += dc[0];
      j += dc[1];
      k += dc[2];
    }
  }
}
