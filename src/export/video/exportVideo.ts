import {
  BufferTarget,
  canEncodeVideo,
  CanvasSource,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
} from 'mediabunny';
import type { ViewerController } from '../../playback/viewerController';
import { activeExport, canExportVideo, setActiveExport } from './activeExport';
import { chooseCodec } from './chooseCodec';
import { FrameComposer, type FrameCaption } from './frameComposer';
import { frameTime, planVideo, type VideoPlan } from './videoPlan';

/** What an export needs from the viewer besides its controller. */
export interface VideoExportHost {
  controller: ViewerController;
  /** Where the viewer's WebGL canvas lives (the element's shadow root). */
  root: ParentNode;
  /** The step title and plain caption of the frame just drawn, in the viewer's language. */
  caption: () => FrameCaption;
}

function abortError(signal?: AbortSignal): DOMException {
  const reason: unknown = signal?.reason;
  if (reason instanceof DOMException && reason.name === 'AbortError') return reason;
  return new DOMException('The video export was cancelled', 'AbortError');
}

/** A rejection that the viewer also reports as a refused command (an `error` event of type `command`). */
function refuse(controller: ViewerController, error: Error): Error {
  controller.reportError('command', error.message);
  return error;
}

/**
 * Render `options`' range of the timeline frame by frame (never in real time: a slow machine only takes longer)
 * and encode it into an MP4 file: H.264, else VP9, else AV1. The viewer is paused while it runs and put back
 * afterwards (time and play state), cancelled or not; `progress` events report 0 to 1.
 */
export async function exportVideo(host: VideoExportHost, options: unknown): Promise<Blob> {
  const { controller } = host;
  if (!canExportVideo())
    throw refuse(
      controller,
      new DOMException(
        'This browser cannot make videos (WebCodecs VideoEncoder is missing)',
        'NotSupportedError',
      ),
    );
  const checked = planVideo(options, controller.getTimeline().duration);
  if ('error' in checked) throw refuse(controller, new RangeError(checked.error));
  const signal = (options as { signal?: AbortSignal } | undefined)?.signal;
  if (signal?.aborted) throw abortError(signal);
  // Called right after the element was added: wait for its first frame (a viewer not in a document has none).
  if ((host.root as Node).isConnected) await controller.graphics.ready;
  if (signal?.aborted) throw abortError(signal);
  if (activeExport(controller))
    throw refuse(controller, new DOMException('A video export is already running', 'InvalidStateError'));
  if (!controller.renderer.attached || controller.graphics.state !== 'ok')
    throw refuse(controller, new DOMException('Video export needs the 3D view (WebGL)', 'InvalidStateError'));
  const abort = new AbortController();
  const onAbort = () => abort.abort(abortError(signal));
  signal?.addEventListener('abort', onAbort);
  setActiveExport(controller, abort);
  const before = { time: controller.getTime(), playing: controller.getPlayback().playing };
  controller.pause();
  try {
    return await encode(host, checked.plan, abort.signal);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    setActiveExport(controller, null);
    controller.seek(before.time);
    if (before.playing) controller.play();
  }
}

/** Resolves after the next drawn frame, or rejects as soon as the export is cancelled. */
function drawnFrame(controller: ViewerController, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    void controller.renderer.nextDrawnFrame().then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

async function encode(host: VideoExportHost, plan: VideoPlan, signal: AbortSignal): Promise<Blob> {
  const { controller } = host;
  const codec = await chooseCodec((c) =>
    canEncodeVideo(c, { width: plan.width, height: plan.height, bitrate: QUALITY_HIGH, frameRate: plan.fps }),
  );
  if (!codec)
    throw refuse(
      controller,
      new DOMException(`This browser cannot encode ${plan.width}×${plan.height} video`, 'NotSupportedError'),
    );
  const composer = new FrameComposer(plan.width, plan.height, plan.captions, controller.getSettings().lang);
  const target = new BufferTarget();
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target });
  const source = new CanvasSource(composer.canvas, { codec, bitrate: QUALITY_HIGH, keyFrameInterval: 2 });
  output.addVideoTrack(source, { frameRate: plan.fps });
  try {
    await output.start();
    controller.emit('progress', { fraction: 0 });
    for (let i = 0; i < plan.frames; i++) {
      if (signal.aborted) throw abortError(signal);
      // The export owns the viewer's time: a press of play meanwhile would move it between seek and draw.
      if (controller.getPlayback().playing) controller.pause();
      controller.seek(frameTime(plan, i));
      await drawnFrame(controller, signal);
      // Still the task that drew the frame: the WebGL canvas holds it only until this task ends.
      const canvas = host.root.querySelector<HTMLCanvasElement>('.spv-canvas canvas');
      if (!canvas)
        throw new DOMException('The 3D view went away during the video export', 'InvalidStateError');
      composer.compose(canvas, host.caption());
      await source.add(i / plan.fps, 1 / plan.fps);
      controller.emit('progress', { fraction: Math.min(0.99, (i + 1) / plan.frames) });
    }
    if (signal.aborted) throw abortError(signal);
    await output.finalize();
  } catch (error) {
    if (output.state !== 'finalized') await output.cancel().catch(() => undefined);
    throw error;
  }
  controller.emit('progress', { fraction: 1 });
  return new Blob([target.buffer!], { type: 'video/mp4' });
}
