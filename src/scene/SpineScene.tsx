import { useMemo } from 'react';
import type { SpineModel } from '../anatomy/loadSpineModel';
import { levelPose } from '../anatomy/spineLayout';
import { accessPlan } from '../procedure/accessPath';
import { useActiveLevel, useScanState, useSettings, useTreatedLevels } from '../playback/react/viewerHooks';
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
 * The spine, prone (posterior up), with the level being worked on at the world origin. Everything inside that
 * level's group lives in that vertebra's own frame, the frame the procedure's access paths are planned in. With
 * several levels, the others are drawn in their own frames with their own fracture and cement, and the world
 * re-centres on each level as its turn comes (the step cut between levels carries the camera there).
 */
export function SpineScene({ model, features }: SpineSceneProps) {
  const settings = useSettings();
  const treated = useTreatedLevels();
  const { index: activeIndex, options } = useActiveLevel();
  const treatedIds = useMemo(() => treated.map((o) => o.level), [treated]);
  const pose = levelPose(options.level);
  const plan = accessPlan(options.level, options.approach);
  // On a patient's scan its own bone is drawn (RoomFeatures, the X-ray's DRR): the generated bones are hidden,
  // in 3D and on X-ray alike (the X-ray pass skips what a hidden group holds), and so are their level labels.
  const generated = useScanState().target === null;
  return (
    // Prone: the spine's +Y (cranial) becomes world +Z and its +Z (anterior) points down. The spine is turned so
    // the level being worked on sits level, which keeps every camera preset true to that vertebra's own axes.
    <group rotation-x={Math.PI / 2}>
      <group rotation-x={-pose.rotationXRad}>
        <group position={[-pose.position[0], -pose.position[1], -pose.position[2]]}>
          <group visible={generated}>
            <StaticSpine
              scene={model.root}
              treatedLevels={treatedIds}
              Follow={features?.DiscsFollowing}
              merge={features?.pageStaticSpine}
              cull={features?.cullByFocus}
            />
          </group>
          {settings.labels && generated && features && <features.LevelLabels />}
          {treated.map((other, index) => {
            if (index === activeIndex) return null;
            const at = levelPose(other.level);
            return (
              <group
                key={other.level}
                position={at.position as [number, number, number]}
                rotation-x={at.rotationXRad}
              >
                <group visible={generated}>
                  <TreatedVertebra scene={model.root} options={other} levelIndex={index} active={false} />
                </group>
                {features && (
                  <features.LevelCement procedure={settings.procedure} options={other} levelIndex={index} />
                )}
              </group>
            );
          })}
          <group position={pose.position as [number, number, number]} rotation-x={pose.rotationXRad}>
            <group visible={generated}>
              <TreatedVertebra
                key={options.level}
                scene={model.root}
                options={options}
                levelIndex={activeIndex}
                active
                Outline={features?.NormalShapeOutline}
              />
              {features && <features.DuralSac level={options.level} />}
            </group>
            <CutawayDriver needle={plan.needles[0]!} />
            {features && (
              <features.TreatedLevelFeatures
                plan={plan}
                procedure={settings.procedure}
                options={options}
                complication={options.complication ?? 'none'}
                levelIndex={activeIndex}
              />
            )}
            {settings.labels && features && <features.TreatedLabels level={options.level} plan={plan} />}
          </group>
        </group>
      </group>
    </group>
  );
}
