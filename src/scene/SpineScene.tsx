import { useLoader } from '@react-three/fiber';
import { useMemo } from 'react';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { prepareSpineModel } from '../anatomy/loadSpineModel';
import { configureSpineLoader } from '../anatomy/spineGltfLoader';
import { levelPose } from '../anatomy/spineLayout';
import { vertebraLandmarks } from '../anatomy/vertebraLandmarks';
import { accessPlan } from '../procedure/accessPath';
import { cementArrival } from '../procedure/cementArrival';
import { fractureProfile } from '../procedure/fracture';
import { useSettings } from '../playback/react/viewerHooks';
import { BalloonCavity } from './BalloonCavity';
import { Balloons } from './Balloons';
import { Cement } from './Cement';
import { CutawayDriver } from './CutawayDriver';
import { Drill } from './Drill';
import { LevelLabels, TreatedLabels } from './SceneLabels';
import { SkinMarks } from './SkinMarks';
import { StaticSpine } from './StaticSpine';
import { TreatedVertebra } from './TreatedVertebra';
import { Trocars } from './Trocars';
import spineUrl from '../../models/spine.glb?url';

/**
 * The spine, prone (posterior up), with the treated level at the world origin. Everything inside the treated
 * level's group lives in that vertebra's own frame, the frame the procedure's access paths are planned in.
 */
export function SpineScene() {
  const settings = useSettings();
  const gltf = useLoader(GLTFLoader, spineUrl, configureSpineLoader);
  // Expands quantised vertices and puts every part in its vertebra's own frame (idempotent on the cached asset).
  const model = useMemo(() => prepareSpineModel(gltf.scene), [gltf]);
  const options = useMemo(
    () => ({
      level: settings.level,
      grade: settings.grade,
      morphology: settings.morphology,
      approach: settings.approach,
    }),
    [settings.level, settings.grade, settings.morphology, settings.approach],
  );
  const pose = levelPose(settings.level);
  const plan = accessPlan(settings.level, settings.approach);
  const marks = vertebraLandmarks(settings.level);
  const arrival = useMemo(
    () => cementArrival(settings.procedure, options, fractureProfile(options).fractured),
    [settings.procedure, options],
  );
  return (
    // Prone: the spine's +Y (cranial) becomes world +Z and its +Z (anterior) points down. The spine is turned so
    // the treated vertebra sits level, which keeps every camera preset true to that vertebra's own axes.
    <group rotation-x={Math.PI / 2}>
      <group rotation-x={-pose.rotationXRad}>
        <group position={[-pose.position[0], -pose.position[1], -pose.position[2]]}>
          <StaticSpine scene={model.root} treatedLevel={settings.level} />
          {settings.labels && <LevelLabels />}
          <group position={pose.position as [number, number, number]} rotation-x={pose.rotationXRad}>
            <TreatedVertebra scene={model.root} options={options} />
            <Trocars plan={plan} procedure={settings.procedure} />
            {/* Instruments stay mounted for both procedures; the state hides what one does not use. */}
            <Drill plan={plan} />
            <CutawayDriver marks={marks} />
            <Balloons plan={plan} />
            <BalloonCavity plan={plan} />
            <Cement arrival={arrival} />
            <SkinMarks plan={plan} />
            {settings.labels && <TreatedLabels level={settings.level} plan={plan} />}
          </group>
        </group>
      </group>
    </group>
  );
}
