import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { InstancedMesh, Matrix4, MeshStandardMaterial, Quaternion, SphereGeometry, Vector3 } from 'three';
import { excessMu } from '../fluoro/attenuation';
import { createAttenuationMaterial } from '../fluoro/attenuationMaterial';
import { useController } from '../playback/react/viewerHooks';
import { leakFinalMl } from '../procedure/complications';
import { leakPath } from '../procedure/complicationPaths';
import { SPACING_RADII, blobGrowth, leakBlobs, showsThrough } from '../procedure/leakBlobs';
import type { Complication, ProcedureId, ProcedureOptions } from '../procedure/types';
import { CEMENT_COLOUR } from './cementRaymarchMaterial';

/** How strongly the hidden parts of a leak show through what covers them. */
const GHOST_OPACITY = 0.4;

/** CementLeakProps: what chooses the leak's route: level, approach and fracture, procedure, and the leak. */
export interface CementLeakProps {
  options: ProcedureOptions;
  procedure: ProcedureId;
  complication: Complication;
  /** Which treated level (its leak volume and cure are read from the frame's entry for it). */
  levelIndex: number;
}

/**
 * Cement that has left the body, drawn with the cement's own colour and sheen as overlapping blobs along the
 * leak's route (veins, disc, canal, foramen or muscle), growing with the state's leakVolumeMl. On the X-ray it is
 * as radiodense as the cement inside the body (PMMA with barium sulphate). One instanced draw; nothing allocated per
 * frame. Renders nothing when no complication is shown.
 */
export function CementLeak({ options, procedure, complication, levelIndex }: CementLeakProps) {
  const controller = useController();
  const finalMl = leakFinalMl(complication);
  const leak = useMemo(() => {
    if (finalMl <= 0) return null;
    const path = leakPath({ ...options, complication }, procedure);
    const blobs = leakBlobs(path, `${procedure}/${options.level}/${complication}`);
    const material = new MeshStandardMaterial({ color: CEMENT_COLOUR, roughness: 0.3, metalness: 0 });
    const mesh = new InstancedMesh(new SphereGeometry(1, 14, 10), material, blobs.count);
    mesh.frustumCulled = false;
    mesh.renderOrder = 1;
    // Overlapping spheres hold 4r/3d times a tube's cement per unit length (d the spacing): the X-ray scales μ back so
    // the chain is as dense as a column of cement of its radius.
    const mu = excessMu('cementBaSO4') * ((3 * SPACING_RADII) / 4);
    mesh.userData.fluoroMaterial = createAttenuationMaterial({ mu });
    // The parts hidden by bone or disc (the vein inside the body, cement inside the disc) show faintly through
    // them, so the route reads from the cement to where it went; not those behind the whole body (showsThrough).
    // Not on the X-ray (no attenuation material).
    const ghostMaterial = new MeshStandardMaterial({
      color: CEMENT_COLOUR,
      roughness: 0.5,
      transparent: true,
      opacity: GHOST_OPACITY,
      depthTest: false,
      depthWrite: false,
    });
    const ghost = new InstancedMesh(mesh.geometry, ghostMaterial, blobs.count);
    ghost.frustumCulled = false;
    ghost.renderOrder = 3;
    return { mesh, ghost, blobs, radius: path.radiusMm };
  }, [options, procedure, complication, finalMl]);

  useEffect(
    () => () => {
      if (!leak) return;
      leak.mesh.geometry.dispose();
      (leak.mesh.material as MeshStandardMaterial).dispose();
      (leak.mesh.userData.fluoroMaterial as MeshStandardMaterial).dispose();
      (leak.ghost.material as MeshStandardMaterial).dispose();
      leak.ghost.dispose();
      leak.mesh.dispose();
    },
    [leak],
  );

  const camera = useThree((state) => state.camera);
  const scratch = useMemo(
    () => ({
      toCamera: new Vector3(),
      matrix: new Matrix4(),
      position: new Vector3(),
      scale: new Vector3(),
      rotation: new Quaternion(),
    }),
    [],
  );

  useFrame(() => {
    if (!leak) return;
    const s = controller.state.levels[levelIndex] ?? controller.state;
    const share = s.leakVolumeMl / finalMl;
    const { mesh, ghost, blobs, radius } = leak;
    mesh.visible = share > 0;
    ghost.visible = mesh.visible;
    if (!mesh.visible) return;
    // From the body's centre (the level frame's origin) towards the camera, in the level's frame.
    const toCamera = mesh.worldToLocal(scratch.toCamera.copy(camera.position)).normalize();
    let shown = 0;
    let ghosts = 0;
    for (let i = 0; i < blobs.count; i++) {
      const k = blobGrowth(blobs, i, share, radius);
      if (k <= 0) continue;
      scratch.position.fromArray(blobs.positions, i * 3);
      scratch.scale.fromArray(blobs.scales, i * 3).multiplyScalar(k);
      scratch.matrix.compose(scratch.position, scratch.rotation, scratch.scale);
      mesh.setMatrixAt(shown++, scratch.matrix);
      if (showsThrough(blobs, i, toCamera)) ghost.setMatrixAt(ghosts++, scratch.matrix);
    }
    mesh.count = shown;
    ghost.count = ghosts;
    mesh.instanceMatrix.needsUpdate = true;
    ghost.instanceMatrix.needsUpdate = true;
    // Glossy while liquid, matte once set, like the cement in the body.
    (mesh.material as MeshStandardMaterial).roughness = 0.3 + 0.5 * s.cementCure;
  });

  return leak ? (
    <>
      <primitive object={leak.mesh} />
      <primitive object={leak.ghost} />
    </>
  ) : null;
}
