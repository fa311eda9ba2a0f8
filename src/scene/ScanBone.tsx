import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useState } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import { useController, useSettings } from '../playback/react/viewerHooks';
import type { ScanTarget, ScanVolume } from '../scan/types';
import { createScanBoneMaterial } from './boneMaterial';
import { GHOST_OPACITY, SEE_THROUGH_OPACITY, showThrough } from './seeThrough';
import { useSceneResources } from './useSceneResources';

/** ScanBoneProps: the scan and its picked target (the world origin). */
export interface ScanBoneProps {
  volume: ScanVolume;
  target: ScanTarget;
}

/**
 * The patient's own bone around the treated level: the scan's bone isosurface (built in a worker), in world space
 * (LPS − target), with the generated bones' ivory look, opened by the same cut as the generated
 * vertebra so the instruments, balloons and cement inside show as the story moves into the body, and see-through
 * at the same moments as it (access, the result). Nothing is
 * drawn while it builds. The surface is opaque bone only in 3D: the X-ray draws the scan itself (ScanDrr).
 */
export default function ScanBone({ volume, target }: ScanBoneProps) {
  const controller = useController();
  const { cutaway } = useSceneResources();
  const [geometry, setGeometry] = useState<BufferGeometry | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    let built: BufferGeometry | null = null;
    // Captures, video frames and `sceneComplete` wait for the bone (the generated spine is already hidden).
    const loaded = () => controller.renderer.setPartsLoading(false, 'scan-bone');
    controller.renderer.setPartsLoading(true, 'scan-bone');
    void import('../scan/buildBoneSurface')
      .then(({ buildBoneSurface }) => buildBoneSurface(volume, target, abort.signal))
      .then((surface) => {
        if (!surface || abort.signal.aborted) return loaded();
        built = new BufferGeometry();
        built.setAttribute('position', new BufferAttribute(surface.positions, 3));
        built.setIndex(new BufferAttribute(surface.indices, 1));
        built.computeVertexNormals();
        // The bone material darkens crevices by a baked occlusion in the vertex colour: none here (white).
        built.setAttribute(
          'color',
          new BufferAttribute(new Float32Array(surface.positions.length).fill(1), 3),
        );
        built.computeBoundingSphere();
        // Reported loaded once the mesh is committed (the effect below), so the next frame draws it.
        setGeometry(built);
      }, loaded);
    return () => {
      abort.abort();
      loaded();
      built?.dispose();
      setGeometry(null);
    };
  }, [volume, target, controller]);

  useEffect(() => {
    if (geometry) controller.renderer.setPartsLoading(false, 'scan-bone');
  }, [geometry, controller]);

  const material = useMemo(() => {
    // Seen through the cut, the inside of the cortex shows (a shell, not a solid): both faces are shaded.
    return createScanBoneMaterial(cutaway.plane);
  }, [cutaway]);
  useEffect(() => () => material.dispose(), [material]);

  // As the generated vertebra: see-through where the needles run in the pedicles and at the result, and a ghost
  // while the view is inside the body with the cutaway off.
  const { cutaway: cutawayEnabled } = useSettings();
  useFrame(() => {
    const s = controller.state;
    const cutless = cutawayEnabled ? 0 : s.insideView;
    showThrough(material, Math.max((1 - GHOST_OPACITY) * cutless, (1 - SEE_THROUGH_OPACITY) * s.seeThrough));
  });

  return geometry ? <mesh geometry={geometry} material={material} /> : null;
}
