import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import {
  BackSide,
  BoxGeometry,
  IcosahedronGeometry,
  InstancedBufferAttribute,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  Vector3,
  type Material,
} from 'three';
import type { CementArrival } from '../procedure/cementArrival';
import { cementVolume } from '../procedure/cementVolume';
import type { VertebraLandmarks } from '../anatomy/vertebraLandmarks';
import { useController, useSettings } from '../ui/ViewerContext';
import { createCementRaymarchMaterial } from './cementRaymarchMaterial';
import { cutawayX } from './cutaway';
import { cementFluoroMaterial } from './fluoroMaterials';

/** CementProps: the precomputed arrival cells of the current procedure and level. */
export interface CementProps {
  /** Cells and their arrival fractions, in the treated level's local frame. */
  arrival: CementArrival;
  /** Landmarks of the treated level (for the cutaway plane). */
  marks: VertebraLandmarks;
}

const cameraLocal = new Vector3();

/**
 * PMMA as a threshold on a precomputed arrival field, so scrubbing costs one uniform. The 3D view ray-marches a
 * smoothed copy of the field (a rounded mass that turns from wet cream to matte grey as it cures); the X-ray pass
 * integrates the same cells as small spheres that grow in once the fill passes their arrival value.
 */
export function Cement({ arrival, marks }: CementProps) {
  const controller = useController();
  const { cutaway } = useSettings();
  const camera = useThree((s) => s.camera);

  const surface = useMemo(() => {
    const volume = cementVolume(arrival);
    const { material, uniforms, texture } = createCementRaymarchMaterial(volume);
    material.side = BackSide;
    const size = [0, 1, 2].map((a) => volume.max[a]! - volume.min[a]!);
    const geometry = new BoxGeometry(size[0], size[1], size[2]).translate(
      (volume.min[0] + volume.max[0]) / 2,
      (volume.min[1] + volume.max[1]) / 2,
      (volume.min[2] + volume.max[2]) / 2,
    );
    const mesh = new Mesh(geometry, material);
    mesh.renderOrder = 1;
    return { mesh, uniforms, texture };
  }, [arrival]);

  const cells = useMemo(() => {
    const uFill = { value: 0 };
    // Never drawn in 3D (the ray-marched surface is); only the X-ray pass swaps in its attenuation material.
    const hidden = new MeshBasicMaterial({ visible: false });
    const geometry = new IcosahedronGeometry(arrival.cellMm * 0.62, 1);
    geometry.setAttribute('aArrival', new InstancedBufferAttribute(arrival.arrival, 1));
    const mesh = new InstancedMesh(geometry, hidden, arrival.count);
    const m = new Matrix4();
    for (let i = 0; i < arrival.count; i++) {
      m.makeTranslation(
        arrival.positions[i * 3]!,
        arrival.positions[i * 3 + 1]!,
        arrival.positions[i * 3 + 2]!,
      );
      mesh.setMatrixAt(i, m);
    }
    mesh.instanceMatrix.needsUpdate = true;
    mesh.frustumCulled = false;
    mesh.userData.fluoroMaterial = cementFluoroMaterial(uFill);
    return { mesh, uFill };
  }, [arrival]);

  useEffect(
    () => () => {
      surface.mesh.geometry.dispose();
      (surface.mesh.material as Material).dispose();
      surface.texture.dispose();
      cells.mesh.geometry.dispose();
      (cells.mesh.material as Material).dispose();
      (cells.mesh.userData.fluoroMaterial as Material).dispose();
      cells.mesh.dispose();
    },
    [surface, cells],
  );

  useFrame(() => {
    const s = controller.state;
    surface.uniforms.uFill.value = s.cementFill;
    surface.uniforms.uCure.value = s.cementCure;
    surface.uniforms.uCutX.value = cutawayX(s, cutaway, marks);
    surface.mesh.visible = s.cementFill > 0;
    cells.uFill.value = s.cementFill;
    cells.mesh.visible = s.cementFill > 0;
    surface.mesh.updateWorldMatrix(true, false);
    surface.uniforms.uCameraLocal.value.copy(surface.mesh.worldToLocal(cameraLocal.copy(camera.position)));
  });

  return (
    <>
      <primitive object={surface.mesh} />
      <primitive object={cells.mesh} />
    </>
  );
}
