/**
 * One DICOM Part-10 file to the header fields the series needs and, on request, its pixels in Hounsfield units.
 * Parsing is dicom-parser's; this module only picks attributes, inflates the deflated syntax (DecompressionStream,
 * asynchronous, where dicom-parser would want a synchronous inflater) and hands the pixels to pixelData.ts.
 */
import { parseDicom, readPart10Header, type DataSet, type Element } from 'dicom-parser';
import type { Lps } from '../types';
import { decodePixelsToHu, type PixelLayout } from './pixelData';
import { transferSyntax, transferSyntaxName } from './transferSyntax';

/** What the series builder needs of one image. */
export interface DicomSliceHeader {
  seriesUid: string;
  modality: string;
  /**
   * A scout view (ImageType LOCALIZER) or a secondary capture (a dose report or screenshot stored beside the
   * series): not a slice of the volume, skipped.
   */
  localizer: boolean;
  rows: number;
  columns: number;
  /** ImagePositionPatient: the centre of the first transmitted pixel (LPS, mm). */
  position: Lps | null;
  /** ImageOrientationPatient: row direction (along a row), column direction. */
  orientation: [Lps, Lps] | null;
  /** PixelSpacing as stored: [between rows, between columns] (mm). */
  pixelSpacing: [number, number] | null;
  instanceNumber: number | null;
}

/** A parsed image: its header and a function decoding its pixels (kept apart so skipped images are not decoded). */
export interface ParsedDicomImage {
  header: DicomSliceHeader;
  decodeHu(): Int16Array;
}

/** Bytes 128–131 of a Part-10 file. */
export function isPart10(bytes: Uint8Array): boolean {
  return (
    bytes.length > 132 &&
    bytes[128] === 0x44 &&
    bytes[129] === 0x49 &&
    bytes[130] === 0x43 &&
    bytes[131] === 0x4d
  );
}

async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The whole file with its deflated dataset inflated after the meta header (what parseDicom's inflater returns). */
async function inflatedFile(bytes: Uint8Array, metaEnd: number): Promise<Uint8Array> {
  const inflated = await inflateRaw(bytes.subarray(metaEnd));
  const whole = new Uint8Array(metaEnd + inflated.length);
  whole.set(bytes.subarray(0, metaEnd));
  whole.set(inflated, metaEnd);
  return whole;
}

function numbers(dataSet: DataSet, tag: string, count: number): number[] | null {
  if ((dataSet.numStringValues(tag) ?? 0) < count) return null;
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = dataSet.floatString(tag, i);
    if (v === undefined || !Number.isFinite(v)) return null;
    values.push(v);
  }
  return values;
}

function clean(uid: string | undefined): string {
  return (uid ?? '').replace(/\0/g, '').trim();
}

function header(dataSet: DataSet): DicomSliceHeader {
  const position = numbers(dataSet, 'x00200032', 3);
  const orientation = numbers(dataSet, 'x00200037', 6);
  const spacing = numbers(dataSet, 'x00280030', 2);
  const imageType = (dataSet.string('x00080008') ?? '').toUpperCase().split('\\');
  return {
    seriesUid: dataSet.string('x0020000e') ?? '',
    modality: (dataSet.string('x00080060') ?? '').toUpperCase(),
    localizer:
      imageType.includes('LOCALIZER') || clean(dataSet.string('x00080016')).startsWith(SECONDARY_CAPTURE),
    rows: dataSet.uint16('x00280010') ?? 0,
    columns: dataSet.uint16('x00280011') ?? 0,
    position: position ? [position[0]!, position[1]!, position[2]!] : null,
    orientation: orientation
      ? [
          [orientation[0]!, orientation[1]!, orientation[2]!],
          [orientation[3]!, orientation[4]!, orientation[5]!],
        ]
      : null,
    pixelSpacing: spacing && spacing[0]! > 0 && spacing[1]! > 0 ? [spacing[0]!, spacing[1]!] : null,
    instanceNumber: dataSet.intString('x00200013') ?? null,
  };
}

function layout(dataSet: DataSet, head: DicomSliceHeader): PixelLayout {
  const bitsAllocated = dataSet.uint16('x00280100') ?? 16;
  if (bitsAllocated !== 8 && bitsAllocated !== 16) throw new Error(`${bitsAllocated}-bit pixels`);
  if ((dataSet.uint16('x00280002') ?? 1) !== 1) throw new Error('colour pixels');
  const bitsStored = Math.min(dataSet.uint16('x00280101') ?? bitsAllocated, bitsAllocated);
  const highBit = Math.min(dataSet.uint16('x00280102') ?? bitsStored - 1, bitsAllocated - 1);
  return {
    rows: head.rows,
    columns: head.columns,
    bitsAllocated,
    bitsStored,
    highBit,
    signed: (dataSet.uint16('x00280103') ?? 0) === 1,
    slope: dataSet.floatString('x00281053') ?? 1,
    intercept: dataSet.floatString('x00281052') ?? 0,
  };
}

/** A file in a transfer syntax the reader cannot decode: its name, for the notice. */
export interface UnsupportedDicom {
  unsupportedSyntax: string;
}

/** The Secondary Capture SOP Classes (single-frame and the multi-frame ones, .1–.4) share this prefix. */
const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';

/** The DICOMDIR's SOP Class: an index of a medium's files, never an image. */
const MEDIA_DIRECTORY_SOP_CLASS = '1.2.840.10008.1.3.10';

/**
 * One file: null when it is no DICOM image (not Part 10, unparsable, a DICOMDIR, no pixel data, several frames);
 * the syntax's name when its syntax cannot be decoded (its dataset then cannot be read either).
 */
export async function parseDicomImage(
  bytes: Uint8Array,
): Promise<ParsedDicomImage | UnsupportedDicom | null> {
  if (!isPart10(bytes)) return null;
  let meta: DataSet;
  try {
    meta = readPart10Header(bytes);
  } catch {
    return null;
  }
  if (clean(meta.string('x00020002')) === MEDIA_DIRECTORY_SOP_CLASS) return null;
  const uid = clean(meta.string('x00020010'));
  if (!uid) return null;
  const syntax = transferSyntax(uid);
  if (!syntax) return { unsupportedSyntax: transferSyntaxName(uid) };
  let dataSet: DataSet;
  try {
    const metaEnd = (meta as unknown as { position: number }).position;
    const whole = syntax.deflated ? await inflatedFile(bytes, metaEnd) : bytes;
    dataSet = parseDicom(whole, syntax.deflated ? { inflater: () => whole } : {});
  } catch {
    return null;
  }
  const pixels: Element | undefined = dataSet.elements.x7fe00010;
  if (!pixels || (dataSet.intString('x00280008') ?? 1) > 1) return null;
  const head = header(dataSet);
  if (head.rows <= 0 || head.columns <= 0) return null;
  return {
    header: head,
    decodeHu: () => decodePixelsToHu(dataSet, pixels, syntax.pixels, layout(dataSet, head)),
  };
}
