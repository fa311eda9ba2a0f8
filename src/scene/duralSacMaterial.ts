import {
  BackSide,
  FrontSide,
  Matrix4,
  MeshBasicMaterial,
  MeshStandardMaterial,
  Vector2,
  type Plane,
} from 'three';
import { cutFaceGlsl } from './cutFaceGlsl';
import { palette } from './palette';

/**
 * The cord's section inside the sac's, as radii in the sac mesh's own units (the mesh is a unit-diameter cylinder
 * scaled to the sac): (0, 0) where the sac holds no cord.
 */
export function cordRadii(
  sac: { widthMm: number; depthMm: number },
  cord: { widthMm: number; depthMm: number } | null,
  out: Vector2,
): Vector2 {
  return cord
    ? out.set((0.5 * cord.widthMm) / sac.widthMm, (0.5 * cord.depthMm) / sac.depthMm)
    : out.set(0, 0);
}

/**
 * The sac's surface, and its section where the cut opens it. The section is the sac's far inner wall seen through
 * the cut (a convex solid cut by a plane shows its inside exactly where its section lies), drawn as the cap: at the
 * plane's depth, in the sac's colour, with the cord's section where the view ray crosses the plane inside the cord
 * (cutFaceGlsl's crossing, taken into the sac's own frame). A cord drawn as a tube of its own showed its length
 * receding inside the hollow sac; the cap shows only what a section shows.
 */
export function createDuralSacMaterials(plane: Plane, cord: Vector2) {
  const surface = new MeshStandardMaterial({
    color: palette.duralSac,
    roughness: 0.55,
    side: FrontSide,
    clippingPlanes: [plane],
  });
  const section = new MeshBasicMaterial({
    color: palette.duralSacSection,
    side: BackSide,
    clippingPlanes: [plane],
  });
  const viewToSac = { value: new Matrix4() };
  section.onBeforeCompile = (shader) => {
    shader.uniforms.uViewToSac = viewToSac;
    shader.uniforms.uCordRadii = { value: cord };
    shader.uniforms.uCordColor = { value: palette.spinalCordSection };
    shader.fragmentShader = shader.fragmentShader
      .replace(
        '#include <clipping_planes_pars_fragment>',
        `#include <clipping_planes_pars_fragment>
${cutFaceGlsl(false)}
uniform mat4 uViewToSac;
uniform vec2 uCordRadii;
uniform vec3 uCordColor;`,
      )
      .replace(
        '#include <color_fragment>',
        `#include <color_fragment>
vec3 spvView = spvCutViewPoint();
vec3 spvSac = (uViewToSac * vec4(spvView, 1.0)).xyz;
// Through the cut, a back face stands for the section only where the plane crosses the sac itself (the unit-
// diameter cylinder, one unit long): elsewhere it is the sac's far wall seen past a section of something else.
if (dot(spvSac.xz, spvSac.xz) > 0.25 || abs(spvSac.y) > 0.5) discard;
vec2 spvCord = spvSac.xz / max(uCordRadii, vec2(1e-4));
float spvR = length(spvCord);
// Anti-aliased over a pixel's width; no cord (radii 0) leaves spvR huge.
diffuseColor.rgb = mix(uCordColor, diffuseColor.rgb, smoothstep(1.0 - fwidth(spvR), 1.0, spvR));
gl_FragDepth = spvDepthOf(spvView);`,
      );
  };
  section.onBeforeRender = (_renderer, _scene, _camera, _geometry, object) => {
    viewToSac.value.copy(object.modelViewMatrix).invert();
  };
  section.customProgramCacheKey = () => 'spv-dural-sac-section';
  return { surface, section };
}
