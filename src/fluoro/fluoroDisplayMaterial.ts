import { ShaderMaterial, type Texture } from 'three';

/**
 * Turns the line-integral image into what a C-arm monitor shows: I = exp(−Σ μ·L) with automatic brightness
 * (the soft-tissue path is the reference exposure), a little blur, quantum noise (seeded by the pulse number so
 * a given time always shows the same frame), a circular image-intensifier field or square flat panel, vignette,
 * collimation, and the bone-white / bone-black polarity both seen clinically.
 */
export function createFluoroDisplayMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: {
      uLineIntegral: { value: null as Texture | null },
      uTexel: { value: [1 / 256, 1 / 256] },
      uReference: { value: 0 },
      uSeed: { value: 0 },
      uBoneWhite: { value: 1 },
      uCircular: { value: 1 },
      uNoise: { value: 0.045 },
      uCollimation: { value: 0.96 },
    },
    depthTest: false,
    depthWrite: false,
    vertexShader: /* glsl */ `
      varying vec2 vUv;
      void main() {
        vUv = uv;
        gl_Position = vec4(position.xy, 0.0, 1.0);
      }
    `,
    fragmentShader: /* glsl */ `
      uniform sampler2D uLineIntegral;
      uniform vec2 uTexel;
      uniform float uReference;
      uniform float uSeed;
      uniform float uBoneWhite;
      uniform float uCircular;
      uniform float uNoise;
      uniform float uCollimation;
      varying vec2 vUv;

      float hash(vec2 p) {
        return fract(sin(dot(p, vec2(12.9898, 78.233)) + uSeed * 0.6180339) * 43758.5453);
      }

      void main() {
        // Focal-spot and intensifier blur: a small Gaussian on the line integral.
        float p = texture2D(uLineIntegral, vUv).r * 0.25;
        p += texture2D(uLineIntegral, vUv + vec2(uTexel.x, 0.0)).r * 0.125;
        p += texture2D(uLineIntegral, vUv - vec2(uTexel.x, 0.0)).r * 0.125;
        p += texture2D(uLineIntegral, vUv + vec2(0.0, uTexel.y)).r * 0.125;
        p += texture2D(uLineIntegral, vUv - vec2(0.0, uTexel.y)).r * 0.125;
        p += texture2D(uLineIntegral, vUv + uTexel).r * 0.0625;
        p += texture2D(uLineIntegral, vUv - uTexel).r * 0.0625;
        p += texture2D(uLineIntegral, vUv + vec2(uTexel.x, -uTexel.y)).r * 0.0625;
        p += texture2D(uLineIntegral, vUv + vec2(-uTexel.x, uTexel.y)).r * 0.0625;

        // Automatic brightness control: exposure set so the soft-tissue path maps to mid-grey.
        float intensity = exp(-(p - uReference)) * 0.62;
        // Quantum mottle: Poisson-like noise, larger where fewer photons arrive.
        float n = (hash(gl_FragCoord.xy) + hash(gl_FragCoord.yx + 17.0) - 1.0) * 1.7;
        intensity += n * uNoise * sqrt(max(intensity, 0.02));
        intensity = clamp(intensity, 0.0, 1.0);

        vec2 c = vUv * 2.0 - 1.0;
        float r = uCircular > 0.5 ? length(c) : max(abs(c.x), abs(c.y));
        float vignette = 1.0 - 0.35 * r * r;
        // Radiograph convention (bone white) shows attenuation bright; the raw intensifier shows bone dark.
        float shade = uBoneWhite > 0.5 ? (1.0 - intensity) : intensity;
        shade *= vignette;
        float inField = 1.0 - smoothstep(uCollimation - 0.015, uCollimation, r);
        gl_FragColor = vec4(vec3(shade * inField), 1.0);
      }
    `,
  });
}
