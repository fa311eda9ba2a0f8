import type { ViewerController } from '../playback/viewerController';

const SEEK_SECONDS = 5;

/**
 * The media-player keys (Space/K play-pause, ←/→ ±5 s, PageUp/PageDown previous/next step, Home/End).
 * Returns true when the key was handled. Shared by the slider and the viewer-wide shortcuts.
 */
export function handleMediaKey(controller: ViewerController, key: string): boolean {
  const now = controller.getTime();
  switch (key) {
    case ' ':
    case 'k':
    case 'K':
      controller.togglePlay();
      return true;
    case 'ArrowLeft':
    case 'ArrowDown':
      controller.seek(now - SEEK_SECONDS);
      return true;
    case 'ArrowRight':
    case 'ArrowUp':
      controller.seek(now + SEEK_SECONDS);
      return true;
    case 'PageUp':
      controller.previousStep();
      return true;
    case 'PageDown':
      controller.nextStep();
      return true;
    case 'Home':
      controller.seek(0);
      return true;
    case 'End':
      controller.seek(controller.getTimeline().duration);
      return true;
    default:
      return false;
  }
}
