import { Vector3 } from 'three';

/**
 * The C-arm cone's rays, shared by the full-target passes that march them (the body model, a scan's DRR): the
 * uniforms FluoroRenderer fills (source, camera axes, half-angle), a vertex shader passing each pixel's NDC, and the
 * GLSL declarations and direction. Each call gives new uniform objects: materials never share mutable state.
 */
export function coneRayUniforms() {
  return {
    uSource: { value: new Vector3() },
    uForward: { value: new Vector3() },
    uRight: { value: new Vector3() },
    uUp: { value: new Vector3() },
    uTanHalf: { value: 0 },
  };
}

/** A quad covering the whole target, passing each pixel's NDC to the fragment shader. */
export const CONE_RAY_VERTEX_SHADER = /* glsl */ `
  varying vec2 vNdc;
  void main() {
    vNdc = position.xy;
    gl_Position = vec4(position.xy, 0.0, 1.0);
  }
`;

/** The fragment side: the uniforms, and `spvConeRay()`, the unit direction of this pixel's ray from uSource. */
export const CONE_RAY_GLSL = /* glsl */ `
  uniform vec3 uSource;
  uniform vec3 uForward;
  uniform vec3 uRight;
  uniform vec3 uUp;
  uniform float uTanHalf;
  varying vec2 vNdc;
  vec3 spvConeRay() {
    return normalize(uForward + vNdc.x * uTanHalf * uRight + vNdc.y * uTanHalf * uUp);
  }
`;
