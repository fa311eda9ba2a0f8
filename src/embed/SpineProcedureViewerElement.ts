import { translatorFor } from '../i18n/catalog';
import { stepTitle } from '../ui/stepTitle';
import { displayValue } from '../options/displayValue';
import { OPTION_SCHEMA } from '../options/optionSchema';
import { setHandoutPage } from '../export/handout/handoutLink';
import { openHandoutOf } from '../export/handout/openHandout';
import { defineOptionProperties, type OptionProperties } from './element/optionProperties';
import { MediaElementApi } from './element/MediaElementApi';
import { ViewerElementBase } from './element/ViewerElementBase';
import { exportViewerVideo, type VideoExportOptions } from './element/videoExport';
import type { ScanInfo } from '../scan/types';

export type { RevealMode } from '../options/optionValues';
export type { RenderStats, ViewerStateSnapshot } from './element/ViewerDiagnostics';
export type { VideoExportOptions } from './element/videoExport';

/**
 * `<spine-procedure-viewer>`: the whole viewer as one element with a media-element-shaped API. The standalone
 * page is this element too, so embedders and the app share one code path. Lifecycle and options live in
 * ViewerElementBase, read-outs in ViewerDiagnostics, media read-outs and volume in MediaElementApi; this class is
 * time, play and pause, rate and steps.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the option accessors are defined on the prototype below
export class SpineProcedureViewerElement extends MediaElementApi {
  /** Start playing. Rejects while the element is not in a document (there is nothing to show). */
  play(): Promise<void> {
    if (!this.isConnected)
      return Promise.reject(new DOMException('The viewer is not in a document', 'InvalidStateError'));
    this.controller.play();
    return Promise.resolve();
  }

  pause(): void {
    this.controller.pause();
  }

  get currentTime(): number {
    return this.controller.getTime();
  }

  set currentTime(value: number) {
    const t = OPTION_SCHEMA.time.parse(value);
    if (t == null) {
      this.commandError(`currentTime must be a finite number of seconds, got ${displayValue(String(value))}`);
      return;
    }
    this.controller.seek(t);
  }

  get duration(): number {
    return this.controller.getTimeline().duration;
  }

  get paused(): boolean {
    return !this.controller.getPlayback().playing;
  }

  /**
   * The current step's id (with its level when several are treated: `access@T12`); setting it goes to the frame
   * that shows the step's action.
   */
  get step(): string {
    return this.controller.currentStepKey();
  }

  set step(value: string) {
    const id = OPTION_SCHEMA.step.parse(value);
    const c = this.controller;
    if (!id || !c.seekStep(id))
      this.commandError(`Unknown step "${displayValue(String(value))}" for ${c.getSettings().procedure}`);
  }

  get playbackRate(): number {
    return this.controller.getPlayback().rate;
  }

  set playbackRate(value: number) {
    const rate = OPTION_SCHEMA.rate.parse(value);
    if (rate === undefined)
      this.commandError(`playbackRate must be 0.5, 1 or 2, got ${displayValue(String(value))}`);
    else this.controller.setRate(rate);
  }

  /** Open the printable take-home handout of this procedure, level, grade, language and moment in a new tab. */
  openHandout(): Promise<string> {
    return openHandoutOf(this.controller);
  }

  /**
   * Render the timeline (or `from`–`to`) frame by frame into an MP4 file (H.264, else VP9 or AV1) with burned-in
   * captions in the viewer's language; `progress` events report 0–1. Rejects with a message on bad options.
   */
  exportVideo(options?: VideoExportOptions): Promise<Blob> {
    return exportViewerVideo(this.controller, this.shadowRoot, options);
  }

  /**
   * Open a patient's CT — the files of one DICOM series, or one NIfTI file — in this page: nothing is uploaded or
   * stored. The viewer then asks for the treated vertebra (`setScanTarget`, or a click in the scan panel). Rejects
   * with a message when the files are not a usable CT series; the viewer shows a notice and keeps what it showed.
   */
  loadScan(files: File[] | FileList): Promise<ScanInfo> {
    const list = typeof FileList !== 'undefined' && files instanceof FileList ? Array.from(files) : files;
    if (!Array.isArray(list) || !list.every((file) => file instanceof File)) {
      const message = 'loadScan needs the files of a CT series (File[] or a FileList)';
      this.commandError(message);
      return Promise.reject(new TypeError(message));
    }
    return this.controller.scan.open(list);
  }

  /**
   * Show the procedure on the loaded scan: `x`, `y`, `z` is the centre of the fractured vertebral body in DICOM
   * patient coordinates (LPS, mm) and `level` its name (`L1`), which becomes the treated level. Rejects (and raises
   * an `error` event) when there is no scan or the target is not a point of it; nothing changes then.
   */
  async setScanTarget(target: { x: number; y: number; z: number; level: string }): Promise<void> {
    const problem = await this.controller.scan.pick(target);
    if (!problem) return;
    this.commandError(problem);
    throw new RangeError(problem);
  }

  /** Close the patient's scan: the viewer goes back to its generated spine. */
  clearScan(): void {
    this.controller.scan.clear();
  }

  /**
   * The steps of the current procedure with their titles in the viewer's language. With several levels, a step
   * done per level appears once per level: its `key` carries the level (`access@T12`, the value `step` accepts)
   * and `level` names it; otherwise `key` is the id and `level` is null.
   */
  get steps(): {
    id: string;
    key: string;
    level: string | null;
    title: string;
    start: number;
    end: number;
  }[] {
    const c = this.controller;
    const t = translatorFor(c.getSettings().lang);
    const timeline = c.getTimeline();
    return timeline.steps.map((s) => ({
      id: s.id,
      key: s.key,
      level: s.level,
      title: stepTitle(t, s, timeline.levels.length),
      start: s.start,
      end: s.end,
    }));
  }
}

/** The option properties (`level`, `grade`, `bone`, `labels`, …), typed as the schema's values. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- see above
export interface SpineProcedureViewerElement extends OptionProperties {}
defineOptionProperties(SpineProcedureViewerElement as unknown as typeof ViewerElementBase);

declare global {
  interface HTMLElementTagNameMap {
    'spine-procedure-viewer': SpineProcedureViewerElement;
  }
}

/**
 * Define `<spine-procedure-viewer>` (once); `shareUrl` is where share links point for viewers without `share-url`,
 * `handoutUrl` where handout.html is (openHandout and the Print handout button need it).
 */
export function defineSpineProcedureViewer(
  options: { tag?: string; shareUrl?: string; handoutUrl?: string } = {},
): void {
  if (options.shareUrl) ViewerElementBase.defaultShareUrl = options.shareUrl;
  if (options.handoutUrl) setHandoutPage(options.handoutUrl);
  const tag = options.tag ?? 'spine-procedure-viewer';
  // On a server rendering the page there is no registry: the browser defines the element when the module runs there.
  if (typeof customElements === 'undefined') return;
  if (!customElements.get(tag)) customElements.define(tag, SpineProcedureViewerElement);
}
