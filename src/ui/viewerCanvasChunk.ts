/** The 3D view's chunk (three.js, the scene): one download per page, started as early as a viewer knows it needs it. */
let chunk: Promise<typeof import('../scene/ViewerCanvas')> | null = null;

/**
 * Start (or join) loading the canvas chunk; once it is here it starts parsing the model, whose bytes the element
 * began fetching at connect. A failed download is forgotten, so the next mount tries again.
 */
export function loadViewerCanvas(): Promise<typeof import('../scene/ViewerCanvas')> {
  chunk ??= import('../scene/ViewerCanvas').then((module) => {
    void module.preloadSpineModel().catch(() => undefined);
    return module;
  });
  chunk.catch(() => (chunk = null));
  return chunk;
}
