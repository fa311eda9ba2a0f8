/**
 * The decoding worker's order of work: the page asks for the studio light when the viewer connects and sends the
 * model once it has downloaded, a moment later. The light is read first, so that the page can build the scene's
 * shader programs (they depend on the light) while the worker decodes the model, rather than after it. A model
 * waits for every light asked for before it, read or failed; the first frame needs both, so waiting for a light
 * still downloading holds back no picture.
 */
export class LightBeforeModel {
  private lightsRead: Promise<unknown> = Promise.resolve();

  /** A light read, started now. */
  light<T>(read: Promise<T>): Promise<T> {
    this.lightsRead = Promise.allSettled([this.lightsRead, read]);
    return read;
  }

  /** A model decode, started once every light asked for so far has been read (or has failed). */
  model<T>(decode: () => Promise<T>): Promise<T> {
    return this.lightsRead.then(decode);
  }
}
