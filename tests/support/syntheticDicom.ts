/**
 * Real DICOM Part-10 CT files of the synthetic phantom (ctPhantom.ts), one file per slice, for the reader's tests
 * and the end-to-end browser test. The encoder is written here from DICOM PS3.5 / PS3.10, independently of the
 * reader's parser: 128-byte preamble, "DICM", the group-0002 meta information in Explicit VR Little Endian, then
 * the dataset in the chosen transfer syntax, every value padded to an even length. Options make each kind of bad
 * input the reader must refuse.
 */
import { deflateRawSync } from 'node:zlib';
import type { Lps, ScanVolume } from '../../src/scan/types';
import { phantomVolume, type PhantomGrid } from './ctPhantom';
import { encodeJpegLossless16, encodeRle16 } from './dicomPixelEncoders';
import { concat, ds, element, encapsulated, metaHeader, text, us, type Syntax } from './dicomEncoding';

export type SyntheticSyntax =
  'explicit-le' | 'implicit-le' | 'explicit-be' | 'deflated' | 'rle' | 'jpeg-lossless';

export const SYNTAX_UIDS: Record<SyntheticSyntax, string> = {
  'explicit-le': '1.2.840.10008.1.2.1',
  'implicit-le': '1.2.840.10008.1.2',
  'explicit-be': '1.2.840.10008.1.2.2',
  deflated: '1.2.840.10008.1.2.1.99',
  rle: '1.2.840.10008.1.2.5',
  'jpeg-lossless': '1.2.840.10008.1.2.4.70',
};

const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
const MEDIA_DIRECTORY = '1.2.840.10008.1.3.10';
const ROOT = '1.2.826.0.1.3680043.10.1234';
const IMPLEMENTATION_UID = `${ROOT}.1`;

/** How to write the series; every option off gives a regular 12-bit unsigned CT series in Explicit VR LE. */
export interface SyntheticDicomOptions {
  /** The volume whose slices are written (HU, geometry); default phantomVolume(grid). */
  volume?: ScanVolume;
  grid?: PhantomGrid;
  syntax?: SyntheticSyntax;
  /** A syntax UID written in the meta header instead (pixels then written uncompressed): for unsupported ones. */
  syntaxUid?: string;
  /** Signed 16-bit pixels (PixelRepresentation 1, BitsStored 16, intercept 0) instead of unsigned 12-bit. */
  signed?: boolean;
  /** 8-bit unsigned pixels with RescaleSlope 10 and RescaleIntercept −1000 (HU −1000 … 1550 in steps of 10). */
  eightBit?: boolean;
  /** Set the 4 unused high bits of every unsigned 12-bit pixel cell, which the reader must mask off. */
  junkHighBits?: boolean;
  /** SOP Class UID (default CT Image Storage), e.g. Secondary Capture for a dose report. */
  sopClassUid?: string;
  modality?: string;
  seriesUid?: string;
  /** Slice indices (k) not written. */
  dropSlices?: number[];
  /** Gantry tilt: each slice's position moves this many degrees' worth along the column direction. */
  tiltDeg?: number;
  omitPixelSpacing?: boolean;
  omitPosition?: boolean;
  /** Add a LOCALIZER (scout) image of another size and series-conform UIDs, which the reader must skip. */
  withLocalizer?: boolean;
  /** File names' prefix. */
  prefix?: string;
}

/** A written file. */
export interface SyntheticFile {
  name: string;
  bytes: Uint8Array;
}

/** What one image file says about itself. */
interface SliceFields {
  sopInstance: string;
  studyUid: string;
  seriesUid: string;
  modality: string;
  imageType: string;
  instance: number;
  position: Lps | null;
  orientation: [Lps, Lps];
  /** [between rows, between columns]. */
  pixelSpacing: [number, number] | null;
  thickness: number;
  rows: number;
  columns: number;
  signed: boolean;
  eightBit: boolean;
  sopClass: string;
  /** Pixel cells, row by row. */
  cells: Uint16Array;
}

function dataset(f: SliceFields, syntax: SyntheticSyntax, syntaxUid: string | undefined): Uint8Array {
  const compressed = !syntaxUid && (syntax === 'rle' || syntax === 'jpeg-lossless');
  const s: Syntax = {
    explicit: syntaxUid ? true : syntax !== 'implicit-le',
    little: syntaxUid ? true : syntax !== 'explicit-be',
  };
  const str = (g: number, e: number, vr: string, v: string) => element(g, e, vr, text(v, vr), s);
  const u16 = (g: number, e: number, v: number) => element(g, e, 'US', us(v, s.little), s);
  const parts = [
    str(0x0008, 0x0008, 'CS', f.imageType),
    str(0x0008, 0x0016, 'UI', f.sopClass),
    str(0x0008, 0x0018, 'UI', f.sopInstance),
    str(0x0008, 0x0060, 'CS', f.modality),
    str(0x0018, 0x0050, 'DS', ds([f.thickness])),
    str(0x0020, 0x000d, 'UI', f.studyUid),
    str(0x0020, 0x000e, 'UI', f.seriesUid),
    str(0x0020, 0x0013, 'IS', String(f.instance)),
  ];
  if (f.position) parts.push(str(0x0020, 0x0032, 'DS', ds(f.position)));
  parts.push(
    str(0x0020, 0x0037, 'DS', ds([...f.orientation[0], ...f.orientation[1]])),
    u16(0x0028, 0x0002, 1),
    str(0x0028, 0x0004, 'CS', 'MONOCHROME2'),
    u16(0x0028, 0x0010, f.rows),
    u16(0x0028, 0x0011, f.columns),
  );
  if (f.pixelSpacing) parts.push(str(0x0028, 0x0030, 'DS', ds(f.pixelSpacing)));
  const stored = f.eightBit ? 8 : f.signed ? 16 : 12;
  parts.push(
    u16(0x0028, 0x0100, f.eightBit ? 8 : 16),
    u16(0x0028, 0x0101, stored),
    u16(0x0028, 0x0102, stored - 1),
    u16(0x0028, 0x0103, f.signed ? 1 : 0),
    str(0x0028, 0x1052, 'DS', f.eightBit ? '-1000' : f.signed ? '0' : '-1024'),
    str(0x0028, 0x1053, 'DS', f.eightBit ? '10' : '1'),
  );
  if (compressed && f.eightBit) throw new Error('the RLE and JPEG writers take 16-bit pixels');
  if (f.eightBit) {
    const bytes = Uint8Array.from(f.cells);
    parts.push(
      element(0x7fe0, 0x0010, 'OB', bytes.length % 2 ? concat([bytes, new Uint8Array(1)]) : bytes, s),
    );
  } else if (compressed) {
    const frame =
      syntax === 'rle'
        ? encodeRle16(f.cells, f.columns, f.rows)
        : encodeJpegLossless16(f.cells, f.columns, f.rows);
    parts.push(element(0x7fe0, 0x0010, 'OB', encapsulated(frame), s, true));
  } else {
    const words = new Uint8Array(f.cells.length * 2);
    const view = new DataView(words.buffer);
    f.cells.forEach((c, i) => view.setUint16(2 * i, c, s.little));
    parts.push(element(0x7fe0, 0x0010, 'OW', words, s));
  }
  const body = concat(parts);
  return syntax === 'deflated' && !syntaxUid ? new Uint8Array(deflateRawSync(body)) : body;
}

/** One Part-10 file. */
function part10(f: SliceFields, syntax: SyntheticSyntax, syntaxUid?: string): Uint8Array {
  return concat([
    metaHeader(f.sopInstance, syntaxUid ?? SYNTAX_UIDS[syntax], f.sopClass, IMPLEMENTATION_UID),
    dataset(f, syntax, syntaxUid),
  ]);
}

/** Pixel cells of HU values: unsigned 12-bit with intercept −1024, signed 16-bit with intercept 0, or 8-bit. */
function cellsOf(hu: Int16Array, options: SyntheticDicomOptions): Uint16Array {
  const cells = new Uint16Array(hu.length);
  const junk = options.junkHighBits ? 0xa000 : 0;
  for (let i = 0; i < hu.length; i++) {
    const h = hu[i]!;
    if (options.eightBit) cells[i] = Math.max(0, Math.min(255, Math.round((h + 1000) / 10)));
    else if (options.signed) cells[i] = h & 0xffff;
    else cells[i] = Math.max(0, Math.min(4095, h + 1024)) | junk;
  }
  return cells;
}

/** The phantom (or `options.volume`) as a DICOM CT series, one file per slice in slice order. */
export function syntheticDicomSeries(options: SyntheticDicomOptions = {}): SyntheticFile[] {
  const volume = options.volume ?? phantomVolume(options.grid);
  const [nx, ny, nz] = volume.dims;
  const [sx, sy, sz] = volume.spacingMm;
  const [row, column, normal] = volume.axes;
  const syntax = options.syntax ?? 'explicit-le';
  const signed = options.signed ?? false;
  const seriesUid = options.seriesUid ?? `${ROOT}.2.1`;
  const studyUid = `${ROOT}.3.1`;
  const tilt = Math.tan(((options.tiltDeg ?? 0) * Math.PI) / 180);
  const prefix = options.prefix ?? 'CT';
  const files: SyntheticFile[] = [];
  for (let k = 0; k < nz; k++) {
    if (options.dropSlices?.includes(k)) continue;
    const position = [0, 1, 2].map(
      (c) => volume.originMm[c]! + k * sz * normal[c]! + k * sz * tilt * column[c]!,
    ) as Lps;
    const sopInstance = `${seriesUid}.${k + 1}`;
    const fields: SliceFields = {
      sopInstance,
      studyUid,
      seriesUid,
      modality: options.modality ?? 'CT',
      imageType: 'ORIGINAL\\PRIMARY\\AXIAL',
      instance: k + 1,
      position: options.omitPosition ? null : position,
      orientation: [row, column],
      pixelSpacing: options.omitPixelSpacing ? null : [sy, sx],
      thickness: sz,
      rows: ny,
      columns: nx,
      signed,
      eightBit: options.eightBit ?? false,
      sopClass: options.sopClassUid ?? CT_IMAGE_STORAGE,
      cells: cellsOf(volume.hu.subarray(k * nx * ny, (k + 1) * nx * ny), options),
    };
    files.push({
      name: `${prefix}${String(k + 1).padStart(4, '0')}.dcm`,
      bytes: part10(fields, syntax, options.syntaxUid),
    });
  }
  if (options.withLocalizer) files.push(localizer(studyUid, seriesUid, syntax));
  return files;
}

/** A 64 × 32 sagittal scout view, as scanners put beside the axial series. */
function localizer(studyUid: string, seriesUid: string, syntax: SyntheticSyntax): SyntheticFile {
  const fields: SliceFields = {
    sopInstance: `${seriesUid}.9999`,
    studyUid,
    seriesUid: `${ROOT}.2.99`,
    modality: 'CT',
    imageType: 'ORIGINAL\\PRIMARY\\LOCALIZER',
    instance: 1,
    position: [0, -250, 0],
    orientation: [
      [0, 1, 0],
      [0, 0, -1],
    ],
    pixelSpacing: [4, 4],
    thickness: 1,
    rows: 32,
    columns: 64,
    signed: false,
    eightBit: false,
    sopClass: CT_IMAGE_STORAGE,
    cells: new Uint16Array(64 * 32).fill(1024),
  };
  return { name: 'SCOUT0001.dcm', bytes: part10(fields, syntax) };
}

/** A minimal DICOMDIR (Media Storage Directory): a DICOM file that is no image, as found beside a series on a CD. */
export function syntheticDicomDir(): SyntheticFile {
  const le: Syntax = { explicit: true, little: true };
  const body = concat([
    element(0x0004, 0x1130, 'CS', text('SPINE', 'CS'), le),
    element(0x0004, 0x1200, 'UL', new Uint8Array(4), le),
    element(0x0004, 0x1202, 'UL', new Uint8Array(4), le),
    element(0x0004, 0x1212, 'US', us(0, true), le),
  ]);
  return {
    name: 'DICOMDIR',
    bytes: concat([
      metaHeader(`${ROOT}.4.1`, SYNTAX_UIDS['explicit-le'], MEDIA_DIRECTORY, IMPLEMENTATION_UID),
      body,
    ]),
  };
}
