/**
 * A small DICOM encoder for the synthetic test files, written from the standard (PS3.5 §7 data elements, A.4
 * encapsulation; PS3.10 §7 the Part-10 file): it shares nothing with the reader's parser, so the tests check the
 * reader against the standard, not against itself.
 */
export type Syntax = { explicit: boolean; little: boolean };
const LONG_VRS = new Set(['OB', 'OW', 'OF', 'OD', 'OL', 'OV', 'SQ', 'UT', 'UN', 'UC', 'UR', 'SV', 'UV']);

/** A value as bytes: strings padded to even length (UI with NUL, others with space), numbers in the byte order. */
export function text(value: string, vr: string): Uint8Array {
  const padded = value.length % 2 ? value + (vr === 'UI' ? '\0' : ' ') : value;
  return new TextEncoder().encode(padded);
}
export function ds(values: number[]): string {
  return values
    .map((v) => {
      const s = String(Number(v.toPrecision(10)));
      if (s.length > 16) throw new Error(`DS value too long: ${s}`);
      return s;
    })
    .join('\\');
}
export function us(value: number, little: boolean): Uint8Array {
  const b = new Uint8Array(2);
  new DataView(b.buffer).setUint16(0, value, little);
  return b;
}

/** One data element: tag, (VR), length, value (PS3.5 §7.1). `length` −1 writes an undefined length. */
export function element(
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

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Encapsulated pixel data (PS3.5 A.4): an empty basic offset table item, one fragment, a sequence delimiter. */
export function encapsulated(frame: Uint8Array): Uint8Array {
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

export function metaHeader(
  sopInstance: string,
  syntaxUid: string,
  sopClass: string,
  implementationUid: string,
): Uint8Array {
  const le: Syntax = { explicit: true, little: true };
  const body = concat([
    element(0x0002, 0x0001, 'OB', new Uint8Array([0, 1]), le),
    element(0x0002, 0x0002, 'UI', text(sopClass, 'UI'), le),
    element(0x0002, 0x0003, 'UI', text(sopInstance, 'UI'), le),
    element(0x0002, 0x0010, 'UI', text(syntaxUid, 'UI'), le),
    element(0x0002, 0x0012, 'UI', text(implementationUid, 'UI'), le),
  ]);
  const groupLength = new Uint8Array(4);
  new DataView(groupLength.buffer).setUint32(0, body.length, true);
  const preamble = new Uint8Array(132);
  preamble.set([0x44, 0x49, 0x43, 0x4d], 128);
  return concat([preamble, element(0x0002, 0x0000, 'UL', groupLength, le), body]);
}
