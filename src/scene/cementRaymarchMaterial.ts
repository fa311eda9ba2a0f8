import {
  ClampToEdgeWrapping,
  type IUniform,
  Color,
  Data3DTexture,
  LinearFilter,
  RedFormat,
  ShaderMaterial,
  UnsignedByteType,
  Vector3,
  Vector4,
} from 'three';
import { RAY_BOX_GLSL } from '../fluoro/rayBoxGlsl';
import { BONE_NOISE_GLSL } from './boneNoiseGlsl';
import type { CementVolume } from '../procedure/cementVolume';
import { palette } from './palette';

/**
 * PMMA with barium sulphate is an opaque off-white paste that keeps its colour as it sets (only its sheen goes).
 * The scene palette's cement colour where it has one; otherwise a warm pale grey, lighter and cooler than the
 * ivory bone so it never reads as a gap in it.
 */
export const CEMENT_COLOUR: Color = (palette as { cement?: Color }).cement ?? new Color('#dcdad3');

/**
 * Cement as a threshold on the arrival field, ray-marched in a box around it: the first point where the field
 * drops below the fill fraction is the cement surface (refined by bisection, lit with the field's gradient).
 * Scrubbing changes one uniform; the surface is smooth and writes its true depth. `cut` is the viewer's cutaway
 * plane in the cement's frame (shared, not copied: cement beyond it is cut away with the bone), or null for
 * cement the cut never opens.
 */
export function createCementRaymarchMaterial(volume: CementVolume, cut: IUniform<Vector4> | null) {
  const [nx, ny, nz] = volume.size;
  const bytes = new Uint8Array(volume.data.length);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Math.round(Math.min(1, Math.max(0, volume.data[i]!)) * 255);
  const texture = new Data3DTexture(bytes, nx, ny, nz);
  texture.format = RedFormat;
  texture.type = UnsignedByteType;
  texture.minFilter = LinearFilter;
  texture.magFilter = LinearFilter;
  texture.wrapS = texture.wrapT = texture.wrapR = ClampToEdgeWrapping;
  texture.unpackAlignment = 1;
  texture.needsUpdate = true;

  const uniforms = {
    uVolume: { value: texture },
    uMin: { value: new Vector3(...volume.min) },
    uMax: { value: new Vector3(...volume.max) },
    uFill: { value: 0 },
    uCure: { value: 0 },
    uCameraLocal: { value: new Vector3() },
    uCutPlane: cut ?? { value: new Vector4(0, 0, 0, 1) },
    // One colour throughout: curing changes the sheen, not the hue.
    uColor: { value: CEMENT_COLOUR.clone() },
  };
  const material = new ShaderMaterial({
    uniforms,
    vertexShader: /* glsl */ `
      varying vec3 vLocal;
      void main() {
        vLocal = position;
        gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
      }
    `,
    fragmentShader: /* glsl */ `
      precision highp sampler3D;
      // three declares these for the vertex stage only; the program shares them with the fragment stage.
      uniform mat4 projectionMatrix;
      uniform mat4 modelViewMatrix;
      uniform mat3 normalMatrix;
      uniform sampler3D uVolume;
      uniform vec3 uMin;
      uniform vec3 uMax;
      uniform float uFill;
      uniform float uCure;
      uniform vec3 uCameraLocal;
      uniform vec4 uCutPlane;
      uniform vec3 uColor;
      varying vec3 vLocal;

      float field(vec3 p) {
        return texture(uVolume, (p - uMin) / (uMax - uMin)).r;
      }
      // Cement on the removed side of the cutaway plane is cut away with the bone.
      float kept(vec3 p) {
        return dot(uCutPlane.xyz, p) + uCutPlane.w;
      }
      bool solid(vec3 p) {
        return kept(p) >= 0.0 && field(p) < uFill;
      }

      ${RAY_BOX_GLSL}
      ${BONE_NOISE_GLSL}
      void main() {
        vec3 dir = normalize(vLocal - uCameraLocal);
        vec2 span = spvRayBox(uCameraLocal, dir, uMin, uMax);
        float tNear = span.x;
        float tFar = span.y;
        const float STEP = 0.35;
        float t = tNear;
        bool hit = false;
        for (int i = 0; i < 400; i++) {
          if (t > tFar) break;
          if (solid(uCameraLocal + dir * t)) { hit = true; break; }
          t += STEP;
        }
        if (!hit) discard;
        float t0 = max(tNear, t - STEP);
        float t1 = t;
        for (int i = 0; i < 6; i++) {
          float m = 0.5 * (t0 + t1);
          if (solid(uCameraLocal + dir * m)) t1 = m; else t0 = m;
        }
        vec3 p = uCameraLocal + dir * t1;
        vec2 e = vec2(0.6, 0.0);
        vec3 gradient = vec3(
          field(p + e.xyy) - field(p - e.xyy),
          field(p + e.yxy) - field(p - e.yxy),
          field(p + e.yyx) - field(p - e.yyx));
        // On the cut face the surface is the plane itself (its normal faces out of the kept half).
        bool onCut = kept(p) < 0.3 && field(p - uCutPlane.xyz * 0.6) < uFill;
        vec3 local = onCut ? -uCutPlane.xyz : (length(gradient) > 1e-5 ? gradient : -dir);
        vec3 n = normalize(normalMatrix * local);
        // On the cut face the cement lies at the plane itself, just in front of the bone's cap there (drawn at the
        // plane's depth, cutFaceGlsl.ts): the depth is taken at the exact crossing, nudged towards the camera.
        vec3 atDepth = p;
        float dn = dot(uCutPlane.xyz, dir);
        if (onCut && abs(dn) > 1e-6) atDepth = uCameraLocal - dir * (kept(uCameraLocal) / dn);
        vec4 clip = projectionMatrix * modelViewMatrix * vec4(atDepth, 1.0);
        gl_FragDepth = 0.5 * (clip.z / clip.w) + 0.5 - (onCut ? 5e-6 : 0.0);

        vec3 key = normalize(vec3(0.45, 0.75, 0.5));
        vec3 fill = normalize(vec3(-0.6, 0.2, 0.4));
        float diffuse = max(dot(n, key), 0.0) * 0.75 + max(dot(n, fill), 0.0) * 0.25;
        // A generous ambient term: a dark cement face would read as a hole in the bone.
        float ambient = 0.5 + 0.1 * n.y;
        // Liquid cement is glossy; set cement is matte.
        vec3 h = normalize(key + vec3(0.0, 0.0, 1.0));
        float gloss = mix(60.0, 8.0, uCure);
        float specular = pow(max(dot(n, h), 0.0), gloss) * mix(0.55, 0.06, uCure);
        // As it sets, a fine stony grain comes through (same hue, matte): a still picture of the hardening step
        // shows set stone where the injection's showed a smooth wet paste.
        // (The bone's value noise, in the cement's frame: mm.)
        float grain = 0.6 * spvNoise(p * 1.2) + 0.4 * spvNoise(p * 3.3);
        vec3 colour = uColor * mix(1.0, 0.72 + 0.5 * grain, uCure);
        gl_FragColor = vec4(colour * min(ambient + diffuse, 1.15) + specular, 1.0);
        #include <colorspace_fragment>
      }
    `,
  });
  return { material, uniforms, texture };
}
