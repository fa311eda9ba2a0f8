import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { InstancedMesh, Matrix4, MeshStandardMaterial, Quaternion, SphereGeometry, Vector3 } from 'three';
import { excessMu } from '../fluoro/attenuation';
import { createAttenuationMaterial } from '../fluoro/attenuationMaterial';
import { useController } from '../playback/react/viewerHooks';
import { leakFinalMl } from '../procedure/complications';
import { leakPath } from '../procedure/complicationPaths';
import { blobGrowth, leakBlobs } from '../procedure/leakBlobs';
import type { ProcedureId, ProcedureOptions } from '../procedure/types';
import { CEMENT_COLOUR } from './cementRaymarchMaterial';

/** CementLeakProps: the options that choose the leak's route (level, approach, fracture, complication). */
export interface CementLeakProps {
  options: ProcedureOptions;
  procedure: ProcedureId;
}

/**
 * Cement that has left the body, drawn with the cement's own colour and sheen as overlapping blobs along the
 * leak's route (veins, disc, canal, foramen or muscle), growing with the state's leakVolumeMl. On the X-ray it is
 * as radiodense as the cement inside the body (PMMA with barium sulphate). One instanced draw; nothing allocated per
 * frame. Renders nothing when no complication is shown.
 */
export function CementLeak({ options, procedure }: CementLeakProps) {
  const controller = useController();
  const finalMl = leakFinalMl(options.complication);
  const leak = useMemo(() => {
    if (finalMl <= 0) return null;
    const path = leakPath(options, procedure);
    const blobs = leakBlobs(path, `${procedure}/${options.level}/${options.complication}`);
    const material = new MeshStandardMaterial({ color: CEMENT_COLOUR, roughness: 0.3, metalness: 0 });
    const mesh = new InstancedMesh(new SphereGeometry(1, 14, 10), material, blobs.count);
    mesh.frustumCulled = false;
    mesh.renderOrder = 1;
    mesh.userData.fluoroMaterial = createAttenuationMaterial({ mu: excessMu('cementBaSO4') });
    return { mesh, blobs, radius: path.radiusMm };
  }, [options, procedure, finalMl]);

  useEffect(
    () => () => {
      if (!leak) return;
      leak.mesh.geometry.dispose();
      (leak.mesh.material as MeshStandardMaterial).dispose();
      (leak.mesh.userData.fluoroMaterial as MeshStandardMaterial).dispose();
      leak.mesh.dispose();
    },
    [leak],
  );

  const scratch = useMemo(
    () => ({ matrix: new Matrix4(), position: new Vector3(), scale: new Vector3(), rotation: new Quaternion() }),
    [],
  );

  useFrame(() => {
    if (!leak) return;
    const s = controller.state;
    const share = s.leakVolumeMl / finalMl;
    const { mesh, blobs, radius } = leak;
    mesh.visible = share > 0;
    if (!mesh.visible) return;
    let shown = 0;
    for (let i = 0; i < blobs.count; i++) {
      const k = blobGrowth(blobs, i, share, radius);
      if (k <= 0) continue;
      scratch.position.fromArray(blobs.positions, i * 3);
      scratch.scale.fromArray(blobs.scales, i * 3).multiplyScalar(k);
      mesh.setMatrixAt(shown++, scratch.matrix.compose(scratch.position, scratch.rotation, scratch.scale));
    }
    mesh.count = shown;
    mesh.instanceMatrix.needsUpdate = true;
    // Glossy while liquid, matte once set, like the cement in the body.
    (mesh.material as MeshStandardMaterial).roughness = 0.3 + 0.5 * s.cementCure;
  });

  return leak ? <primitive object={leak.mesh} /> : null;
}
