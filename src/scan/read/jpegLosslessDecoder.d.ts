/** The part of jpeg-lossless-decoder-js the reader uses (the package names a declaration file it does not ship). */
declare module 'jpeg-lossless-decoder-js' {
  export class Decoder {
    /** Decodes a JPEG Lossless (ITU T.81 process 14) stream; `numBytes` per sample: 1 → Uint8Array, 2 → Uint16Array. */
    decode(buffer: ArrayBuffer, offset: number, length: number, numBytes: number): Uint8Array | Uint16Array;
  }
}
