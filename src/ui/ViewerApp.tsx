import { useEffect, useRef, useState } from 'react';
import type { ViewerController } from '../playback/viewerController';
import { CameraButtons } from './CameraButtons';
import { CameraFollowButton } from './CameraFollowButton';
import { CaptionPanel } from './CaptionPanel';
import { ClinicianSettingsButton } from './ClinicianSettingsButton';
import { ControlBar, RateSelect, TeachingPaceNote } from './ControlBar';
import { CopyLinkButton } from './CopyLinkButton';
import { HandoutButton } from './HandoutButton';
import { CureIndicator } from './CureIndicator';
import { FluoroOverlay } from './FluoroOverlay';
import { LanguageSelect } from './LanguageSelect';
import { LevelPicker } from './LevelPicker';
import { PatientPanel, preloadLazyParts, ReadoutPanel, ScanUi, StepList } from './lazyParts';
import { LiveRegion } from './LiveRegion';
import { MoreButton, MorePanel } from './MoreMenu';
import { NoticeList } from './NoticeList';
import { PatientTabs, type PatientButtons } from './PatientTabs';
import { ProcedureToggle } from './ProcedureToggle';
import { SceneStage } from './SceneStage';
import { VideoExportButton } from './VideoExportButton';
import { ViewToggles } from './ViewToggles';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { useNarration } from './useNarration';
import { useViewerShape, type BoxSize } from './useViewerShape';
import { textDirection } from '../i18n/textDirection';
import { useController, useSettings, ViewerContext } from '../playback/react/viewerHooks';

/** ViewerAppProps: the controller to drive, and whether there is a 3D view. */
export interface ViewerAppProps {
  /** The viewer's single source of truth. */
  controller: ViewerController;
  /** Whether WebGL2 is available; without it the viewer shows the transcript instead of the scene. */
  webgl: boolean;
  /** The box it mounts into, if measured: the first render is laid out for it (useViewerShape). */
  initialSize?: BoxSize | undefined;
}

export function ViewerApp({ controller, webgl, initialSize }: ViewerAppProps) {
  return (
    <ViewerContext.Provider value={controller}>
      <ViewerLayout webgl={webgl} initialSize={initialSize} />
    </ViewerContext.Provider>
  );
}

function ViewerLayout({ webgl, initialSize }: Omit<ViewerAppProps, 'controller'>) {
  const settings = useSettings();
  const [stepsOpen, setStepsOpen] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const controller = useController();
  const onKeyDown = useKeyboardShortcuts(controller);
  useNarration(controller);
  useEffect(() => void controller.graphics.ready.then(preloadLazyParts, () => undefined), [controller]);
  const rootRef = useRef<HTMLDivElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const shape = useViewerShape(rootRef, barRef, initialSize);
  const showControls = settings.controls !== 'none';
  const full = settings.controls === 'full';
  // A small viewer folds the secondary controls into the More menu; the rest keep their places.
  const folded = full && shape.compact;
  const patientButtons: PatientButtons = useRef({});
  const scan = settings.audience === 'clinician' && full;
  const secondary = (
    <>
      {full && <CopyLinkButton />}
      {settings.audience === 'clinician' && full && <ClinicianSettingsButton />}
      {showControls && <LanguageSelect />}
    </>
  );
  // Take-home exports sit with the view controls, not over the picture: the top bar stays short enough that a
  // laptop-sized viewer does not fold its controls away.
  const takeHome = full && (
    <span className="spv-take-home">
      <HandoutButton />
      {webgl && <VideoExportButton />}
    </span>
  );
  return (
    <div
      ref={rootRef}
      className="spv-root"
      // Screen readers pick their voice from the nearest lang: the viewer's, not the host page's.
      lang={settings.lang}
      // The layout is in logical properties: a right-to-left language mirrors it.
      dir={textDirection(settings.lang)}
      data-audience={settings.audience}
      data-steps-open={stepsOpen}
      data-layout={shape.layout}
      data-compact={shape.compact}
      data-tight={shape.tight}
      data-text={shape.text}
      onKeyDown={onKeyDown}
    >
      <div className="spv-stage">
        <SceneStage webgl={webgl} />
        <div ref={barRef} className="spv-topbar">
          {showControls && <ProcedureToggle />}
          <LevelPicker compact={shape.compact} />
          {!folded && secondary}
        </div>
        {webgl && <FluoroOverlay />}
        <CureIndicator />
        <CameraFollowButton />
        <NoticeList />
      </div>
      {/*
       * The side column in wide and short viewers (rows under the stage in upright ones): the readouts, the
       * clinician settings (light DOM, styled by leva in the document, slotted here so it takes its own space),
       * the caption, the patient buttons and the open patient section. Beside the stage, never over it.
       */}
      <div className="spv-side">
        {settings.audience === 'clinician' && <ReadoutPanel />}
        {settings.audience === 'clinician' && full && (
          <slot name="clinician-settings" className="spv-settings-slot" />
        )}
        <CaptionPanel />
        {showControls && <PatientTabs buttons={patientButtons} />}
        {settings.panel !== 'none' && <PatientPanel id={settings.panel} buttons={patientButtons} />}
      </div>
      {showControls && (
        <ControlBar
          stepsOpen={stepsOpen}
          onToggleSteps={() => setStepsOpen((o) => !o)}
          minimal={settings.controls === 'minimal'}
          compact={folded}
          more={
            folded && (
              <MoreButton open={moreOpen} onToggle={() => setMoreOpen((o) => !o)} buttonRef={moreButton} />
            )
          }
        />
      )}
      {folded && moreOpen && (
        <MorePanel onClose={() => setMoreOpen(false)} buttonRef={moreButton}>
          {secondary}
          <RateSelect />
          <ViewToggles webgl={webgl} />
          {webgl && <CameraButtons />}
          {takeHome}
          {scan && <ScanUi part="open" />}
          <TeachingPaceNote />
        </MorePanel>
      )}
      {full && !folded && (
        <div className="spv-view-row">
          <ViewToggles webgl={webgl} />
          {webgl && <CameraButtons />}
          {takeHome}
          {scan && <ScanUi part="tools" />}
        </div>
      )}
      {folded && scan && <ScanUi part="status-row" />}
      {stepsOpen && <StepList onChoose={() => setStepsOpen(false)} />}
      <LiveRegion />
      {scan && <ScanUi part="layer" />}
    </div>
  );
}
