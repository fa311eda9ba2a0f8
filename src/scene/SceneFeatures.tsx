import { Suspense, lazy, useEffect, useMemo } from 'react';
import type { AccessPlan } from '../procedure/accessPath';
import { cementArrival } from '../procedure/cementArrival';
import { fractureProfile } from '../procedure/fracture';
import type { Complication, ProcedureId, ProcedureOptions } from '../procedure/types';
import { BalloonCavity } from './BalloonCavity';
import { Balloons } from './Balloons';
import { CArm } from './CArm';
import { Cement } from './Cement';
import { CementLeak } from './CementLeak';
import { leakPath } from '../procedure/complicationPaths';
import { provideLeakPaths } from './leakFraming';
import { Drill } from './Drill';
import { PatientTorso } from './PatientTorso';
import { useActiveScan, useController } from '../playback/react/viewerHooks';
import { SectionTags } from './SectionTags';
import { SkinMarks } from './SkinMarks';
import { Trocars } from './Trocars';

export { LevelLabels, TreatedLabels } from './SceneLabels';
export { FluoroPass } from './FluoroPass';
export { NormalShapeOutline } from './NormalShapeOutline';
export { DiscsFollowing } from './discFollow';
export { DuralSac } from './DuralSac';
export { pageStaticSpine } from './pageStaticSpine';
export { cullByFocus } from './focusCull';
export { LaterShaderWarmup } from './loading/LaterShaderWarmup';

// The guided camera frames a leak with its route: the routes arrive with this chunk.
provideLeakPaths(leakPath);

/**
 * The parts of the scene the opening overview never shows — the patient, the C-arm, the instruments, the
 * cement, and the labels (off unless asked for) — in their own chunk: a viewer opening on the overview draws its first frame without them and loads
 * them right after; one opening on a later moment waits for them (see useSceneFeatures).
 */

/** TreatedLevelFeaturesProps: what the instruments and cement of the treated level are placed by. */
export interface TreatedLevelFeaturesProps {
  /** The access plan, in the treated level's own frame. */
  plan: AccessPlan;
  procedure: ProcedureId;
  /** Level, grade, morphology and approach: where the cement can go. */
  options: ProcedureOptions;
  /** The cement leak shown, if any (apart from `options`, so switching it leaves the cement as it is). */
  complication: Complication;
  /** Which treated level this is (its cement and leak are read from the frame's entry for it). */
  levelIndex: number;
}

/**
 * The instruments, skin marks, balloons, cavity and cement, and the tags that orient the section across the spine,
 * in the treated vertebra's frame.
 */
export function TreatedLevelFeatures({
  plan,
  procedure,
  options,
  complication,
  levelIndex,
}: TreatedLevelFeaturesProps) {
  const arrival = useMemo(
    () => cementArrival(procedure, options, fractureProfile(options).fractured),
    [procedure, options],
  );
  return (
    <>
      <Trocars plan={plan} procedure={procedure} />
      {/* Instruments stay mounted for both procedures; the state hides what one does not use. */}
      <Drill plan={plan} />
      <Balloons plan={plan} level={options.level} fracture={fractureProfile(options)} />
      <BalloonCavity plan={plan} level={options.level} fracture={fractureProfile(options)} />
      <Cement arrival={arrival} levelIndex={levelIndex} cut />
      <CementLeak
        options={options}
        procedure={procedure}
        complication={complication}
        levelIndex={levelIndex}
      />
      <SkinMarks plan={plan} />
      <SectionTags level={options.level} />
    </>
  );
}

/** LevelCementProps: a treated level other than the one being worked on. */
export interface LevelCementProps {
  procedure: ProcedureId;
  /** That level's one-level options (its fracture; a leak only at the first level). */
  options: ProcedureOptions;
  /** Its place in the treated levels. */
  levelIndex: number;
}

/**
 * The cement (and leak) of a treated level while another is being worked on: none yet before its turn, all of
 * it after, setting with the others; its instruments are out of the picture.
 */
export function LevelCement({ procedure, options, levelIndex }: LevelCementProps) {
  const arrival = useMemo(
    () => cementArrival(procedure, options, fractureProfile(options).fractured),
    [procedure, options],
  );
  return (
    <>
      <Cement arrival={arrival} levelIndex={levelIndex} cut={false} />
      <CementLeak
        options={options}
        procedure={procedure}
        complication={options.complication ?? 'none'}
        levelIndex={levelIndex}
      />
    </>
  );
}

/** The scan's bone: its own chunk, loaded only when a scan is shown. */
const ScanBone = lazy(() => import('./ScanBone'));

/** The patient on the table and the C-arm, in world space; on a patient's scan, the scan's bone too. */
export function RoomFeatures() {
  const scan = useActiveScan();
  const controller = useController();
  // From the moment a scan is shown, not only once its chunk is here: the status and captures wait for its bone.
  useEffect(() => {
    if (!scan) return;
    controller.renderer.setPartsLoading(true, 'scan-bone');
    return () => controller.renderer.setPartsLoading(false, 'scan-bone');
  }, [scan, controller]);
  return (
    <>
      <PatientTorso />
      <CArm />
      {scan && (
        <Suspense fallback={null}>
          <ScanBone volume={scan.volume} target={scan.target} />
        </Suspense>
      )}
    </>
  );
}
