import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import type { Group } from 'three';
import type { NeedlePath } from '../procedure/accessPath';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { updateCutaway } from './cutaway';
import { useSceneResources } from './useSceneResources';

/** CutawayDriverProps: the needle track the cut follows. */
export interface CutawayDriverProps {
  /** The first needle of the treated level's plan: the cut holds its track. */
  needle: NeedlePath;
}

/**
 * The one place the viewer's cutaway moves: once per frame, before the frame is drawn. Mounted in the treated
 * vertebra's frame; its empty group gives that frame's world matrix.
 */
export function CutawayDriver({ needle }: CutawayDriverProps) {
  const controller = useController();
  const { cutaway: enabled } = useSettings();
  const { cutaway } = useSceneResources();
  const frame = useRef<Group>(null);
  useFrame(() => {
    if (!frame.current) return;
    frame.current.updateWorldMatrix(true, false);
    updateCutaway(cutaway, controller.state, enabled, needle, frame.current.matrixWorld);
  });
  return <group ref={frame} />;
}
