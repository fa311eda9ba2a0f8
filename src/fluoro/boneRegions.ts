import { Vector4, type IUniform } from 'three';
import type { WorldBodyFrame } from './spineFrames';

/** Most bones the region test reads (T1–S1 today). */
export const MAX_BODY_FRAMES = 24;

/** Uniforms of the vertebral bodies' boxes in the world frame. */
export interface BoneRegionUniforms extends Record<string, IUniform> {
  /** Per bone: centre y, centre z, cos and sin of its tilt. */
  uBodyFrame: IUniform<Vector4[]>;
  /** Per bone: half width, half depth, half height. */
  uBodySize: IUniform<Vector4[]>;
  uBodyCount: IUniform<number>;
}

export function createBoneRegionUniforms(): BoneRegionUniforms {
  const vec4s = () => Array.from({ length: MAX_BODY_FRAMES }, () => new Vector4());
  return { uBodyFrame: { value: vec4s() }, uBodySize: { value: vec4s() }, uBodyCount: { value: 0 } };
}

/** Load the bodies of the current spine (once per treated level). */
export function setBoneRegions(u: BoneRegionUniforms, frames: readonly WorldBodyFrame[]): void {
  const n = Math.min(frames.length, MAX_BODY_FRAMES);
  for (let i = 0; i < n; i++) {
    const f = frames[i]!;
    u.uBodyFrame.value[i]!.set(f.y, f.z, Math.cos(f.tiltRad), Math.sin(f.tiltRad));
    u.uBodySize.value[i]!.set(f.halfWidthMm, f.halfDepthMm, f.halfHeightMm, 0);
  }
  u.uBodyCount.value = n;
}

/**
 * Whether a world point lies in a vertebral body (or in front of one) rather than in the posterior elements, a
 * rib or the pelvis: the nearest body's box, widened by a few millimetres, with everything anterior counted in.
 * Whatever bone parts the model has, each is classified by where it is, not by how many there are.
 */
export const BONE_REGION_GLSL = /* glsl */ `
uniform vec4 uBodyFrame[${MAX_BODY_FRAMES}];
uniform vec4 uBodySize[${MAX_BODY_FRAMES}];
uniform int uBodyCount;
bool spvInVertebralBody(vec3 p) {
  if (uBodyCount == 0) return true;
  float best = 1e9;
  int nearest = 0;
  for (int i = 0; i < ${MAX_BODY_FRAMES}; i++) {
    if (i >= uBodyCount) break;
    float d = length(p.yz - uBodyFrame[i].xy);
    if (d < best) { best = d; nearest = i; }
  }
  vec4 f = uBodyFrame[nearest];
  vec3 s = uBodySize[nearest].xyz;
  vec2 rel = p.yz - f.xy;
  float cranial = rel.x * f.w + rel.y * f.z;
  float posterior = rel.x * f.z - rel.y * f.w;
  return abs(p.x) < s.x + 2.0 && posterior < s.y + 1.0 && abs(cranial) < s.z + 4.0;
}
`;
