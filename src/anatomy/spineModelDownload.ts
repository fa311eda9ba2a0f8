/**
 * Downloading the model's bytes, the same on the page (spineModelFile.ts) and in the decoding worker, which fetches
 * the model itself so that its decoding starts the moment the bytes arrive, whatever the page's thread is busy with.
 */

/** The bytes at `url`, or a plain-words error naming the HTTP status. */
export async function downloadSpineModel(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The spine model could not be loaded (HTTP ${response.status}).`);
  return response.arrayBuffer();
}
