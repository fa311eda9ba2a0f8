import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { Material } from 'three';
import { useController } from '../../playback/react/viewerHooks';
import {
  createBoneSurfaceMaterial,
  createCutFaceShellMaterial,
  createTreatedBoneMaterial,
} from '../boneMaterial';
import type { Cutaway } from '../cutaway';
import { useSceneResources } from '../useSceneResources';
import { standIns } from './standIns';

/**
 * Resolves once the GPU has finished every command queued so far: a fence, polled between tasks (never waited on),
 * so the page stays free meanwhile. Resolves at once where there is no fence to poll (a lost context).
 */
function gpuFinished(gl: WebGLRenderingContext | WebGL2RenderingContext): Promise<void> {
  if (!('fenceSync' in gl)) return Promise.resolve();
  const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  gl.flush();
  return new Promise((resolve) => {
    const poll = () => {
      if (!fence || gl.isContextLost() || gl.getSyncParameter(fence, gl.SYNC_STATUS) === gl.SIGNALED) {
        if (fence) gl.deleteSync(fence);
        resolve();
      } else setTimeout(poll, 10);
    };
    setTimeout(poll, 10);
  });
}

/**
 * The programs the opening picture does not draw but the action soon does: the treated body cut open along the
 * needle (its outer surface and the inner cortical shell), and the see-through bone of the access and result
 * steps (a see-through cut bone draws its back and front faces as two programs). Built once the first frame is
 * up, so that reaching those steps does not stall on them.
 */
function laterMaterials(cutaway: Cutaway): Material[] {
  const outer = createTreatedBoneMaterial({ fracture: true, clip: cutaway.plane, hole: cutaway.hole });
  const seeThroughCut = createTreatedBoneMaterial({ fracture: true, clip: cutaway.plane }).material;
  const seeThrough = createBoneSurfaceMaterial();
  for (const material of [seeThroughCut, seeThrough]) {
    material.transparent = true;
    material.opacity = 0.6;
    material.depthWrite = false;
  }
  return [
    outer.material,
    createCutFaceShellMaterial(outer.uniforms, cutaway.plane, cutaway.hole),
    seeThroughCut,
    seeThrough,
  ];
}

/**
 * Builds the bone programs the opening picture does not draw (laterMaterials) once the first frame is up: linked
 * with the scene's lights and environment, left to the GPU until it is done (gpuFinished), then drawn once as
 * stand-ins that cover no pixel (ShaderWarmup does the same for the opening picture's programs). Comes with the
 * scene's features chunk, which loads after the first frame: none of it is in the first download.
 */
export function LaterShaderWarmup() {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const camera = useThree((state) => state.camera);
  const invalidate = useThree((state) => state.invalidate);
  const controller = useController();
  const { cutaway } = useSceneResources();
  useEffect(() => {
    let live = true;
    const later = standIns(laterMaterials(cutaway));
    const first = later.group.children[0]!;
    void controller.graphics.ready
      .then(() => {
        // Linked with this scene's lights and environment, then left to the GPU until a fence says it is done:
        // reading a program's uniforms before that waits for the build, a long stall of the page just after the
        // first frame (several tens of ms per program on a software GPU).
        gl.compile(later.group, camera, scene);
        return gpuFinished(gl.getContext());
      })
      .then(() => {
        if (!live) return;
        for (const program of gl.info.programs ?? []) program.getUniforms();
        // Drawn once in the viewer's next frame (a software GPU builds a program at its first draw), then taken out.
        first.onAfterRender = () => {
          first.onAfterRender = () => {};
          setTimeout(() => scene.remove(later.group), 0);
        };
        scene.add(later.group);
        invalidate();
      })
      .catch(() => {
        // Warming up is an optimisation: the step that opens the cut compiles whatever is missing.
      });
    // Kept while the viewer lives: disposing them would release the programs before the cut first opens.
    return () => {
      live = false;
      scene.remove(later.group);
      later.dispose();
    };
  }, [gl, scene, camera, controller, cutaway, invalidate]);

  return null;
}
