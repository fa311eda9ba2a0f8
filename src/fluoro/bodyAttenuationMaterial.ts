import { ShaderMaterial, Vector4 } from 'three';
import { MU_PER_MM } from './attenuation';
import { MAX_GAS_POCKETS, type BodyModel, type Ellipsoid } from './bodyAttenuation';
import { LINE_INTEGRAL_BLENDING } from './lineIntegralBlending';
import { CONE_RAY_GLSL, CONE_RAY_VERTEX_SHADER, coneRayUniforms } from './coneRay';

const glslFloat = (v: number) => v.toFixed(7);

/** Trunk rows the shader reads (T1–S1). */
const MAX_TRUNK_ROWS = 24;

/**
 * The body model's line integral (`bodyLineIntegral`, same formulas) for every pixel of a view, drawn as one
 * full-target quad added to the meshes' Σ μ·L. It writes the same value to the green channel too, so the display
 * knows the smooth, large-scale part of the image (for its dynamic-range compression).
 */
export function createBodyAttenuationMaterial(): ShaderMaterial {
  const vec4s = (n: number) => Array.from({ length: n }, () => new Vector4());
  return new ShaderMaterial({
    uniforms: {
      ...coneRayUniforms(),
      uTrunk: { value: vec4s(MAX_TRUNK_ROWS) },
      uTrunkCount: { value: 0 },
      // Lungs, domes, then gas: centre.xyz + fraction, radii.xyz.
      uCentre: { value: vec4s(4 + MAX_GAS_POCKETS) },
      uRadii: { value: vec4s(4 + MAX_GAS_POCKETS) },
      uGasCount: { value: 0 },
    },
    ...LINE_INTEGRAL_BLENDING,
    vertexShader: CONE_RAY_VERTEX_SHADER,
    fragmentShader: /* glsl */ `
      ${CONE_RAY_GLSL}
      uniform vec4 uTrunk[${MAX_TRUNK_ROWS}];
      uniform int uTrunkCount;
      uniform vec4 uCentre[${4 + MAX_GAS_POCKETS}];
      uniform vec4 uRadii[${4 + MAX_GAS_POCKETS}];
      uniform int uGasCount;

      vec2 span(vec3 o, vec3 d, vec3 c, vec3 r) {
        vec3 oi = (o - c) / r;
        vec3 di = d / r;
        float a = dot(di, di);
        float b = dot(oi, di);
        float q = dot(oi, oi) - 1.0;
        float disc = b * b - a * q;
        if (disc <= 0.0) return vec2(0.0);
        float s = sqrt(disc);
        return vec2((-b - s) / a, (-b + s) / a);
      }

      float len(vec2 s) { return max(0.0, s.y - max(s.x, 0.0)); }

      vec4 trunkAt(float z) {
        int i = 0;
        for (int k = 0; k < ${MAX_TRUNK_ROWS - 2}; k++) {
          if (k >= uTrunkCount - 2 || z >= uTrunk[k + 1].x) break;
          i = k + 1;
        }
        vec4 a = uTrunk[i];
        vec4 b = uTrunk[i + 1];
        float t = clamp((a.x - z) / (a.x - b.x), 0.0, 1.0);
        return mix(a, b, t);
      }

      void main() {
        vec3 d = spvConeRay();
        vec3 o = uSource;
        float tMid = -dot(o, d);
        vec4 row = trunkAt(o.z + tMid * d.z);
        float sum = ${glslFloat(MU_PER_MM.softTissue)} * len(span(o, vec3(d.xy, 0.0), vec3(0.0, row.y, o.z), vec3(row.z, row.w, 1.0)));
        for (int i = 0; i < 2; i++) {
          vec2 l = span(o, d, uCentre[i].xyz, uRadii[i].xyz);
          vec2 m = span(o, d, uCentre[i + 2].xyz, uRadii[i + 2].xyz);
          float overlap = (m.y > m.x && l.y > l.x) ? max(0.0, min(l.y, m.y) - max(l.x, m.x)) : 0.0;
          sum += ${glslFloat(MU_PER_MM.lungInflated - MU_PER_MM.softTissue)} * (len(l) - overlap);
        }
        for (int i = 0; i < ${MAX_GAS_POCKETS}; i++) {
          if (i >= uGasCount) break;
          sum += ${glslFloat(MU_PER_MM.air - MU_PER_MM.softTissue)} * uCentre[i + 4].w * len(span(o, d, uCentre[i + 4].xyz, uRadii[i + 4].xyz));
        }
        gl_FragColor = vec4(sum, sum, 0.0, 0.0);
      }
    `,
  });
}

function setEllipsoid(centres: Vector4[], radii: Vector4[], i: number, e: Ellipsoid, w: number): void {
  centres[i]!.set(e.centre[0], e.centre[1], e.centre[2], w);
  radii[i]!.set(e.radii[0], e.radii[1], e.radii[2], 0);
}

/** Load a body model into the material's uniforms (once per treated level, not per frame). */
export function setBodyModel(material: ShaderMaterial, model: BodyModel): void {
  const u = material.uniforms;
  const trunk = u.uTrunk!.value as Vector4[];
  const rows = Math.min(model.trunk.length, MAX_TRUNK_ROWS);
  for (let i = 0; i < rows; i++) {
    const r = model.trunk[i]!;
    trunk[i]!.set(r.z, r.centreY, r.halfWidth, r.halfDepth);
  }
  u.uTrunkCount!.value = rows;
  const centres = u.uCentre!.value as Vector4[];
  const radii = u.uRadii!.value as Vector4[];
  setEllipsoid(centres, radii, 0, model.lungs[0], 1);
  setEllipsoid(centres, radii, 1, model.lungs[1], 1);
  setEllipsoid(centres, radii, 2, model.domes[0], 1);
  setEllipsoid(centres, radii, 3, model.domes[1], 1);
  const gas = Math.min(model.gas.length, MAX_GAS_POCKETS);
  for (let i = 0; i < gas; i++) setEllipsoid(centres, radii, 4 + i, model.gas[i]!, model.gas[i]!.fraction);
  u.uGasCount!.value = gas;
}
