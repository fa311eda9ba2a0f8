import { BackSide, ShaderMaterial, type Data3DTexture, type IUniform, type Vector3 } from 'three';
import { LINE_INTEGRAL_BLENDING } from './lineIntegralBlending';
import { RAY_BOX_GLSL } from './rayBoxGlsl';

/**
 * The cement's contribution to the X-ray: the line integral of μ through the part of the arrival field already
 * filled (field < fill), marched inside the cement's box and added to the attenuation target. Drawn on back
 * faces only, so each ray is counted once.
 */
export function createCementIntegralMaterial(options: {
  volume: Data3DTexture;
  min: Vector3;
  max: Vector3;
  uFill: IUniform<number>;
  /** Excess linear attenuation of the cement over soft tissue, 1/mm. */
  mu: number;
}): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: {
      uVolume: { value: options.volume },
      uMin: { value: options.min },
      uMax: { value: options.max },
      uFill: options.uFill,
      uMu: { value: options.mu },
      uInterdigitation: { value: 0 },
    },
    side: BackSide,
    ...LINE_INTEGRAL_BLENDING,
    vertexShader: /* glsl */ `
      varying vec3 vLocal;
      varying vec3 vOrigin;
      void main() {
        vLocal = position;
        vOrigin = (inverse(modelMatrix) * vec4(cameraPosition, 1.0)).xyz;
        gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
      }
    `,
    fragmentShader: /* glsl */ `
      precision highp sampler3D;
      uniform sampler3D uVolume;
      uniform vec3 uMin;
      uniform vec3 uMax;
      uniform float uFill;
      uniform float uMu;
      uniform float uInterdigitation;
      varying vec3 vLocal;
      varying vec3 vOrigin;
      ${RAY_BOX_GLSL}
      float cellHash(vec3 p) {
        vec3 q = fract(floor(p) * vec3(0.1031, 0.1030, 0.0973));
        q += dot(q, q.yxz + 33.33);
        return fract((q.x + q.y) * q.z);
      }

      void main() {
        vec3 dir = normalize(vLocal - vOrigin);
        vec2 span = spvRayBox(vOrigin, dir, uMin, uMax);
        float tNear = span.x;
        float tFar = span.y;
        const float STEP = 0.4;
        float filled = 0.0;
        for (int i = 0; i < 400; i++) {
          float t = tNear + (float(i) + 0.5) * STEP;
          if (t > tFar) break;
          vec3 p = vOrigin + dir * t;
          float field = texture(uVolume, (p - uMin) / (uMax - uMin)).r;
          // A soft edge (2 % of the fill) keeps the outline free of stair steps. Cement pushed into cancellous bone
          // (vertebroplasty) fills the marrow spaces between trabeculae unevenly near its front: a wider edge and a
          // fixed, trabecula-sized (1.5 mm) mottle there, full density in the core.
          float soft = 0.02 + 0.08 * uInterdigitation;
          float edge = clamp((uFill - field) / soft + 0.5, 0.0, 1.0);
          float front = 1.0 - smoothstep(0.0, 0.2, uFill - field);
          float mottle = mix(1.0, 0.25 + 0.9 * cellHash(p / 1.5), uInterdigitation * front);
          filled += edge * mottle;
        }
        gl_FragColor = vec4(uMu * filled * STEP, 0.0, 0.0, 1.0);
      }
    `,
  });
}
