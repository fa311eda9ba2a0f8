import { ShaderMaterial, type Texture } from 'three';

/**
 * Quanta per detector pixel at the reference exposure (the automatic brightness control holds the treated
 * vertebra there). Low-dose pulsed fluoroscopy gives an SNR of roughly 15–25 per displayed pixel (Bushberg, The
 * Essential Physics of Medical Imaging, ch. 9); 400 quanta gives SNR 20.
 */
export const QUANTA_AT_REFERENCE = 400;
/**
 * Share of the smooth, large-scale attenuation (trunk thickness, lungs, gas) taken out before display, as the
 * dynamic-range compression ("harmonisation") of digital fluoroscopy does, so ribs stay visible over the lungs
 * while bone keeps its full contrast.
 */
export const RANGE_COMPRESSION = 0.5;

/**
 * Turns the line-integral image into what a C-arm monitor shows. Red holds Σ μ·L, green the body model's smooth
 * part of it. The automatic brightness control references Σ μ·L on the central ray; the log image is range-
 * compressed and shown through a soft S-curve (the camera/display chain's window), with a little blur, quantum
 * noise (Gaussian with the Poisson variance 1/N of the quanta that reach each pixel, N falling with attenuation,
 * so dense regions are grainier; seeded by the pulse number so a given time always shows the same frame), a
 * circular image-intensifier field or square flat panel, vignette, collimation, and both polarities.
 */
export function createFluoroDisplayMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: {
      uLineIntegral: { value: null as Texture | null },
      uTexel: { value: [1 / 256, 1 / 256] },
      uReference: { value: 0 },
      uBodyReference: { value: 0 },
      uCompression: { value: RANGE_COMPRESSION },
      uSeed: { value: 0 },
      uBoneWhite: { value: 1 },
      uCircular: { value: 1 },
      uQuanta: { value: QUANTA_AT_REFERENCE },
      uCollimation: { value: 0.96 },
    },
    depthTest: false,
    depthWrite: false,
    vertexShader: /* glsl */ `
      varying vec2 vUv;
      void main() {
        // Shown mirrored, as seen from the side the guided 3D camera stands on (from behind for AP, from the
        // patient's left for lateral), so the inset and the 3D beside it share left and right.
        vUv = vec2(1.0 - uv.x, uv.y);
        gl_Position = vec4(position.xy, 0.0, 1.0);
      }
    `,
    fragmentShader: /* glsl */ `
      uniform sampler2D uLineIntegral;
      uniform vec2 uTexel;
      uniform float uReference;
      uniform float uBodyReference;
      uniform float uCompression;
      uniform float uSeed;
      uniform float uBoneWhite;
      uniform float uCircular;
      uniform float uQuanta;
      uniform float uCollimation;
      varying vec2 vUv;

      float hash(vec2 p) {
        vec3 q = fract(vec3(p.xyx) * 0.1031 + uSeed * 0.0137);
        q += dot(q, q.yzx + 33.33);
        return fract((q.x + q.y) * q.z);
      }

      void main() {
        // Focal-spot and intensifier blur: a small Gaussian on the line integral.
        vec2 p = texture2D(uLineIntegral, vUv).rg * 0.25;
        p += texture2D(uLineIntegral, vUv + vec2(uTexel.x, 0.0)).rg * 0.125;
        p += texture2D(uLineIntegral, vUv - vec2(uTexel.x, 0.0)).rg * 0.125;
        p += texture2D(uLineIntegral, vUv + vec2(0.0, uTexel.y)).rg * 0.125;
        p += texture2D(uLineIntegral, vUv - vec2(0.0, uTexel.y)).rg * 0.125;
        p += texture2D(uLineIntegral, vUv + uTexel).rg * 0.0625;
        p += texture2D(uLineIntegral, vUv - uTexel).rg * 0.0625;
        p += texture2D(uLineIntegral, vUv + vec2(uTexel.x, -uTexel.y)).rg * 0.0625;
        p += texture2D(uLineIntegral, vUv + vec2(-uTexel.x, uTexel.y)).rg * 0.0625;

        // Log exposure relative to the automatic brightness control's reference (+ = more attenuating).
        float l = p.r - uReference;
        // Quantum mottle: N = N0·exp(−l) quanta reach the pixel; σ of the log signal is 1/√N. Grain on a fixed
        // detector grid (Box–Muller from two hashes of the cell and the pulse number).
        vec2 cell = floor(vUv * 480.0);
        float u1 = max(hash(cell), 1e-4);
        float u2 = hash(cell + 91.7);
        float gauss = sqrt(-2.0 * log(u1)) * cos(6.2831853 * u2);
        float quanta = uQuanta * exp(-clamp(l, -4.0, 8.0));
        l += gauss / sqrt(max(quanta, 1.0));
        // Dynamic-range compression of the smooth body term, then the display's S-curve.
        l -= uCompression * (p.g - uBodyReference);
        // Clamped: GLSL's tanh of a large argument can be inf/inf = NaN (metal seen end-on reaches Σ μ·L ≫ 10).
        float intensity = 0.5 + 0.5 * tanh(clamp(-0.95 * l, -9.0, 9.0));

        vec2 c = vUv * 2.0 - 1.0;
        float r = uCircular > 0.5 ? length(c) : max(abs(c.x), abs(c.y));
        float vignette = 1.0 - 0.3 * r * r;
        // Radiograph convention (bone white) shows attenuation bright; the raw intensifier shows bone dark.
        float shade = uBoneWhite > 0.5 ? (1.0 - intensity) : intensity;
        shade *= vignette;
        float inField = 1.0 - smoothstep(uCollimation - 0.015, uCollimation, r);
        gl_FragColor = vec4(vec3(shade * inField), 1.0);
      }
    `,
  });
}
