import { useMemo } from 'react';
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
import { SkinMarks } from './SkinMarks';
import { Trocars } from './Trocars';

export { LevelLabels, TreatedLabels } from './SceneLabels';
export { FluoroPass } from './FluoroPass';

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
}

/** The instruments, skin marks, balloons, cavity and cement, in the treated vertebra's frame. */
export function TreatedLevelFeatures({ plan, procedure, options, complication }: TreatedLevelFeaturesProps) {
  const arrival = useMemo(
    () => cementArrival(procedure, options, fractureProfile(options).fractured),
    [procedure, options],
  );
  return (
    <>
      <Trocars plan={plan} procedure={procedure} />
      {/* Instruments stay mounted for both procedures; the state hides what one does not use. */}
      <Drill plan={plan} />
      <Balloons plan={plan} />
      <BalloonCavity plan={plan} />
      <Cement arrival={arrival} />
      <CementLeak options={options} procedure={procedure} complication={complication} />
      <SkinMarks plan={plan} />
    </>
  );
}

/** The patient on the table and the C-arm, in world space. */
export function RoomFeatures() {
  return (
    <>
      <PatientTorso />
      <CArm />
    </>
  );
}
