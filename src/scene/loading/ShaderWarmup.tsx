import { useThree } from '@react-three/fiber';
import { useLayoutEffect } from 'react';
import { useController } from '../../playback/react/viewerHooks';
import { createBoneSurfaceMaterial } from '../boneMaterial';
import { createNormalShapeMaterial } from '../NormalShapeGhost';
import { createFocusUniform } from '../focusGlsl';
import { standIns } from './standIns';

/** Heights and fracture for the stand-in veil (its program does not depend on them). */
const NO_HEIGHTS = { anteriorMm: 1, middleMm: 1, posteriorMm: 1 };
const NO_FRACTURE = {
  uFractureHeights: { value: [1, 1, 1] as [number, number, number] },
  uBodyHalfExtent: { value: [1, 1] as [number, number] },
  uFractureAnchor: { value: 0 },
};

/**
 * Gets the spine's shader programs ready the moment the canvas exists, before the model is here: while the worker
 * decodes it, instead of in the first frame. Stand-in materials of the same kinds (a program is shared by every
 * material with the same options, see customProgramCacheKey), lit by this scene's lights and studio environment
 * so the programs match, are drawn once as triangles that cover no pixel, into the canvas the poster still hides:
 * a software GPU (and some drivers) finishes a program only at its first draw, so compiling alone left most of
 * the work in the first frame. The stand-ins are kept until the first frame has been drawn (disposing them
 * earlier could release a program before the real ones use it). The programs only later steps draw are built after
 * the first frame (LaterShaderWarmup, with the scene's features). Mount after StudioEnvironment and Lights.
 */
export function ShaderWarmup() {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const camera = useThree((state) => state.camera);
  const controller = useController();
  useLayoutEffect(() => {
    // The opening picture's two spine programs: one draws every uncut surface (the spine, its context bones, the
    // discs and the closed treated body, boneMaterial.ts), the other the normal shape's veil.
    const warm = standIns([
      createBoneSurfaceMaterial(createFocusUniform()),
      createNormalShapeMaterial(NO_FRACTURE, NO_HEIGHTS),
    ]);
    let disposed = false;
    const dispose = () => {
      if (disposed) return;
      disposed = true;
      warm.dispose();
    };
    try {
      scene.add(warm.group);
      try {
        // Link every program and read its uniforms first, then draw. Reading a program's uniforms (three.js does
        // it at the program's first draw) waits for the GPU to finish all the work queued before it, so drawing
        // each stand-in as its program came up made the page wait for every earlier program's build in turn;
        // read up front, the draws are only queued, and built while the page goes on.
        gl.compile(scene, camera);
        for (const program of gl.info.programs ?? []) program.getUniforms();
        gl.render(scene, camera);
      } finally {
        scene.remove(warm.group);
      }
      // Hand the compile commands to the GPU now rather than at the end of this task.
      gl.getContext().flush();
    } catch {
      // Warming up is an optimisation: the first frame compiles whatever is missing.
    }
    void controller.graphics.ready.then(dispose);
    return dispose;
  }, [gl, scene, camera, controller]);
  return null;
}
