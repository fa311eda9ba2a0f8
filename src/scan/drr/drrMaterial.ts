import { Matrix4, ShaderMaterial, type Data3DTexture, type Texture } from 'three';
import { LINE_INTEGRAL_BLENDING } from '../../fluoro/lineIntegralBlending';
import { RAY_BOX_GLSL } from '../../fluoro/rayBoxGlsl';
import { CONE_RAY_GLSL, CONE_RAY_VERTEX_SHADER, coneRayUniforms } from '../../fluoro/coneRay';
import { MAX_DRR_STEPS } from './drrReference';
import { MU_SMOOTH_CAP } from './huToMu';
import type { VolumeFrame } from './volumeFrame';

/**
 * The digitally reconstructed radiograph of a scan for every pixel of a view: a full-target quad whose rays (the
 * C-arm cone: uSource, uForward, uRight, uUp, uTanHalf, as the body pass) are clipped to the volume's box and
 * marched at `uStepMm` (at most MAX_DRR_STEPS steps), summing μ·L of the μ texture (red) and of its smooth part, μ
 * capped at soft tissue (green, for the display's range compression). The same sums as `scanLineIntegral`.
 * Drawn without blending into the view's own target: it only changes with the scan, its target or the view.
 */
export function createDrrMaterial(
  volume: Data3DTexture,
  frame: VolumeFrame,
  dims: readonly number[],
  stepMm: number,
) {
  return new ShaderMaterial({
    uniforms: {
      uVolume: { value: volume },
      uWorldToTexture: { value: worldToTexture(frame, dims) },
      uStepMm: { value: stepMm },
      ...coneRayUniforms(),
    },
    depthTest: false,
    depthWrite: false,
    vertexShader: CONE_RAY_VERTEX_SHADER,
    fragmentShader: /* glsl */ `
      precision highp sampler3D;
      uniform sampler3D uVolume;
      uniform mat4 uWorldToTexture;
      uniform float uStepMm;
      ${CONE_RAY_GLSL}
      ${RAY_BOX_GLSL}

      void main() {
        vec3 d = spvConeRay();
        // In texture coordinates (0–1 across the voxels' box); t stays in world mm along the ray.
        vec3 o = (uWorldToTexture * vec4(uSource, 1.0)).xyz;
        vec3 dt = mat3(uWorldToTexture) * d;
        vec2 span = spvRayBox(o, dt, vec3(0.0), vec3(1.0));
        if (span.y <= span.x) {
          gl_FragColor = vec4(0.0);
          return;
        }
        float len = span.y - span.x;
        float n = min(ceil(len / uStepMm), ${MAX_DRR_STEPS.toFixed(1)});
        float h = len / n;
        float total = 0.0;
        float smoothSum = 0.0;
        for (int s = 0; s < ${MAX_DRR_STEPS}; s++) {
          if (float(s) >= n) break;
          float mu = texture(uVolume, o + (span.x + (float(s) + 0.5) * h) * dt).r;
          total += mu;
          smoothSum += min(mu, ${MU_SMOOTH_CAP.toFixed(7)});
        }
        gl_FragColor = vec4(total * h, smoothSum * h, 0.0, 0.0);
      }
    `,
  });
}

/** Adds a cached DRR into the line-integral target (one texel per texel: same size, same cone). */
export function createDrrCompositeMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { uDrr: { value: null as Texture | null } },
    ...LINE_INTEGRAL_BLENDING,
    vertexShader: /* glsl */ `
      varying vec2 vUv;
      void main() {
        vUv = position.xy * 0.5 + 0.5;
        gl_Position = vec4(position.xy, 0.0, 1.0);
      }
    `,
    fragmentShader: /* glsl */ `
      uniform sampler2D uDrr;
      varying vec2 vUv;
      void main() {
        gl_FragColor = vec4(texture2D(uDrr, vUv).rg, 0.0, 0.0);
      }
    `,
  });
}

/**
 * World mm → texture coordinates: voxel index = inverse·(world − origin), texture = (index + ½)/dims, so the
 * texture's 0 and 1 are the outer faces of the edge voxels (GPU trilinear filtering puts texel centres there).
 */
export function worldToTexture(frame: VolumeFrame, dims: readonly number[]): Matrix4 {
  const m = frame.inverse;
  const o = frame.origin;
  const row = (a: number) => {
    const n = dims[a]!;
    const r = [m[3 * a]! / n, m[3 * a + 1]! / n, m[3 * a + 2]! / n];
    return [...r, 0.5 / n - (r[0]! * o[0] + r[1]! * o[1] + r[2]! * o[2])];
  };
  const [a, b, c] = [row(0), row(1), row(2)];
  return new Matrix4().set(
    a[0]!,
    a[1]!,
    a[2]!,
    a[3]!,
    b[0]!,
    b[1]!,
    b[2]!,
    b[3]!,
    c[0]!,
    c[1]!,
    c[2]!,
    c[3]!,
    0,
    0,
    0,
    1,
  );
}
