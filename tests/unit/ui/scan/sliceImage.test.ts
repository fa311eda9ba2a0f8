import { describe, expect, it } from 'vitest';
import type { Lps } from '../../../../src/scan/types';
import { CT_WINDOWS, renderSlice, windowGrey } from '../../../../src/ui/scan/sliceImage';
import { lpsToPixel, sliceFrame, type SliceFrame } from '../../../../src/ui/scan/slicePoint';
import { PHANTOM, PHANTOM_CENTRE, phantomVolume } from '../../../support/ctPhantom';

describe('CT windows', () => {
  it('maps level − width/2 to black, level + width/2 to white, and the level to mid-grey', () => {
    const bone = CT_WINDOWS.bone;
    expect(windowGrey(bone.level - bone.width / 2, bone)).toBe(0);
    expect(windowGrey(bone.level + bone.width / 2, bone)).toBe(255);
    expect(windowGrey(bone.level, bone)).toBe(128);
    expect(windowGrey(-1000, bone)).toBe(0);
    expect(windowGrey(3000, bone)).toBe(255);
  });

  it('tells soft tissue from fat in the soft-tissue window, where bone is all white', () => {
    const soft = CT_WINDOWS.soft;
    expect(windowGrey(40, soft)).toBe(128);
    expect(windowGrey(-100, soft)).toBeLessThan(50);
    expect(windowGrey(700, soft)).toBe(255);
    // In the bone window the same tissue is dark grey and the cortex-like rods brighter than the block.
    expect(windowGrey(40, CT_WINDOWS.bone)).toBe(Math.round(((40 - (400 - 900)) / 1800) * 255));
  });
});

/** The grey of the view's pixel nearest to an LPS point. */
function greyAt(frame: SliceFrame, rgba: Uint8ClampedArray, p: Lps): number {
  const [c, r] = lpsToPixel(frame, p);
  return rgba[(Math.floor(r) * frame.width + Math.floor(c)) * 4] ?? -1;
}

describe('renderSlice on the phantom', () => {
  const volume = phantomVolume();
  const c = PHANTOM_CENTRE;
  const bone = CT_WINDOWS.bone;
  const at = (dx: number, dy: number, dz: number): Lps => [c[0] + dx, c[1] + dy, c[2] + dz];

  it('shows the block at the centre and the two rods behind it in an axial slice through the rods', () => {
    const frame = sliceFrame(volume, 'axial');
    const rgba = new Uint8ClampedArray(frame.width * frame.height * 4);
    renderSlice(volume, frame, c, bone, rgba);
    const block = windowGrey(PHANTOM.block.hu, bone);
    const rod = windowGrey(PHANTOM.rods.hu, bone);
    const tissue = windowGrey(PHANTOM.tissue.hu, bone);
    expect(greyAt(frame, rgba, at(0, 0, 0))).toBe(block);
    expect(greyAt(frame, rgba, at(15, -10, 0))).toBe(block);
    // The rods run posterior (+y, lower on the image) from the block at x = ±12 mm.
    for (const x of PHANTOM.rods.xMm) expect(greyAt(frame, rgba, at(x, 28, 0))).toBe(rod);
    // Between the rods, in front of the block and beside it: soft tissue; outside the cylinder: air (black).
    expect(greyAt(frame, rgba, at(0, 28, 0))).toBe(tissue);
    expect(greyAt(frame, rgba, at(0, -40, 0))).toBe(tissue);
    expect(greyAt(frame, rgba, at(40, 0, 0))).toBe(tissue);
    expect(greyAt(frame, rgba, at(-124, -124, 0))).toBe(0);
    // Opaque everywhere.
    for (let o = 3; o < rgba.length; o += 4) expect(rgba[o]).toBe(255);
    // The block's rows: its anterior edge on the image is where y = −15 mm, between tissue above and block below.
    expect(greyAt(frame, rgba, at(0, -19, 0))).toBe(tissue);
    expect(greyAt(frame, rgba, at(0, -11, 0))).toBe(block);
  });

  it('shows no rods in an axial slice above them, and the block’s height in the sagittal', () => {
    const frame = sliceFrame(volume, 'axial');
    const rgba = new Uint8ClampedArray(frame.width * frame.height * 4);
    renderSlice(volume, frame, at(0, 0, 10), bone, rgba);
    for (const x of PHANTOM.rods.xMm) expect(greyAt(frame, rgba, at(x, 28, 10))).toBe(windowGrey(40, bone));
    expect(greyAt(frame, rgba, at(0, 0, 10))).toBe(windowGrey(PHANTOM.block.hu, bone));

    const sagittal = sliceFrame(volume, 'sagittal');
    const s = new Uint8ClampedArray(sagittal.width * sagittal.height * 4);
    renderSlice(volume, sagittal, at(12, 0, 0), bone, s);
    const block = windowGrey(PHANTOM.block.hu, bone);
    expect(greyAt(sagittal, s, at(12, 0, 11))).toBe(block);
    expect(greyAt(sagittal, s, at(12, 0, 16))).toBe(windowGrey(40, bone));
    // The rod at x = 12 mm in this plane, behind the block.
    expect(greyAt(sagittal, s, at(12, 30, 0))).toBe(windowGrey(PHANTOM.rods.hu, bone));
  });

  it('refuses a buffer of the wrong size', () => {
    const frame = sliceFrame(volume, 'axial');
    expect(() => renderSlice(volume, frame, c, bone, new Uint8ClampedArray(16))).toThrow();
  });
});
