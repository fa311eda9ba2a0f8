import { useMemo } from 'react';
import type { SpineModel } from '../anatomy/loadSpineModel';
import { levelPose } from '../anatomy/spineLayout';
import { vertebraLandmarks } from '../anatomy/vertebraLandmarks';
import { accessPlan } from '../procedure/accessPath';
import { useSettings } from '../playback/react/viewerHooks';
import { CutawayDriver } from './CutawayDriver';
import { StaticSpine } from './StaticSpine';
import { TreatedVertebra } from './TreatedVertebra';

/** SpineSceneProps: the prepared model (parts in their vertebrae's own frames). */
export interface SpineSceneProps {
  /** Shared by every viewer on the page; StaticSpine and TreatedVertebra make this viewer's copies. */
  model: SpineModel;
  /** The instruments and cement (their own chunk), or null until it is here. */
  features: typeof import('./SceneFeatures') | null;
}

/**
 * The spine, prone (posterior up), with the treated level at the world origin. Everything inside the treated
 * level's group lives in that vertebra's own frame, the frame the procedure's access paths are planned in.
 */
export function SpineScene({ model, features }: SpineSceneProps) {
  const settings = useSettings();
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
  return (
    // Prone: the spine's +Y (cranial) becomes world +Z and its +Z (anterior) points down. The spine is turned so
    // the treated vertebra sits level, which keeps every camera preset true to that vertebra's own axes.
    <group rotation-x={Math.PI / 2}>
      <group rotation-x={-pose.rotationXRad}>
        <group position={[-pose.position[0], -pose.position[1], -pose.position[2]]}>
          <StaticSpine scene={model.root} treatedLevel={settings.level} />
          {settings.labels && features && <features.LevelLabels />}
          <group position={pose.position as [number, number, number]} rotation-x={pose.rotationXRad}>
            <TreatedVertebra scene={model.root} options={options} />
            <CutawayDriver marks={marks} />
            {features && (
              <features.TreatedLevelFeatures
                plan={plan}
                procedure={settings.procedure}
                options={options}
                complication={settings.complication}
              />
            )}
            {settings.labels && features && <features.TreatedLabels level={settings.level} plan={plan} />}
          </group>
        </group>
      </group>
    </group>
  );
}
