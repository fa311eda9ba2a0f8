import {
  Color,
  DoubleSide,
  FrontSide,
  Matrix4,
  MeshStandardMaterial,
  type Plane,
  type WebGLProgramParametersWithUniforms,
} from 'three';
import { injectFracture } from '../anatomy/fractureField';
import { BONE_NOISE_GLSL } from './boneNoiseGlsl';
import {
  BONE_SURFACE_COLOR_FRAGMENT,
  BONE_SURFACE_GLSL,
  BONE_SURFACE_GRAIN,
  BONE_SURFACE_NORMAL_FRAGMENT,
  BONE_SURFACE_ROUGHNESS_FRAGMENT,
} from './boneSurfaceGlsl';
import type { CutHole } from './cutaway';
import { cutFaceGlsl } from './cutFaceGlsl';
import { createFocusUniform, injectFocus, type FocusHiddenUniform, type FocusUniform } from './focusGlsl';
import { palette } from './palette';
import { TRABECULAR_GLSL } from './trabecularGlsl';

export interface BoneUniforms {
  uFractureHeights: { value: [number, number, number] };
  uBodyHalfExtent: { value: [number, number] };
  /** The height (mm) the fracture leaves in place (fractureAnchorMm). */
  uFractureAnchor: { value: number };
  uHighlight: { value: number };
  uHighlightColor: { value: Color };
  /** Inverse model-view matrix of the mesh being drawn (set before each draw): cut-plane points into its frame. */
  uViewToBone: { value: Matrix4 };
  /** View space into the unit sphere of the balloon's hollow on the cut (set before each draw; cutFaceGlsl.ts). */
  uCavityFromView: { value: Matrix4 };
  /** 1 while that hollow is there: the cap is open over it. */
  uCavityOn: { value: number };
  /** How far past the cut plane (mm) a face still stands for the cap: about the bone's thickness across the cut. */
  uCapReach: { value: number };
  /** 1 on the treated vertebra: see-through, it keeps its outline (SEE_THROUGH_EDGES); 0 on fading context bones. */
  uSeeThroughEdges: { value: number };
}

/**
 * See-through bone (only a transparent material's program has no OPAQUE) stays nearly opaque where its surface
 * turns away from the view: the outline of the body and of each pedicle around the needle in it stays drawn, where
 * an even veil read as a glass ghost of the bone with the needles floating over it.
 */
const SEE_THROUGH_EDGES = /* glsl */ `
#ifndef OPAQUE
diffuseColor.a = mix(diffuseColor.a, 1.0, uSeeThroughEdges * 0.85 * smoothstep(0.5, 0.92, 1.0 - abs(dot(normal, normalize(vViewPosition)))));
#endif
#include <opaque_fragment>`;

/** Matte and a little rough: dry bone scatters light; lower reads as wet plastic. */
const BONE_ROUGHNESS = 0.68;

/**
 * Which faces of a mesh show the cut: `outer` is the bone's own surface (front faces bone, back faces seen through
 * the cut are the cortical rim), `inner` is the cortical shell's inner boundary (front faces still cortex, back faces
 * cancellous bone), `none` a bone that is never cut.
 */
type CutRole = 'none' | 'outer' | 'inner';

function createBoneUniforms(): BoneUniforms {
  return {
    uFractureHeights: { value: [1, 1, 1] },
    uBodyHalfExtent: { value: [20, 15] },
    uFractureAnchor: { value: 0 },
    uHighlight: { value: 0 },
    uHighlightColor: { value: palette.highlight.clone() },
    uViewToBone: { value: new Matrix4() },
    uCavityFromView: { value: new Matrix4() },
    uCavityOn: { value: 0 },
    uCapReach: { value: 1e4 },
    uSeeThroughEdges: { value: 0 },
  };
}

const CUT_COLOR: Record<Exclude<CutRole, 'none'>, { front: string; back: string }> = {
  outer: { front: BONE_SURFACE_COLOR_FRAGMENT, back: 'diffuseColor.rgb = spvCorticalColor(spvCut);' },
  inner: {
    front: 'diffuseColor.rgb = spvCorticalColor(spvCut);',
    back: 'diffuseColor.rgb = spvCancellousColor(spvCut, spvCutMmPerPixel);',
  },
};

/**
 * Where the focus cut (focusGlsl.ts) opens an uncut bone, the view falls on the inside of its far wall: those back
 * faces are painted as a flat section facing the viewer, a shade darker than the surface, so a cut rib or process
 * reads as solid bone sectioned rather than as a torn, hollow flap (a cap without a stencil pass).
 */
const FOCUS_SECTION_COLOR = /* glsl */ `
if (!gl_FrontFacing) {
  // A fading bone (the context bones in a close-up) shows no section through its own translucent surface.
  if (opacity < 0.999) discard;
  diffuseColor.rgb = spvBoneSurfaceColor(diffuse, vBonePosition, 0.72, spvGrain);
}`;
const FOCUS_SECTION_NORMAL = 'if (!gl_FrontFacing) normal = vec3(0.0, 0.0, 1.0);';

/** Rewrites a standard material's shaders into bone: surface texture, fracture field, cut faces, highlight. */
function boneShader(
  shader: WebGLProgramParametersWithUniforms,
  uniforms: BoneUniforms,
  options: { fracture: boolean; cut: CutRole; focus?: FocusUniform; hidden?: FocusHiddenUniform },
): void {
  Object.assign(shader.uniforms, uniforms);
  const vertex = options.fracture ? injectFracture(shader.vertexShader) : shader.vertexShader;
  shader.vertexShader = vertex
    .replace('#include <common>', '#include <common>\nvarying vec3 vBonePosition;')
    .replace('#include <project_vertex>', 'vBonePosition = position;\n#include <project_vertex>');
  const cut = options.cut;
  const section = cut === 'none' && options.focus !== undefined;
  const color =
    cut === 'none'
      ? `${BONE_SURFACE_COLOR_FRAGMENT}${section ? FOCUS_SECTION_COLOR : ''}`
      : /* glsl */ `
        // Faces that stand for the cap lie at its depth (cutFaceGlsl.ts); the bone's own surface at its own.
        gl_FragDepth = gl_FragCoord.z;
        ${cut === 'inner' ? 'spvCap(spvCutViewPoint());' : 'if (!gl_FrontFacing) spvCap(spvCutViewPoint());'}
        vec3 spvCut = spvCutPoint(vBonePosition);
        // Millimetres per pixel on the cut: the cancellous pattern fades out where it would alias.
        float spvCutMmPerPixel = length(fwidth(spvCut));
        if (gl_FrontFacing) { ${CUT_COLOR[cut].front} } else { ${CUT_COLOR[cut].back} }`;
  const normal =
    cut === 'none'
      ? `${BONE_SURFACE_NORMAL_FRAGMENT}\n${section ? FOCUS_SECTION_NORMAL : ''}`
      : cut === 'outer'
        ? `${BONE_SURFACE_NORMAL_FRAGMENT}\nif (!gl_FrontFacing) normal = spvCutNormal(normal);`
        : 'normal = spvCutNormal(normal);';
  shader.fragmentShader = shader.fragmentShader
    .replace(
      '#include <common>',
      `#include <common>\nvarying vec3 vBonePosition;\nuniform float uHighlight;\nuniform float uSeeThroughEdges;\nuniform vec3 uHighlightColor;\n${BONE_NOISE_GLSL}\n${BONE_SURFACE_GLSL}`,
    )
    .replace(
      '#include <clipping_planes_pars_fragment>',
      `#include <clipping_planes_pars_fragment>\n${cut === 'none' ? '' : cutFaceGlsl(options.fracture) + TRABECULAR_GLSL}`,
    )
    .replace(
      '#include <color_fragment>',
      `${BONE_SURFACE_GRAIN}\n${color}\ndiffuseColor.rgb = mix(diffuseColor.rgb, uHighlightColor, uHighlight * 0.55);`,
    )
    .replace('#include <roughnessmap_fragment>', BONE_SURFACE_ROUGHNESS_FRAGMENT)
    .replace('#include <normal_fragment_maps>', `#include <normal_fragment_maps>\n${normal}`)
    .replace('#include <opaque_fragment>', SEE_THROUGH_EDGES);
  if (options.focus) injectFocus(shader, options.focus, options.hidden);
}

function boneMaterial(
  uniforms: BoneUniforms,
  options: {
    fracture: boolean;
    cut: CutRole;
    clip: Plane | null;
    /** The hollow the cap opens onto, where the cut crosses it (cutaway.ts). */
    hole?: CutHole;
    focus?: FocusUniform;
    hidden?: FocusHiddenUniform;
  },
) {
  const material = new MeshStandardMaterial({
    color: palette.bone,
    roughness: BONE_ROUGHNESS,
    metalness: 0,
    vertexColors: options.cut !== 'inner',
    // Cut bone shows its inside: the section of a clipping plane or of the focus cut.
    side: options.cut === 'none' && !options.focus ? FrontSide : DoubleSide,
    clippingPlanes: options.clip ? [options.clip] : null,
  });
  material.onBeforeCompile = (shader) => boneShader(shader, uniforms, options);
  // The focus section is opaque and a faded bone draws none: one pass even while transparent.
  material.forceSinglePass = options.cut === 'none';
  if (options.cut !== 'none') {
    material.onBeforeRender = (_renderer, _scene, camera, _geometry, object) => {
      uniforms.uViewToBone.value.copy(object.modelViewMatrix).invert();
      const cavity = options.hole?.object;
      const open = cavity !== null && cavity !== undefined && cavity.visible;
      uniforms.uCavityOn.value = open ? 1 : 0;
      if (open)
        uniforms.uCavityFromView.value
          .multiplyMatrices(camera.matrixWorldInverse, cavity.matrixWorld)
          .invert();
    };
  }
  // Same program for every bone material with the same options.
  material.customProgramCacheKey = () =>
    `spv-bone-${options.fracture}-${options.cut}-${options.focus ? 'focus' : ''}`;
  return material;
}

/**
 * Bone that is never cut or deformed (the merged untreated vertebrae): the textured surface only. With a focus,
 * whatever of it lies between the camera and the focus sphere is cut away (focusGlsl.ts); `hidden` leaves out
 * whole context bones (the ribs and iliac wings, contextPartCut.ts).
 */
export function createBoneSurfaceMaterial(
  focus?: FocusUniform,
  hidden?: FocusHiddenUniform,
): MeshStandardMaterial {
  return boneMaterial(createBoneUniforms(), { fracture: false, cut: 'none', clip: null, focus, hidden });
}

/**
 * Bone for the treated vertebra: textured ivory surface darkened in its crevices by the model's baked ambient
 * occlusion (the vertex colour); optional fracture height field in the vertex stage; and, where a clipping plane
 * opens it, the inside faces shade as the cortical rim of the cut (a cap without a stencil pass). The cancellous
 * bone inside the rim is drawn by the inner shell (createCutFaceShellMaterial), which shares these uniforms.
 */
export function createTreatedBoneMaterial(options: {
  fracture: boolean;
  clip: Plane | null;
  hole?: CutHole;
}) {
  const uniforms = createBoneUniforms();
  const cut = options.clip ? 'outer' : 'none';
  // A plain part (no fracture, no cut) carries a focus that is never set (radius 0 cuts nothing), so it shares
  // the untreated bones' program: one large program fewer to compile before the first frame.
  const focus = !options.fracture && cut === 'none' ? createFocusUniform() : undefined;
  const material = boneMaterial(uniforms, { ...options, cut, focus });
  uniforms.uSeeThroughEdges.value = 1;
  return { material, uniforms };
}

/**
 * The inner boundary of the cortical shell of a cut body (the body's surface moved inwards by the shell's
 * thickness, see corticalInset.ts): where the view ray reaches the cut plane outside it, its front faces show
 * cortex; inside it, its back faces show cancellous bone. Shares the body material's uniforms, so it deforms,
 * highlights and cuts exactly as the body does.
 */
export function createCutFaceShellMaterial(uniforms: BoneUniforms, clip: Plane, hole?: CutHole) {
  return boneMaterial(uniforms, { fracture: true, cut: 'inner', clip, hole });
}
