import { DoubleSide, Matrix4, MeshBasicMaterial, Vector2, type Plane } from 'three';
import { ROOT_RADIUS_MM, type DuralSacShape } from '../anatomy/duralSac';
import { cutFaceGlsl } from './cutFaceGlsl';
import { palette } from './palette';

/** The most nerve roots a section holds (L2's, duralSac.ts): the shader's loop bound. */
export const MAX_ROOTS = 20;

/** What the sac's section shows inside it, in mm from its centre line: the cord, or the nerve roots. */
export interface SacSection {
  /** The sac's width and depth (the mesh is a unit-diameter cylinder scaled to them). */
  sizeMm: Vector2;
  /** The cord's half-width and half-depth; (0, 0) below the conus. */
  cordRadiiMm: Vector2;
  /** The roots' centres (MAX_ROOTS, the first `rootCount` used). */
  roots: Vector2[];
  rootCount: number;
}

export function sacSection(shape: Pick<DuralSacShape, 'widthMm' | 'depthMm' | 'cord' | 'roots'>): SacSection {
  const roots = Array.from({ length: MAX_ROOTS }, (_, i) => {
    const root = shape.roots[i];
    return root ? new Vector2(root[0], root[1]) : new Vector2();
  });
  return {
    sizeMm: new Vector2(shape.widthMm, shape.depthMm),
    cordRadiiMm: shape.cord ? new Vector2(shape.cord.widthMm / 2, shape.cord.depthMm / 2) : new Vector2(),
    roots,
    rootCount: Math.min(shape.roots.length, MAX_ROOTS),
  };
}

/**
 * The sac, one material for both sides (one small program, built when the section first shows: a standard
 * material's program for the outer surface cost seconds per page on a software GPU). Its outer surface is shaded
 * simply, lighter where it faces the view, with the cylinder's own normal (in the sac's frame, taken to view space
 * by the inverse transpose). Its inside is the section: the far inner wall seen through the cut (a convex solid cut
 * by a plane shows its inside exactly where its section lies), drawn as the cap, at the plane's depth, in the
 * section's colour, with the cord's or the roots' sections where the view ray crosses the plane inside them
 * (cutFaceGlsl's crossing, taken into the sac's frame). A cord drawn as a tube of its own showed its length receding
 * inside the hollow sac; the cap shows only what a section shows.
 */
export function createDuralSacMaterial(plane: Plane, section: SacSection): MeshBasicMaterial {
  const material = new MeshBasicMaterial({
    color: palette.duralSac,
    side: DoubleSide,
    clippingPlanes: [plane],
  });
  const viewToSac = { value: new Matrix4() };
  material.onBeforeCompile = (shader) => {
    shader.uniforms.uViewToSac = viewToSac;
    shader.uniforms.uSacSizeMm = { value: section.sizeMm };
    shader.uniforms.uCordRadiiMm = { value: section.cordRadiiMm };
    shader.uniforms.uRoots = { value: section.roots };
    shader.uniforms.uRootCount = { value: section.rootCount };
    shader.uniforms.uSectionColor = { value: palette.duralSacSection };
    shader.uniforms.uNerveColor = { value: palette.spinalCordSection };
    shader.fragmentShader = shader.fragmentShader
      .replace(
        '#include <clipping_planes_pars_fragment>',
        `#include <clipping_planes_pars_fragment>
${cutFaceGlsl(false)}
uniform mat4 uViewToSac;
uniform vec2 uSacSizeMm;
uniform vec2 uCordRadiiMm;
uniform vec2 uRoots[${MAX_ROOTS}];
uniform int uRootCount;
uniform vec3 uSectionColor;
uniform vec3 uNerveColor;`,
      )
      .replace(
        '#include <color_fragment>',
        `#include <color_fragment>
if (gl_FrontFacing) {
  // The outer surface: the unit cylinder's normal in its frame, to view space by the inverse transpose.
  vec3 spvAt = (uViewToSac * vec4(-vClipPosition, 1.0)).xyz;
  vec3 spvNormal = normalize(transpose(mat3(uViewToSac)) * vec3(spvAt.x, 0.0, spvAt.z));
  diffuseColor.rgb *= 0.62 + 0.38 * abs(dot(spvNormal, normalize(vClipPosition)));
  gl_FragDepth = gl_FragCoord.z;
} else {
  vec3 spvView = spvCutViewPoint();
  vec3 spvSac = (uViewToSac * vec4(spvView, 1.0)).xyz;
  // Through the cut, a back face stands for the section only where the plane crosses the sac itself (the unit-
  // diameter cylinder, one unit long): elsewhere it is the sac's far wall seen past a section of something else.
  if (dot(spvSac.xz, spvSac.xz) > 0.25 || abs(spvSac.y) > 0.5) discard;
  vec2 spvMm = spvSac.xz * uSacSizeMm;
  // Distance inside the nearest nerve's outline, in units of its size (under 1: inside), the cord's ellipse
  // or a root's circle.
  float spvNerve = length(spvMm / max(uCordRadiiMm, vec2(1e-4)));
  for (int i = 0; i < ${MAX_ROOTS}; i++) {
    if (i >= uRootCount) break;
    spvNerve = min(spvNerve, length(spvMm - uRoots[i]) / ${ROOT_RADIUS_MM.toFixed(2)});
  }
  // Anti-aliased over a pixel's width.
  diffuseColor.rgb = mix(uNerveColor, uSectionColor, smoothstep(1.0 - fwidth(spvNerve), 1.0, spvNerve));
  gl_FragDepth = spvDepthOf(spvView);
}`,
      );
  };
  material.onBeforeRender = (_renderer, _scene, _camera, _geometry, object) => {
    viewToSac.value.copy(object.modelViewMatrix).invert();
  };
  material.customProgramCacheKey = () => 'spv-dural-sac';
  return material;
}
