import {
  DoubleSide,
  MeshStandardMaterial,
  type Color,
  type Plane,
  type WebGLProgramParametersWithUniforms,
} from 'three';
import { injectFracture } from '../anatomy/fractureField';
import { BONE_NOISE_GLSL } from './boneNoiseGlsl';
import { createBoneUniforms, type BoneUniforms } from './boneUniforms';
import {
  BONE_SURFACE_COLOR_FRAGMENT,
  BONE_SURFACE_GLSL,
  BONE_SURFACE_GRAIN,
  BONE_SURFACE_NORMAL_FRAGMENT,
  BONE_SURFACE_ROUGHNESS_FRAGMENT,
  SURFACE_COLOR_FRAGMENT,
} from './boneSurfaceGlsl';
import { holeFromView, type CutHole } from './cutaway';
import { cutFaceGlsl } from './cutFaceGlsl';
import { createFocusUniform, injectFocus, type FocusHiddenUniform, type FocusUniform } from './focusGlsl';
import { palette } from './palette';
import { TRABECULAR_GLSL } from './trabecularGlsl';

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
  // The mottle SURFACE_COLOR_FRAGMENT computed for this pixel: a software GPU runs this side for every pixel too.
  diffuseColor.rgb = spvBoneSurfaceTint(diffuse, spvMottle, 0.72, spvGrain);
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
      ? `${SURFACE_COLOR_FRAGMENT}${section ? FOCUS_SECTION_COLOR : ''}`
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
      ? `if (uDisc < 0.5) ${BONE_SURFACE_NORMAL_FRAGMENT}\n${section ? FOCUS_SECTION_NORMAL : ''}`
      : cut === 'outer'
        ? `${BONE_SURFACE_NORMAL_FRAGMENT}\nif (!gl_FrontFacing) normal = spvCutNormal(normal);`
        : 'normal = spvCutNormal(normal);';
  shader.fragmentShader = shader.fragmentShader
    .replace(
      '#include <common>',
      `#include <common>\nvarying vec3 vBonePosition;\nuniform float uHighlight;\nuniform float uSeeThroughEdges;\nuniform float uDisc;\nuniform vec3 uHighlightColor;\n${BONE_NOISE_GLSL}\n${BONE_SURFACE_GLSL}`,
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
    /** A surface with a program of its own, without the focus cut and the fracture field (a patient's scan). */
    own?: boolean;
  },
) {
  // Every uncut surface (the merged spine, its context bones, the discs, the treated vertebra while it is closed)
  // is one program: the fracture field (heights 1 leave a bone as modelled) and a focus (radius 0 cuts nothing)
  // are always there, so the first frame builds one large program for all of them instead of three.
  const shaded =
    options.cut === 'none' && !options.own
      ? { ...options, fracture: true, focus: options.focus ?? createFocusUniform() }
      : options;
  const material = new MeshStandardMaterial({
    color: palette.bone,
    roughness: BONE_ROUGHNESS,
    metalness: 0,
    vertexColors: options.cut !== 'inner',
    // Cut bone shows its inside: the section of a clipping plane or of the focus cut.
    side: DoubleSide,
    clippingPlanes: options.clip ? [options.clip] : null,
  });
  material.onBeforeCompile = (shader) => boneShader(shader, uniforms, shaded);
  // The focus section is opaque and a faded bone draws none: one pass even while transparent.
  material.forceSinglePass = options.cut === 'none';
  if (options.cut !== 'none') {
    material.onBeforeRender = (_renderer, _scene, camera, _geometry, object) => {
      uniforms.uViewToBone.value.copy(object.modelViewMatrix).invert();
      const open = options.hole ? holeFromView(options.hole, camera, uniforms.uCavityFromView.value) : false;
      uniforms.uCavityOn.value = open ? 1 : 0;
    };
  }
  // Same program for every bone material with the same options.
  material.customProgramCacheKey = () =>
    `spv-bone-${shaded.fracture}-${shaded.cut}-${shaded.focus ? 'focus' : ''}`;
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
 * The bone of a patient's scan (ScanBone): the textured surface on both faces, cut by `clip`, and nothing else —
 * no focus cut (its back faces are the inside of the cortex seen through the cut, not a section) and no fracture
 * field. Its own program, built only when a scan is open.
 */
export function createScanBoneMaterial(clip: Plane): MeshStandardMaterial {
  return boneMaterial(createBoneUniforms(), { fracture: false, cut: 'none', clip, own: true });
}

/**
 * The intervertebral discs: bone's uncut program drawing the annulus fibrosus instead (uDisc,
 * SURFACE_COLOR_FRAGMENT), so the discs add no program to build before the first frame.
 */
export function createAnnulusMaterial(
  color: Color,
  roughness: number,
  focus?: FocusUniform,
): MeshStandardMaterial {
  const uniforms = createBoneUniforms();
  uniforms.uDisc.value = 1;
  const material = boneMaterial(uniforms, { fracture: false, cut: 'none', clip: null, focus });
  material.color.copy(color);
  material.roughness = roughness;
  return material;
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
  const material = boneMaterial(uniforms, { ...options, cut: options.clip ? 'outer' : 'none' });
  uniforms.uSeeThroughEdges.value = 1;
  return { material, uniforms };
}

/**
 * The treated vertebral body's two materials on one set of uniforms (the cut shell and the normal-shape veil read
 * them too): `closed`, bone's uncut program with the fracture field, which is all the first frame (the overview)
 * draws; and `open`, cut by `clip` with the cortical rim on its inside faces, for while the cut is open or the body
 * see-through (its inside faces then show through). Opaque and uncut, the two draw the same picture.
 */
export function createTreatedBodyMaterials(clip: Plane | null, hole?: CutHole) {
  const uniforms = createBoneUniforms();
  uniforms.uSeeThroughEdges.value = 1;
  const closed = boneMaterial(uniforms, { fracture: true, cut: 'none', clip: null });
  const open = clip ? boneMaterial(uniforms, { fracture: true, cut: 'outer', clip, hole }) : null;
  return { closed, open, uniforms };
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
