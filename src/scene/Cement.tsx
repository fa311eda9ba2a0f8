import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BackSide, BoxGeometry, Mesh, Vector3, type Material } from 'three';
import type { CementArrival } from '../procedure/cementArrival';
import { cementVolume, fillThreshold } from '../procedure/cementVolume';
import { useController } from '../playback/react/viewerHooks';
import { excessMu } from '../fluoro/attenuation';
import { createCementIntegralMaterial } from '../fluoro/cementIntegralMaterial';
import { createCementRaymarchMaterial } from './cementRaymarchMaterial';
import { useSceneResources } from './useSceneResources';

/** CementProps: the precomputed arrival cells of the current procedure and level. */
export interface CementProps {
  /** Cells and their arrival fractions, in the treated level's local frame. */
  arrival: CementArrival;
  /** Which treated level (its fill and cure are read from the frame's entry for it). */
  levelIndex: number;
  /** Whether the cutaway opens it: only at the level being worked on, whose bone the cut opens too. */
  cut: boolean;
}

/**
 * PMMA as a threshold on a precomputed arrival field, so scrubbing costs one uniform. The 3D view ray-marches a
 * smoothed copy of the field (one colour; glossy while liquid, matte once set); the X-ray pass
 * integrates the same field along each ray.
 */
export function Cement({ arrival, levelIndex, cut }: CementProps) {
  const controller = useController();
  const { cutaway } = useSceneResources();
  const camera = useThree((s) => s.camera);
  const cameraLocal = useMemo(() => new Vector3(), []);

  const surface = useMemo(() => {
    const volume = cementVolume(arrival);
    const { material, uniforms, texture } = createCementRaymarchMaterial(volume, cut ? cutaway.local : null);
    material.side = BackSide;
    const size = [0, 1, 2].map((a) => volume.max[a]! - volume.min[a]!);
    const geometry = new BoxGeometry(size[0], size[1], size[2]).translate(
      (volume.min[0] + volume.max[0]) / 2,
      (volume.min[1] + volume.max[1]) / 2,
      (volume.min[2] + volume.max[2]) / 2,
    );
    const mesh = new Mesh(geometry, material);
    mesh.renderOrder = 1;
    return { mesh, uniforms, texture, volume };
  }, [arrival, cutaway, cut]);

  // The X-ray integrates the same smoothed field through the same box (swapped in by the fluoro pass).
  const integral = useMemo(() => {
    const material = createCementIntegralMaterial({
      volume: surface.texture,
      min: surface.uniforms.uMin.value,
      max: surface.uniforms.uMax.value,
      uFill: surface.uniforms.uFill,
      mu: excessMu('cementBaSO4'),
    });
    surface.mesh.userData.fluoroMaterial = material;
    return material;
  }, [surface]);

  useEffect(
    () => () => {
      surface.mesh.geometry.dispose();
      (surface.mesh.material as Material).dispose();
      surface.texture.dispose();
      integral.dispose();
    },
    [surface, integral],
  );

  useFrame(() => {
    const s = controller.state.levels[levelIndex] ?? controller.state;
    // Thresholded by volume, so the mass shown holds exactly the readout's cement volume at every fill.
    surface.uniforms.uFill.value = fillThreshold(surface.volume, s.cementFill);
    surface.uniforms.uCure.value = s.cementCure;
    surface.mesh.visible = s.cementFill > 0;
    surface.mesh.updateWorldMatrix(true, false);
    surface.uniforms.uCameraLocal.value.copy(surface.mesh.worldToLocal(cameraLocal.copy(camera.position)));
  });

  return (
    <>
      <primitive object={surface.mesh} />
    </>
  );
}
