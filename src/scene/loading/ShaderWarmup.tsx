import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect } from 'react';
import { BufferAttribute, BufferGeometry, Group, Mesh, type Material } from 'three';
import { useController } from '../../playback/react/viewerHooks';
import {
  createBoneSurfaceMaterial,
  createCutFaceShellMaterial,
  createTreatedBoneMaterial,
} from '../boneMaterial';
import type { Cutaway } from '../cutaway';
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

/** Stand-in meshes, one per material, on one shared geometry (warmupGeometry). */
function standIns(materials: Material[]): { group: Group; dispose(): void } {
  const geometry = warmupGeometry();
  const group = new Group();
  for (const material of materials) {
    const mesh = new Mesh(geometry, material);
    // It sits at the origin, which the view need not hold: never left out of a draw by the frustum.
    mesh.frustumCulled = false;
    group.add(mesh);
  }
  return {
    group,
    dispose() {
      materials.forEach((material) => material.dispose());
      geometry.dispose();
    },
  };
}

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
 * Gets the spine's shader programs ready the moment the canvas exists, before the model is here: while the worker
 * decodes it, instead of in the first frame. Stand-in materials of the same kinds (a program is shared by every
 * material with the same options, see customProgramCacheKey), lit by this scene's lights and studio environment
 * so the programs match, are drawn once as triangles that cover no pixel, into the canvas the poster still hides:
 * a software GPU (and some drivers) finishes a program only at its first draw, so compiling alone left most of
 * the work in the first frame. The stand-ins are kept until the first frame has been drawn (disposing them
 * earlier could release a program before the real ones use it). The programs only later steps draw (the cut,
 * laterMaterials) are built the same way in the frame after the first. Mount after StudioEnvironment and Lights.
 */
export function ShaderWarmup() {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const camera = useThree((state) => state.camera);
  const invalidate = useThree((state) => state.invalidate);
  const controller = useController();
  const { cutaway } = useSceneResources();
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
