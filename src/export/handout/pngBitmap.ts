/**
 * Decode a PNG data URL (what the viewer's captureFluoro returns) into an ImageBitmap without loading it as an
 * image or fetching it: a strict CSP (`img-src 'self'`, `connect-src 'self'`) refuses data: URLs for both, but
 * decoding bytes from a Blob is neither.
 */
export function pngDataUrlToBitmap(dataUrl: string): Promise<ImageBitmap> {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:image/png;base64,') || comma < 0)
    return Promise.reject(new Error('Expected a base64 PNG data URL'));
  const text = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return createImageBitmap(new Blob([bytes], { type: 'image/png' }));
}
