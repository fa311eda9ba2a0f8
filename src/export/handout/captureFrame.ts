import type { ProcedureState } from '../../procedure/procedureState';
import type { HandoutViewer } from './handoutViewer';
import { pngDataUrlToBitmap } from './pngBitmap';
import type { KeyFrame } from './keyFrames';

/** The pictures of one key frame: the 3D view, and the X-ray when the step takes one. */
export interface FramePictures {
  view3d: HTMLCanvasElement;
  xray: HTMLCanvasElement | null;
  /** The viewer's state at the frame (caption figures are read from it). */
  state: ProcedureState;
}

/** The viewer's 3D canvas (in its shadow root): the one the picture is copied from. */
function stageCanvas(viewer: HandoutViewer): HTMLCanvasElement {
  const canvas = viewer.shadowRoot?.querySelector<HTMLCanvasElement>('.spv-stage canvas');
  if (!canvas) throw new Error('The viewer has no 3D canvas');
  return canvas;
}

/** Copy a canvas or bitmap into a new canvas of the same size (what the handout page keeps and prints). */
function copyOf(source: HTMLCanvasElement | ImageBitmap): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  canvas.getContext('2d')!.drawImage(source, 0, 0);
  return canvas;
}

/**
 * Seek the viewer to a key frame and copy what it draws. The X-ray capture is taken at the end of a rendered
 * frame drawn without the X-ray inset (the X-ray is shown beside the 3D picture, larger); the 3D canvas is copied in the same task, before the browser presents (and clears) its drawing buffer,
 * so the 3D picture is that same frame without the viewer having to keep its buffer (slower on every frame).
 */
export async function captureFrame(viewer: HandoutViewer, frame: KeyFrame): Promise<FramePictures> {
  viewer.currentTime = frame.time;
  const state = viewer.getState();
  const xrayView = state.fluoroView === 'none' ? null : state.fluoroView;
  const source = stageCanvas(viewer);
  let view3d: HTMLCanvasElement | null = null;
  const url = await viewer.controller.renderer
    .captureFluoro(xrayView ?? 'ap', { bare: true })
    .then((dataUrl) => {
      view3d = copyOf(source);
      return dataUrl;
    });
  if (!url || !view3d) throw new Error('The pictures need a WebGL view');
  const xray = xrayView ? copyOf(await pngDataUrlToBitmap(url)) : null;
  return { view3d, xray, state };
}
