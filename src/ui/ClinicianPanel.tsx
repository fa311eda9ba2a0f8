import { Leva, useControls } from 'leva';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { LEVEL_IDS, type LevelId } from '../anatomy/levels';
import { PLAYBACK_RATES, type PlaybackRate } from '../playback/playbackStore';
import type { ViewerController } from '../playback/viewerController';
import { BONE_DENSITIES, type BoneDensity, type Detector, type Polarity } from '../playback/viewerSettings';
import {
  APPROACHES,
  GRADES,
  MORPHOLOGIES,
  type Approach,
  type GenantGrade,
  type Morphology,
} from '../procedure/types';

/** ClinicianPanelProps: the controller the panel writes into. */
export interface ClinicianPanelProps {
  /** The viewer's single source of truth; the panel is only a console onto it. */
  controller: ViewerController;
  /** Where leva's panel is mounted (outside the viewer's shadow root, where leva's own styles apply). */
  container: HTMLElement;
}

/**
 * The clinician's console (leva), loaded lazily so the default bundle carries no leva bytes. Every control writes
 * into the controller; controller changes flow back into the panel, so there is never a second truth.
 */
export default function ClinicianPanel({ controller, container }: ClinicianPanelProps) {
  const s = controller.getSettings();
  const fromPanel =
    <T,>(apply: (v: T) => void) =>
    (value: T, _path: string, ctx: { fromPanel: boolean }) => {
      if (ctx.fromPanel) apply(value);
    };
  const [, set] = useControls(() => ({
    level: {
      value: s.level,
      options: [...LEVEL_IDS],
      onChange: fromPanel((v: LevelId) => controller.updateSettings({ level: v })),
    },
    grade: {
      value: s.grade,
      options: [...GRADES],
      onChange: fromPanel((v: GenantGrade) => controller.updateSettings({ grade: v })),
    },
    morphology: {
      value: s.morphology,
      options: [...MORPHOLOGIES],
      onChange: fromPanel((v: Morphology) => controller.updateSettings({ morphology: v })),
    },
    approach: {
      value: s.approach,
      options: [...APPROACHES],
      onChange: fromPanel((v: Approach) => controller.updateSettings({ approach: v })),
    },
    cutaway: {
      value: s.cutaway,
      onChange: fromPanel((v: boolean) => controller.updateSettings({ cutaway: v })),
    },
    labels: {
      value: s.labels,
      onChange: fromPanel((v: boolean) => controller.updateSettings({ labels: v })),
    },
    torso: { value: s.torso, onChange: fromPanel((v: boolean) => controller.updateSettings({ torso: v })) },
    polarity: {
      value: s.polarity,
      options: ['bone-white', 'bone-black'],
      onChange: fromPanel((v: Polarity) => controller.updateSettings({ polarity: v })),
    },
    detector: {
      value: s.detector,
      options: { 'image intensifier': 'intensifier', 'flat panel': 'flat-panel' },
      onChange: fromPanel((v: Detector) => controller.updateSettings({ detector: v })),
    },
    bone: {
      value: s.boneDensity,
      options: [...BONE_DENSITIES],
      onChange: fromPanel((v: BoneDensity) => controller.updateSettings({ boneDensity: v })),
    },
    rate: {
      value: controller.playback.getSnapshot().rate,
      options: [...PLAYBACK_RATES],
      onChange: fromPanel((v: PlaybackRate) => controller.setRate(v)),
    },
  }));

  useEffect(() => {
    const sync = () => {
      const x = controller.getSettings();
      set({
        level: x.level,
        grade: x.grade,
        morphology: x.morphology,
        approach: x.approach,
        cutaway: x.cutaway,
        labels: x.labels,
        torso: x.torso,
        polarity: x.polarity,
        detector: x.detector,
        bone: x.boneDensity,
        rate: controller.playback.getSnapshot().rate,
      });
    };
    const offs = [controller.on('settingschange', sync), controller.on('ratechange', sync)];
    return () => offs.forEach((off) => off());
  }, [controller, set]);

  return createPortal(<Leva titleBar={{ title: 'Clinician settings' }} collapsed={false} />, container);
}
