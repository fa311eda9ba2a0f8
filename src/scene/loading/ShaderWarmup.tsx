import { useThree } from '@react-three/fiber';
import { useLayoutEffect } from 'react';
import { BufferAttribute, BufferGeometry, Group, Mesh, type Material } from 'three';
import { useController } from '../../playback/react/viewerHooks';
import { createBoneSurfaceMaterial, createTreatedBoneMaterial } from '../boneMaterial';
import { createDiscMaterial } from '../discMaterial';
import { createNormalShapeMaterial } from '../NormalShapeGhost';
import { createFocusUniform } from '../focusGlsl';
import { useSceneResources } from '../useSceneResources';

/** Heights and fracture for the stand-in veil (its program does not depend on them). */
const NO_HEIGHTS = { anteriorMm: 1, middleMm: 1, posteriorMm: 1 };
const NO_FRACTURE = {
  uFractureHeights: { value: [1, 1, 1] as [number, number, number] },
  uBodyHalfExtent: { value: [1, 1] as [number, number] },
  uFractureAnchor: { value: 0 },
};

/**
 * One triangle with the attributes the spine's meshes have (the program depends on them, not on their values),
 * all its corners at one point: drawn, it covers no pixel.
 */
function warmupGeometry(): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(9), 3));
  geometry.setAttribute('normal', new BufferAttribute(new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1]), 3));
  geometry.setAttribute('color', new BufferAttribute(new Uint8Array(9).fill(255), 3, true));
  return geometry;
}

/**
 * Gets the spine's shader programs ready the moment the canvas exists, before the model is here: while the worker
 * decodes it, instead of in the first frame. Stand-in materials of the same kinds (a program is shared by every
 * material with the same options, see customProgramCacheKey), lit by this scene's lights and studio environment
 * so the programs match, are drawn once as triangles that cover no pixel, into the canvas the poster still hides:
 * a software GPU (and some drivers) finishes a program only at its first draw, so compiling alone left most of
 * the work in the first frame. The stand-ins are kept until the first frame has been drawn (disposing them
 * earlier could release a program before the real ones use it). Mount after StudioEnvironment and Lights.
 */
export function ShaderWarmup() {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const camera = useThree((state) => state.camera);
  const controller = useController();
  const { cutaway } = useSceneResources();
  useLayoutEffect(() => {
    const materials: Material[] = [
      createBoneSurfaceMaterial(createFocusUniform()),
      createDiscMaterial(),
      createTreatedBoneMaterial({ fracture: true, clip: cutaway.plane }).material,
      createTreatedBoneMaterial({ fracture: false, clip: null }).material,
      createNormalShapeMaterial(NO_FRACTURE, NO_HEIGHTS),
    ];
    const geometry = warmupGeometry();
    const warm = new Group();
    for (const material of materials) warm.add(new Mesh(geometry, material));
    let disposed = false;
    const dispose = () => {
      if (disposed) return;
      disposed = true;
      materials.forEach((material) => material.dispose());
      geometry.dispose();
    };
    try {
      scene.add(warm);
      try {
        // Link every program and read its uniforms first, then draw. Reading a program's uniforms (three.js does
        // it at the program's first draw) waits for the GPU to finish all the work queued before it, so drawing
        // each stand-in as its program came up made the page wait for every earlier program's build in turn;
        // read up front, the draws are only queued, and built while the page goes on.
        gl.compile(scene, camera);
        for (const program of gl.info.programs ?? []) program.getUniforms();
        gl.render(scene, camera);
      } finally {
        scene.remove(warm);
      }
      // Hand the compile commands to the GPU now rather than at the end of this task.
      gl.getContext().flush();
    } catch {
      // Warming up is an optimisation: the first frame compiles whatever is missing.
    }
    void controller.graphics.ready.then(dispose);
    return dispose;
  }, [gl, scene, camera, controller, cutaway]);
  return null;
}
