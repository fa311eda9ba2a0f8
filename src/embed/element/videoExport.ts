import type { VideoExportOptions } from '../../export/video/videoPlan';
import type { ViewerController } from '../../playback/viewerController';
import { videoCaption } from '../../ui/videoCaption';

export type { VideoExportOptions } from '../../export/video/videoPlan';

/**
 * The element's `exportVideo()`: the export code (and its MP4 muxer) is fetched on the first call only, so a page
 * that never saves a video downloads none of it.
 */
export async function exportViewerVideo(
  controller: ViewerController,
  root: ParentNode | null,
  options?: VideoExportOptions,
): Promise<Blob> {
  const { exportVideo } = await import('../../export/video/exportVideo');
  return exportVideo(
    { controller, root: root ?? document.createDocumentFragment(), caption: () => videoCaption(controller) },
    options,
  );
}
