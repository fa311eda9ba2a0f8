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

type Syntax = { explicit: boolean; little: boolean };
const LONG_VRS = new Set(['OB', 'OW', 'OF', 'OD', 'OL', 'OV', 'SQ', 'UT', 'UN', 'UC', 'UR', 'SV', 'UV']);

/** A value as bytes: strings padded to even length (UI with NUL, others with space), numbers in the byte order. */
function text(value: string, vr: string): Uint8Array {
  const padded = value.length % 2 ? value + (vr === 'UI' ? '\0' : ' ') : value;
  return new TextEncoder().encode(padded);
}
function ds(values: number[]): string {
  return values
    .map((v) => {
      const s = String(Number(v.toPrecision(10)));
      if (s.length > 16) throw new Error(`DS value too long: ${s}`);
      return s;
    })
    .join('\\');
}
function us(value: number, little: boolean): Uint8Array {
  const b = new Uint8Array(2);
  new DataView(b.buffer).setUint16(0, value, little);
  return b;
}

/** One data element: tag, (VR), length, value (PS3.5 §7.1). `length` −1 writes an undefined length. */
function element(
  group: number,
  elem: number,
  vr: string,
  value: Uint8Array,
  syntax: Syntax,
  undefinedLength = false,
): Uint8Array {
  if (value.length % 2) throw new Error('odd value length');
  const long = !syntax.explicit || LONG_VRS.has(vr);
  const headerLength = syntax.explicit ? (long ? 12 : 8) : 8;
  const out = new Uint8Array(headerLength + value.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, group, syntax.little);
  view.setUint16(2, elem, syntax.little);
  const length = undefinedLength ? 0xffffffff : value.length;
  if (!syntax.explicit) view.setUint32(4, length, syntax.little);
  else {
    out[4] = vr.charCodeAt(0);
    out[5] = vr.charCodeAt(1);
    if (long) view.setUint32(8, length, syntax.little);
    else view.setUint16(6, length, syntax.little);
  }
  out.set(value, headerLength);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Encapsulated pixel data (PS3.5 A.4): an empty basic offset table item, one fragment, a sequence delimiter. */
function encapsulated(frame: Uint8Array): Uint8Array {
  const even = frame.length % 2 ? concat([frame, new Uint8Array(1)]) : frame;
  const item = (tagElem: number, body: Uint8Array) => {
    const head = new Uint8Array(8);
    const v = new DataView(head.buffer);
    v.setUint16(0, 0xfffe, true);
    v.setUint16(2, tagElem, true);
    v.setUint32(4, body.length, true);
    return concat([head, body]);
  };
  return concat([item(0xe000, new Uint8Array(0)), item(0xe000, even), item(0xe0dd, new Uint8Array(0))]);
}

function metaHeader(sopInstance: string, syntaxUid: string, sopClass = CT_IMAGE_STORAGE): Uint8Array {
  const le: Syntax = { explicit: true, little: true };
  const body = concat([
    element(0x0002, 0x0001, 'OB', new Uint8Array([0, 1]), le),
    element(0x0002, 0x0002, 'UI', text(sopClass, 'UI'), le),
    element(0x0002, 0x0003, 'UI', text(sopInstance, 'UI'), le),
    element(0x0002, 0x0010, 'UI', text(syntaxUid, 'UI'), le),
    element(0x0002, 0x0012, 'UI', text(`${ROOT}.1`, 'UI'), le),
  ]);
  const groupLength = new Uint8Array(4);
  new DataView(groupLength.buffer).setUint32(0, body.length, true);
  const preamble = new Uint8Array(132);
  preamble.set([0x44, 0x49, 0x43, 0x4d], 128);
  return concat([preamble, element(0x0002, 0x0000, 'UL', groupLength, le), body]);
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
    str(0x0008, 0x0016, 'UI', CT_IMAGE_STORAGE),
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
  parts.push(
    u16(0x0028, 0x0100, 16),
    u16(0x0028, 0x0101, f.signed ? 16 : 12),
    u16(0x0028, 0x0102, f.signed ? 15 : 11),
    u16(0x0028, 0x0103, f.signed ? 1 : 0),
    str(0x0028, 0x1052, 'DS', f.signed ? '0' : '-1024'),
    str(0x0028, 0x1053, 'DS', '1'),
  );
  if (compressed) {
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
  return concat([metaHeader(f.sopInstance, syntaxUid ?? SYNTAX_UIDS[syntax]), dataset(f, syntax, syntaxUid)]);
}

/** Pixel cells of HU values: unsigned 12-bit with intercept −1024, or signed 16-bit with intercept 0. */
function cellsOf(hu: Int16Array, signed: boolean): Uint16Array {
  const cells = new Uint16Array(hu.length);
  for (let i = 0; i < hu.length; i++)
    cells[i] = signed ? hu[i]! & 0xffff : Math.max(0, Math.min(4095, hu[i]! + 1024));
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
      cells: cellsOf(volume.hu.subarray(k * nx * ny, (k + 1) * nx * ny), signed),
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
    bytes: concat([metaHeader(`${ROOT}.4.1`, SYNTAX_UIDS['explicit-le'], MEDIA_DIRECTORY), body]),
  };
}
