/**
 * The transfer syntaxes the reader understands (DICOM PS3.5 §10 and Annex A) and how each stores its pixels.
 * Anything else (JPEG baseline, JPEG-LS, JPEG 2000, HTJ2K, video…) is reported by name as unsupported.
 */
export type PixelEncoding = 'native-le' | 'native-be' | 'rle' | 'jpeg-lossless';

export interface TransferSyntax {
  uid: string;
  name: string;
  pixels: PixelEncoding;
  deflated: boolean;
}

const SUPPORTED: Record<string, Omit<TransferSyntax, 'uid'>> = {
  '1.2.840.10008.1.2': { name: 'Implicit VR Little Endian', pixels: 'native-le', deflated: false },
  '1.2.840.10008.1.2.1': { name: 'Explicit VR Little Endian', pixels: 'native-le', deflated: false },
  '1.2.840.10008.1.2.1.99': {
    name: 'Deflated Explicit VR Little Endian',
    pixels: 'native-le',
    deflated: true,
  },
  '1.2.840.10008.1.2.2': { name: 'Explicit VR Big Endian', pixels: 'native-be', deflated: false },
  '1.2.840.10008.1.2.5': { name: 'RLE Lossless', pixels: 'rle', deflated: false },
  '1.2.840.10008.1.2.4.57': { name: 'JPEG Lossless', pixels: 'jpeg-lossless', deflated: false },
  '1.2.840.10008.1.2.4.70': {
    name: 'JPEG Lossless, First-Order Prediction',
    pixels: 'jpeg-lossless',
    deflated: false,
  },
};

/** Names of common syntaxes the reader does not decode, for a notice that says which one the files use. */
const UNSUPPORTED_NAMES: Record<string, string> = {
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-Lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Lossless',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.4.201': 'HTJ2K Lossless',
  '1.2.840.10008.1.2.4.202': 'HTJ2K Lossless RPCL',
  '1.2.840.10008.1.2.4.203': 'HTJ2K',
  '1.2.840.10008.1.2.4.100': 'MPEG-2',
  '1.2.840.10008.1.2.4.102': 'MPEG-4',
};

/** The syntax with this UID, or null when the reader cannot decode it. */
export function transferSyntax(uid: string): TransferSyntax | null {
  const known = SUPPORTED[uid];
  return known ? { uid, ...known } : null;
}

/** A readable name for a syntax UID (the UID itself when it is not a well-known one). */
export function transferSyntaxName(uid: string): string {
  return SUPPORTED[uid]?.name ?? UNSUPPORTED_NAMES[uid] ?? uid;
}
