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

/** Slope of the display's S-curve on the log exposure (its window). */
const DISPLAY_GAIN = 0.95;

/**
 * The display chain's highlight shoulder: above `knee` (metal, stacked dense bone) the S-curve hands over to an
 * exponential roll-off that approaches full brightness over `span` of log exposure instead of clipping within a
 * fraction of one, as the look-up tables of digital fluoroscopy do, so a steel cannula keeps its structure (denser
 * walls than bore, a stylet or drill inside) rather than reading as a flat bar. A display mapping only: the line
 * integral itself stays Beer–Lambert.
 */
export const METAL_SHOULDER = { knee: 0.6, span: 2.5 } as const;

/**
 * Display level of a log exposure l (relative to the exposure reference) in the bone-white polarity: 0 black,
 * 1 white. The same formula as the display shader.
 */
export function displayLevel(l: number): number {
  const { knee, span } = METAL_SHOULDER;
  const s = (x: number) => 0.5 + 0.5 * Math.tanh(DISPLAY_GAIN * x);
  if (l <= knee) return s(l);
  return s(knee) + (1 - s(knee)) * (1 - Math.exp(-(l - knee) / span));
}

/**
 * Projected trabecular texture: the cancellous bone's own μ·L (the target's blue channel) varies by up to this
 * fraction around its mean, with a fixed, deterministic pattern on the detector. The pattern is finer across than
 * along the spine's axis: the vertical striation of an osteoporotic body, whose horizontal trabeculae thin first
 * (Mosekilde 1988, Bone 9:247).
 */
export const TRABECULAR_CONTRAST = 1.0;

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
      uTrabecular: { value: TRABECULAR_CONTRAST },
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
      uniform float uTrabecular;
      varying vec2 vUv;

      // Seedless: the trabecular lattice is the same in every pulse.
      float latticeHash(vec2 p) {
        vec3 q = fract(vec3(p.xyx) * 0.1031);
        q += dot(q, q.yzx + 33.33);
        return fract((q.x + q.y) * q.z);
      }

      float latticeNoise(vec2 p) {
        vec2 i = floor(p);
        vec2 f = fract(p);
        f = f * f * (3.0 - 2.0 * f);
        float a = latticeHash(i);
        float b = latticeHash(i + vec2(1.0, 0.0));
        float c = latticeHash(i + vec2(0.0, 1.0));
        float d = latticeHash(i + vec2(1.0, 1.0));
        return mix(mix(a, b, f.x), mix(c, d, f.x), f.y);
      }

      float hash(vec2 p) {
        vec3 q = fract(vec3(p.xyx) * 0.1031 + uSeed * 0.0137);
        q += dot(q, q.yzx + 33.33);
        return fract((q.x + q.y) * q.z);
      }

      void main() {
        // Focal-spot and intensifier blur: a small Gaussian on the line integral.
        vec3 p = texture2D(uLineIntegral, vUv).rgb * 0.25;
        p += texture2D(uLineIntegral, vUv + vec2(uTexel.x, 0.0)).rgb * 0.125;
        p += texture2D(uLineIntegral, vUv - vec2(uTexel.x, 0.0)).rgb * 0.125;
        p += texture2D(uLineIntegral, vUv + vec2(0.0, uTexel.y)).rgb * 0.125;
        p += texture2D(uLineIntegral, vUv - vec2(0.0, uTexel.y)).rgb * 0.125;
        p += texture2D(uLineIntegral, vUv + uTexel).rgb * 0.0625;
        p += texture2D(uLineIntegral, vUv - uTexel).rgb * 0.0625;
        p += texture2D(uLineIntegral, vUv + vec2(uTexel.x, -uTexel.y)).rgb * 0.0625;
        p += texture2D(uLineIntegral, vUv + vec2(-uTexel.x, uTexel.y)).rgb * 0.0625;

        // Log exposure relative to the automatic brightness control's reference (+ = more attenuating).
        float l = p.r - uReference;
        // Trabecular texture: the cancellous μ·L (blue) modulated by a fixed lattice, finer across than along.
        float lattice = 0.6 * latticeNoise(vUv * vec2(110.0, 26.0)) + 0.4 * latticeNoise(vUv * vec2(220.0, 52.0) + 17.0);
        l += uTrabecular * (2.0 * lattice - 1.0) * max(p.b, 0.0);
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
        // Display S-curve up to the highlight shoulder (METAL_SHOULDER, see displayLevel), then the roll-off: metal
        // keeps its structure instead of clipping. Clamped: GLSL's tanh of a large argument can be inf/inf = NaN.
        float kneeLevel = ${(0.5 + 0.5 * Math.tanh(DISPLAY_GAIN * METAL_SHOULDER.knee)).toFixed(6)};
        float level = l <= ${METAL_SHOULDER.knee.toFixed(3)}
          ? 0.5 + 0.5 * tanh(clamp(${DISPLAY_GAIN.toFixed(3)} * l, -9.0, 9.0))
          : kneeLevel + (1.0 - kneeLevel) * (1.0 - exp(-(l - ${METAL_SHOULDER.knee.toFixed(3)}) / ${METAL_SHOULDER.span.toFixed(3)}));
        float intensity = 1.0 - level;

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
