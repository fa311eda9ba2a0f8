/*
 * Compiled by `tsc --noEmit` only (never bundled): what a consumer writes against the package's types. Every
 * `@ts-expect-error` line is a wrong use that must be rejected; tsc fails if one is accepted.
 */
import 'spine-procedure-viewer';
import {
  SpineProcedureViewerElement,
  defineSpineProcedureViewer,
  type SpineProcedureViewerEventMap,
  type ViewerStateSnapshot,
} from 'spine-procedure-viewer';
import { SpineProcedurePlayer } from 'spine-procedure-viewer/player';
import { SpineProcedureViewer, type SpineProcedureViewerProps } from 'spine-procedure-viewer/react';
import packageJson from 'spine-procedure-viewer/package.json';

export function elementApi(): void {
  defineSpineProcedureViewer({ tag: 'spine-procedure-viewer' });
  const viewer = document.querySelector('spine-procedure-viewer');
  if (!viewer) return;
  const same: SpineProcedureViewerElement = viewer;
  const created: SpineProcedureViewerElement = document.createElement('spine-procedure-viewer');
  const time: number = same.currentTime + created.duration;
  const state: ViewerStateSnapshot = viewer.getState();
  const cement: number = state.cementVolumeMl;
  const paused: boolean = viewer.paused;
  const ready: Promise<void> = viewer.ready;
  viewer.currentTime = time + cement;
  viewer.level = 'L2';
  viewer.grade = 3;
  viewer.procedure = 'vertebroplasty';
  void viewer.play().then(() => viewer.pause());
  void viewer.captureFluoro({ view: 'lateral' }).then((png: string) => png.startsWith('data:'));
  viewer.addEventListener('stepchange', (e) => {
    const step: string = e.detail.step;
    const index: number = e.detail.index;
    const previous: string | null = e.detail.previous;
    console.log(step, index, previous, paused, ready);
  });
  viewer.addEventListener('timeupdate', (e) => e.detail.time.toFixed(1));
  viewer.addEventListener('error', (e) => e.detail.type === 'webglunavailable');
  viewer.addEventListener('click', (e) => e.clientX);
  viewer.addEventListener('my-own-event', (e: Event) => e.type);
  const onStep = (e: SpineProcedureViewerEventMap['stepchange']) => e.detail.step;
  viewer.addEventListener('stepchange', onStep);
  viewer.removeEventListener('stepchange', onStep);

  // @ts-expect-error -- currentTime is a number of seconds
  viewer.currentTime = 'soon';
  // @ts-expect-error -- there is no level L9
  viewer.level = 'L9';
  // @ts-expect-error -- grades are 1, 2 and 3
  viewer.grade = 4;
  // @ts-expect-error -- getState() has no such field
  console.log(viewer.getState().cementVolumeLitres);
  // @ts-expect-error -- a step change's detail has no time
  viewer.addEventListener('stepchange', (e) => e.detail.time);
  // @ts-expect-error -- a viewer's error detail is not an ErrorEvent
  viewer.addEventListener('error', (e) => e.filename);
  // @ts-expect-error -- no such method
  viewer.rewind();
}

export function playerApi(iframe: HTMLIFrameElement): void {
  const player = new SpineProcedurePlayer(iframe, { timeout: 5000 });
  player.on('stepchange', (detail) => detail.step.toUpperCase());
  player.on('error', (detail) => detail.type === 'protocol');
  void player.seek(30).then((state) => state.time.toFixed(1));
  // @ts-expect-error -- not one of the viewer's events
  player.on('stepchanged', () => undefined);
  // @ts-expect-error -- seek takes seconds
  void player.seek('30s');
}

export const version: string = packageJson.version;

export function ReactUse() {
  const props: SpineProcedureViewerProps = { level: 'T12', grade: 1, view: 'split' };
  return (
    <>
      <SpineProcedureViewer {...props} onStepChange={(detail) => detail.step} onTimeUpdate={(d) => d.time} />
      <spine-procedure-viewer
        level="L3"
        step="cement-injection"
        share-url="https://example.org/spine"
        onstepchange={(e) => e.detail.index}
      />
      {/* @ts-expect-error -- grades are 1, 2 and 3 */}
      <SpineProcedureViewer grade={4} />
      {/* @ts-expect-error -- a step change's detail has no volume */}
      <SpineProcedureViewer onStepChange={(detail) => detail.volume} />
      {/* @ts-expect-error -- not a procedure */}
      <spine-procedure-viewer procedure="discectomy" />
    </>
  );
}
