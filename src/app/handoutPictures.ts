import { defineSpineProcedureViewer } from '../embed/SpineProcedureViewerElement';
import { captureFrame, type FramePictures } from '../export/handout/captureFrame';
import type { HandoutViewer } from '../export/handout/handoutViewer';
import type { KeyFrame } from '../export/handout/keyFrames';

/**
 * Options of the page's URL that the picture-making viewer does not take: where to start and how to run (it seeks
 * to each key frame itself), an open panel (not part of the picture), and the view (the 3D picture is always the
 * 3D view; the X-ray is captured on its own).
 */
const NOT_FOR_PICTURES = new Set(['time', 'step', 'autoplay', 'loop', 'rate', 'panel', 'narration', 'view']);

/**
 * Make the handout's pictures with a <spine-procedure-viewer> in `stage` (kept out of sight and out of the
 * accessibility tree, removed when done): one key frame after another, reporting progress and handing each
 * frame's pictures to `onFrame`. Resolves to whether any picture failed (the text prints regardless).
 */
export async function prepareHandoutPictures(
  stage: HTMLElement,
  raw: Record<string, unknown>,
  frames: readonly KeyFrame[],
  onProgress: (done: number) => void,
  onFrame: (index: number, pictures: FramePictures) => void,
): Promise<boolean> {
  defineSpineProcedureViewer();
  const viewer = document.createElement('spine-procedure-viewer') as unknown as HandoutViewer;
  for (const [name, value] of Object.entries(raw))
    if (!NOT_FOR_PICTURES.has(name)) viewer.setAttribute(name, String(value));
  viewer.setAttribute('controls', 'none');
  stage.setAttribute('aria-hidden', 'true');
  stage.inert = true;
  stage.append(viewer);
  let failed = false;
  onProgress(0);
  try {
    await viewer.ready;
    for (const [index, frame] of frames.entries()) {
      try {
        onFrame(index, await captureFrame(viewer, frame));
      } catch (error) {
        failed = true;
        console.warn('spine-procedure-viewer handout: a picture could not be made', error);
      }
      onProgress(index + 1);
    }
  } catch (error) {
    failed = true;
    console.warn('spine-procedure-viewer handout: the viewer did not start', error);
  } finally {
    viewer.remove();
    stage.remove();
  }
  return failed;
}
