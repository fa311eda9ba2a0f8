import { useRef, useState } from 'react';
import type { ViewerController } from '../playback/viewerController';
import { CameraFollowButton } from './CameraFollowButton';
import { CaptionPanel } from './CaptionPanel';
import { ClinicianSettingsButton } from './ClinicianSettingsButton';
import { ControlBar } from './ControlBar';
import { CopyLinkButton } from './CopyLinkButton';
import { CureIndicator } from './CureIndicator';
import { FluoroOverlay } from './FluoroOverlay';
import { LanguageSelect } from './LanguageSelect';
import { LevelPicker } from './LevelPicker';
import { LiveRegion } from './LiveRegion';
import { NoticeList } from './NoticeList';
import { PatientPanel, PatientTabs, type PatientButtons } from './PatientInfo';
import { ProcedureToggle } from './ProcedureToggle';
import { ReadoutPanel } from './ReadoutPanel';
import { SceneStage } from './SceneStage';
import { StepList } from './StepList';
import { ViewToggles } from './ViewToggles';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { useNarration } from './useNarration';
import { textDirection } from '../i18n/textDirection';
import { useController, useSettings, ViewerContext } from '../playback/react/viewerHooks';

/** ViewerAppProps: the controller to drive, and whether there is a 3D view. */
export interface ViewerAppProps {
  /** The viewer's single source of truth. */
  controller: ViewerController;
  /** Whether WebGL2 is available; without it the viewer shows the transcript instead of the scene. */
  webgl: boolean;
}

export function ViewerApp({ controller, webgl }: ViewerAppProps) {
  return (
    <ViewerContext.Provider value={controller}>
      <ViewerLayout webgl={webgl} />
    </ViewerContext.Provider>
  );
}

function ViewerLayout({ webgl }: Omit<ViewerAppProps, 'controller'>) {
  const settings = useSettings();
  const [stepsOpen, setStepsOpen] = useState(false);
  const controller = useController();
  const onKeyDown = useKeyboardShortcuts(controller);
  useNarration(controller);
  const showControls = settings.controls !== 'none';
  const patientButtons: PatientButtons = useRef({});
  return (
    <div
      className="spv-root"
      // Screen readers pick their voice from the nearest lang: the viewer's, not the host page's.
      lang={settings.lang}
      // The layout is in logical properties: a right-to-left language mirrors it.
      dir={textDirection(settings.lang)}
      data-audience={settings.audience}
      data-steps-open={stepsOpen}
      onKeyDown={onKeyDown}
    >
      <div className="spv-stage">
        <SceneStage webgl={webgl} />
        <div className="spv-topbar">
          {showControls && <ProcedureToggle />}
          <LevelPicker />
          {settings.controls === 'full' && <CopyLinkButton />}
          {settings.audience === 'clinician' && settings.controls === 'full' && <ClinicianSettingsButton />}
          {showControls && <LanguageSelect />}
        </div>
        {webgl && <FluoroOverlay />}
        <CureIndicator />
        <CameraFollowButton />
        <NoticeList />
      </div>
      {/* Beside the stage, not over it: the split and fluoro views fill the whole stage with X-ray images. */}
      {settings.audience === 'clinician' && <ReadoutPanel />}
      <CaptionPanel />
      {/* Patient information: its buttons under the caption, the open section in its own row below them. */}
      {showControls && <PatientTabs buttons={patientButtons} />}
      {settings.panel !== 'none' && <PatientPanel id={settings.panel} buttons={patientButtons} />}
      {showControls && (
        <ControlBar
          stepsOpen={stepsOpen}
          onToggleSteps={() => setStepsOpen((o) => !o)}
          minimal={settings.controls === 'minimal'}
        />
      )}
      {showControls && settings.controls === 'full' && <ViewToggles webgl={webgl} />}
      {stepsOpen && <StepList onChoose={() => setStepsOpen(false)} />}
      <LiveRegion />
    </div>
  );
}
