import { useFrame } from '@react-three/fiber';
import type { VertebraLandmarks } from '../anatomy/vertebraLandmarks';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { updateCutaway } from './cutaway';
import { useSceneResources } from './useSceneResources';

/** CutawayDriverProps: the treated level whose body the cut opens. */
export interface CutawayDriverProps {
  /** Landmarks of the treated level (the cut's travel depends on the body's width). */
  marks: VertebraLandmarks;
}

/** The one place the viewer's cutaway moves: once per frame, before the frame is drawn. */
export function CutawayDriver({ marks }: CutawayDriverProps) {
  const controller = useController();
  const { cutaway: enabled } = useSettings();
  const { cutaway } = useSceneResources();
  useFrame(() => updateCutaway(cutaway, controller.state, enabled, marks));
  return null;
}
