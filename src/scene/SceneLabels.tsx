import { Html } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { LEVEL_IDS, type LevelId } from '../anatomy/levels';
import { levelPose } from '../anatomy/spineLayout';
import { vertebraLandmarks } from '../anatomy/vertebraLandmarks';
import type { AccessPlan } from '../procedure/accessPath';
import type { ProcedureState } from '../procedure/procedureState';
import { useController, useSettings, useT } from '../playback/react/viewerHooks';
import { PASS_THROUGH, attachLabel, declutterFor, newLabel, type DeclutteredLabel } from './labelDeclutter';

/** Label priorities: the treated level's name first, then what is happening, then anatomy, then other levels. */
const TREATED_LEVEL_PRIORITY = 0;
const INSTRUMENT_PRIORITY = 1;
const ANATOMY_PRIORITY = 2;
const OTHER_LEVEL_PRIORITY = 3;

/**
 * Share the scene's label declutter: register these labels while mounted and place them every frame, clear of
 * each other and of the X-ray panels; a label not laid out yet asks for another frame (rendering is on demand).
 */
export function useDeclutter(labels: readonly DeclutteredLabel[]) {
  const controller = useController();
  const scene = useThree((s) => s.scene);
  const declutter = declutterFor(scene);
  useEffect(() => {
    declutter.add(labels);
    // A new set or order needs a frame to be placed while paused.
    controller.requestFrame();
    return () => declutter.remove(labels);
  }, [controller, declutter, labels]);
  useFrame(({ camera, size, clock }) => {
    const view = controller.getSettings().view;
    if (
      declutter.update(clock.elapsedTime, camera, size.width, size.height, view, controller.state.fluoroView)
    )
      controller.requestFrame();
  });
}

/** TreatedLabelsProps: the treated level and its access plan (labels sit in that vertebra's frame). */
export interface TreatedLabelsProps {
  /** The treated level. */
  level: LevelId;
  /** Needle paths, for the trocar and balloon labels. */
  plan: AccessPlan;
}

type Visible = (s: ProcedureState) => boolean;

/** Anatomy and instrument labels around the treated vertebra; instrument labels show only while in view. */
export function TreatedLabels({ level, plan }: TreatedLabelsProps) {
  const t = useT();
  const controller = useController();
  const marks = vertebraLandmarks(level);
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const needle = plan.needles[plan.needles.length - 1]!;
  const along = (depth: number): [number, number, number] => [
    needle.entry[0] + needle.direction[0] * depth,
    needle.entry[1] + needle.direction[1] * depth + 6,
    needle.entry[2] + needle.direction[2] * depth,
  ];
  const labels: { text: string; position: [number, number, number]; visible: Visible; priority: number }[] = [
    {
      text: t('label.body'),
      position: [-marks.bodyWidthMm / 2 - 4, -4, marks.anteriorWallZ * 0.4],
      visible: () => true,
      priority: ANATOMY_PRIORITY,
    },
    {
      text: t('label.endplate'),
      position: [-marks.bodyWidthMm * 0.2, 14, marks.anteriorWallZ * 0.7],
      visible: () => true,
      priority: ANATOMY_PRIORITY,
    },
    {
      text: t('label.pedicle'),
      position: [...marks.pedicleRight.center].map((v, i) => (i === 1 ? v + 12 : v)) as [
        number,
        number,
        number,
      ],
      visible: () => true,
      priority: ANATOMY_PRIORITY,
    },
    {
      text: t('label.canal'),
      position: [0, -6, marks.posteriorWallZ - marks.canalDepthMm / 2],
      visible: () => true,
      priority: ANATOMY_PRIORITY,
    },
    {
      text: t('label.trocar'),
      position: along(-25),
      visible: (s) => s.needleVisible,
      priority: INSTRUMENT_PRIORITY,
    },
    {
      text: t('label.balloon'),
      position: along((plan.targetDepthMm + plan.cannulaDepthMm) / 2),
      visible: (s) => s.balloonInsertion > 0.5,
      priority: INSTRUMENT_PRIORITY,
    },
    {
      text: t('label.cement'),
      position: [0, -6, marks.anteriorWallZ * 0.3],
      visible: (s) => s.cementFill > 0.3,
      priority: INSTRUMENT_PRIORITY,
    },
  ];
  const placed = useMemo(
    () => labels.map((label) => newLabel(label.priority)),
    // One set per label list: the texts change with the language, the positions with the level.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [level, t],
  );
  useDeclutter(placed);
  // Before the labels are placed (priority -1 runs first): which instrument labels this frame wants.
  useFrame(() => {
    const s = controller.state;
    for (let i = 0; i < labels.length; i++) {
      const el = refs.current[i];
      const wanted = labels[i]!.visible(s);
      placed[i]!.wanted = wanted;
      if (el) el.style.display = wanted ? '' : 'none';
    }
  }, -1);
  return (
    <>
      {labels.map((label, i) => (
        <group key={label.text} position={label.position} ref={(g) => void (placed[i]!.anchor = g)}>
          <Html center zIndexRange={[20, 10]} style={PASS_THROUGH}>
            <div
              ref={(el) => {
                refs.current[i] = el;
                attachLabel(placed[i]!, el);
                if (el) controller.requestFrame();
                // The label may mount after the frame that would have hidden it (render on demand): apply now.
                if (el) el.style.display = label.visible(controller.state) ? '' : 'none';
              }}
              className="spv-label"
            >
              {label.text}
            </div>
          </Html>
        </group>
      ))}
    </>
  );
}

/**
 * Level names beside each vertebra, on the patient's right (the side away from the guided cameras' cut). Where
 * they would overlap (a phone, a far camera) the treated level and its nearest neighbours keep theirs; the treated
 * level's name moves aside rather than hide.
 */
export function LevelLabels() {
  const { level: treated } = useSettings();
  const controller = useController();
  const placed = useMemo(() => {
    const treatedIndex = LEVEL_IDS.indexOf(treated);
    return LEVEL_IDS.map((level, i) =>
      level === treated
        ? { ...newLabel(TREATED_LEVEL_PRIORITY), mayShift: true }
        : newLabel(OTHER_LEVEL_PRIORITY + Math.abs(i - treatedIndex) / 100),
    );
  }, [treated]);
  useDeclutter(placed);
  return (
    <>
      {LEVEL_IDS.map((level, i) => {
        const pose = levelPose(level);
        const x = pose.position[0] - vertebraLandmarks(level).bodyWidthMm / 2 - 18;
        return (
          <group
            key={level}
            position={[x, pose.position[1], pose.position[2]]}
            ref={(g) => void (placed[i]!.anchor = g)}
          >
            <Html center zIndexRange={[20, 10]} style={PASS_THROUGH}>
              <div
                ref={(el) => {
                  attachLabel(placed[i]!, el);
                  if (el) controller.requestFrame();
                }}
                className="spv-label spv-label-level"
              >
                {level}
              </div>
            </Html>
          </group>
        );
      })}
    </>
  );
}
