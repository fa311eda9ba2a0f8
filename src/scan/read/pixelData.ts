/**
 * One image's pixel data to Hounsfield units: the frame's bytes by transfer syntax (native little or big endian,
 * RLE Lossless, JPEG Lossless), then each pixel cell's stored bits (BitsStored bits ending at HighBit, PS3.5
 * §8.1.1), sign-extended when PixelRepresentation is 1, then Modality LUT: HU = stored · RescaleSlope +
 * RescaleIntercept (PS3.3 C.11.1), rounded and clamped to Int16.
 */
import { Decoder } from 'jpeg-lossless-decoder-js';
import { readEncapsulatedPixelDataFromFragments, type DataSet, type Element } from 'dicom-parser';
import { decodeRleFrame } from './rleDecode';
import type { PixelEncoding } from './transferSyntax';

/** How an image's pixels are stored (from its header). */
export interface PixelLayout {
  rows: number;
  columns: number;
  bitsAllocated: 8 | 16;
  bitsStored: number;
  highBit: number;
  signed: boolean;
  slope: number;
  intercept: number;
}

/** The unsigned pixel cells of the (single) frame, one value per pixel, and whether they still need a bit shift. */
function frameCells(
  dataSet: DataSet,
  element: Element,
  encoding: PixelEncoding,
  layout: PixelLayout,
): Uint8Array | Uint16Array {
  const count = layout.rows * layout.columns;
  const bytes = layout.bitsAllocated / 8;
  if (encoding === 'native-le' || encoding === 'native-be') {
    if (element.length < count * bytes) throw new Error('pixel data shorter than the image');
    const array = dataSet.byteArray;
    const start = array.byteOffset + element.dataOffset;
    if (bytes === 1) return new Uint8Array(array.buffer, start, count);
    const view = new DataView(array.buffer, start, count * 2);
    const cells = new Uint16Array(count);
    const little = encoding === 'native-le';
    for (let i = 0; i < count; i++) cells[i] = view.getUint16(2 * i, little);
    return cells;
  }
  const fragments = element.fragments ?? [];
  if (fragments.length === 0) throw new Error('encapsulated pixel data without fragments');
  const frame = readEncapsulatedPixelDataFromFragments(dataSet, element, 0, fragments.length);
  if (encoding === 'rle') {
    const le = decodeRleFrame(frame, count, bytes);
    return bytes === 1 ? le : new Uint16Array(le.buffer, 0, count);
  }
  const decoded = new Decoder().decode(
    frame.buffer as ArrayBuffer,
    frame.byteOffset,
    frame.byteLength,
    bytes,
  ) as Uint8Array | Uint16Array;
  if (decoded.length < count) throw new Error('JPEG Lossless frame smaller than the image');
  return decoded;
}

/** The image's pixels in Hounsfield units, row by row (column index fastest). */
export function decodePixelsToHu(
  dataSet: DataSet,
  element: Element,
  encoding: PixelEncoding,
  layout: PixelLayout,
): Int16Array {
  const cells = frameCells(dataSet, element, encoding, layout);
  const count = layout.rows * layout.columns;
  // Native data keeps pixel cells with the stored bits ending at HighBit; compressed frames decode to samples.
  const shift =
    encoding === 'native-le' || encoding === 'native-be' ? layout.highBit + 1 - layout.bitsStored : 0;
  const bits = layout.bitsStored;
  const mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  const signBit = 1 << (bits - 1);
  const { slope, intercept, signed } = layout;
  const hu = new Int16Array(count);
  for (let i = 0; i < count; i++) {
    let v = (cells[i]! >> shift) & mask;
    if (signed && v & signBit) v -= mask + 1;
    const h = Math.round(v * slope + intercept);
    hu[i] = h < -32768 ? -32768 : h > 32767 ? 32767 : h;
  }
  return hu;
}
