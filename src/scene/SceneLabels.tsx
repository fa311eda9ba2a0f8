import { Html } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { LEVEL_IDS, type LevelId } from '../anatomy/levels';
import { levelPose } from '../anatomy/spineLayout';
import { vertebraLandmarks } from '../anatomy/vertebraLandmarks';
import type { AccessPlan } from '../procedure/accessPath';
import type { ProcedureState } from '../procedure/procedureState';
import { useController, useT } from '../playback/react/viewerHooks';

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
  const labels: { text: string; position: [number, number, number]; visible: Visible }[] = [
    {
      text: t('label.body'),
      position: [-marks.bodyWidthMm / 2 - 4, -4, marks.anteriorWallZ * 0.4],
      visible: () => true,
    },
    {
      text: t('label.endplate'),
      position: [-marks.bodyWidthMm * 0.2, 14, marks.anteriorWallZ * 0.7],
      visible: () => true,
    },
    {
      text: t('label.pedicle'),
      position: [...marks.pedicleRight.center].map((v, i) => (i === 1 ? v + 12 : v)) as [
        number,
        number,
        number,
      ],
      visible: () => true,
    },
    {
      text: t('label.canal'),
      position: [0, -6, marks.posteriorWallZ - marks.canalDepthMm / 2],
      visible: () => true,
    },
    { text: t('label.trocar'), position: along(-25), visible: (s) => s.needleVisible },
    {
      text: t('label.balloon'),
      position: along((plan.targetDepthMm + plan.cannulaDepthMm) / 2),
      visible: (s) => s.balloonInsertion > 0.5,
    },
    {
      text: t('label.cement'),
      position: [0, -6, marks.anteriorWallZ * 0.3],
      visible: (s) => s.cementFill > 0.3,
    },
  ];
  useFrame(() => {
    const s = controller.state;
    for (let i = 0; i < labels.length; i++) {
      const el = refs.current[i];
      if (el) el.style.display = labels[i]!.visible(s) ? '' : 'none';
    }
  });
  return (
    <>
      {labels.map((label, i) => (
        <Html key={label.text} position={label.position} center zIndexRange={[20, 10]}>
          <div
            ref={(el) => {
              refs.current[i] = el;
              // The label may mount after the frame that would have hidden it (render on demand): apply now.
              if (el) el.style.display = label.visible(controller.state) ? '' : 'none';
            }}
            className="spv-label"
          >
            {label.text}
          </div>
        </Html>
      ))}
    </>
  );
}

/** Level names beside each vertebra, on the patient's right (the side away from the guided cameras' cut). */
export function LevelLabels() {
  return (
    <>
      {LEVEL_IDS.map((level) => {
        const pose = levelPose(level);
        const x = pose.position[0] - vertebraLandmarks(level).bodyWidthMm / 2 - 18;
        return (
          <Html key={level} position={[x, pose.position[1], pose.position[2]]} center zIndexRange={[20, 10]}>
            <div className="spv-label spv-label-level">{level}</div>
          </Html>
        );
      })}
    </>
  );
}
