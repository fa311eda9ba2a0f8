import { DoubleSide, ShaderMaterial, type IUniform } from 'three';
import { injectFracture } from '../anatomy/fractureField';
import { LINE_INTEGRAL_BLENDING } from './lineIntegralBlending';

export interface AttenuationOptions {
  /** Excess linear attenuation over soft tissue, 1/mm; a uniform when several materials share one value. */
  mu: number | IUniform<number>;
  /** μ·thickness added at each surface crossing, divided by the ray's cosine (cortical shell); 0 for none. */
  shell: number;
  /** Deform like the treated vertebral body (shares the 3D material's uniforms). */
  fracture?: Record<string, IUniform>;
}

/**
 * Line integral of attenuation by depth peeling without peeling: drawn additively, each back face adds
 * μ·(distance from the source) and each front face subtracts it, so every pixel accumulates Σ μ·L along the
 * ray from the X-ray source (the camera) — gVirtualXRay's approach on closed meshes. Perspective camera =
 * cone-beam geometry.
 */
export function createAttenuationMaterial(options: AttenuationOptions): ShaderMaterial {
  const uniforms: Record<string, IUniform> = {
    uMu: typeof options.mu === 'number' ? { value: options.mu } : options.mu,
    uShell: { value: options.shell },
    ...(options.fracture ?? {}),
  };
  return new ShaderMaterial({
    uniforms,
    side: DoubleSide,
    ...LINE_INTEGRAL_BLENDING,
    vertexShader: (options.fracture ? injectFracture : (s: string) => s)(/* glsl */ `
      #include <common>
      varying vec3 vViewPosition;
      varying vec3 vViewNormal;
      void main() {
        #include <beginnormal_vertex>
        #include <defaultnormal_vertex>
        #include <begin_vertex>
        #include <project_vertex>
        vViewPosition = mvPosition.xyz;
        vViewNormal = transformedNormal;
      }
    `),
    fragmentShader: /* glsl */ `
      uniform float uMu;
      uniform float uShell;
      varying vec3 vViewPosition;
      varying vec3 vViewNormal;
      void main() {
        float distanceFromSource = length(vViewPosition);
        float cosine = abs(dot(normalize(vViewNormal), normalize(vViewPosition)));
        float path = gl_FrontFacing ? -distanceFromSource : distanceFromSource;
        gl_FragColor = vec4(uMu * path + uShell / max(cosine, 0.12), 0.0, 0.0, 1.0);
      }
    `,
  });
}
