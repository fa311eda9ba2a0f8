import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import {
  IcosahedronGeometry,
  InstancedBufferAttribute,
  InstancedMesh,
  Matrix4,
  MeshStandardMaterial,
  type Material,
} from 'three';
import type { CementArrival } from '../procedure/cementArrival';
import { useController } from '../ui/ViewerContext';
import { cementFluoroMaterial } from './fluoroMaterials';
import { palette } from './materials';

/** CementProps: the precomputed arrival cells of the current procedure and level. */
export interface CementProps {
  /** Cells and their arrival fractions, in the treated level's local frame. */
  arrival: CementArrival;
}

/**
 * PMMA as a threshold on a precomputed arrival field: each cell grows in when the state's fill fraction passes
 * its arrival value (done in the vertex shader, so scrubbing costs one uniform). Colour turns from wet, glossy
 * cream to matte grey as it cures.
 */
export function Cement({ arrival }: CementProps) {
  const controller = useController();
  const { mesh, material, uniforms } = useMemo(() => {
    const uniforms = { uFill: { value: 0 } };
    const material = new MeshStandardMaterial({ color: palette.cementWet, roughness: 0.35 });
    material.onBeforeCompile = (shader) => {
      shader.uniforms.uFill = uniforms.uFill;
      shader.vertexShader = shader.vertexShader
        .replace('#include <common>', '#include <common>\nattribute float aArrival;\nuniform float uFill;')
        .replace(
          '#include <begin_vertex>',
          /* glsl */ `#include <begin_vertex>
          // A cell appears once the fill passes its arrival value, growing briefly so the front looks fluid.
          transformed *= smoothstep(aArrival, aArrival + 0.035, uFill);`,
        );
    };
    const geometry = new IcosahedronGeometry(arrival.cellMm * 0.85, 1);
    geometry.setAttribute('aArrival', new InstancedBufferAttribute(arrival.arrival, 1));
    const mesh = new InstancedMesh(geometry, material, arrival.count);
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
    mesh.userData.fluoroMaterial = cementFluoroMaterial(uniforms.uFill);
    return { mesh, material, uniforms };
  }, [arrival]);

  useEffect(
    () => () => {
      mesh.geometry.dispose();
      material.dispose();
      (mesh.userData.fluoroMaterial as Material).dispose();
      mesh.dispose();
    },
    [mesh, material],
  );

  useFrame(() => {
    const s = controller.state;
    uniforms.uFill.value = s.cementFill;
    mesh.visible = s.cementFill > 0;
    material.color.lerpColors(palette.cementWet, palette.cementSet, s.cementCure);
    material.roughness = 0.35 + 0.5 * s.cementCure;
  });

  return <primitive object={mesh} renderOrder={1} />;
}
