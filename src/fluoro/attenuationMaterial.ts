import { DoubleSide, ShaderMaterial, type IUniform } from 'three';
import { injectFracture } from '../anatomy/fractureField';
import { LINE_INTEGRAL_BLENDING } from './lineIntegralBlending';
import { BONE_REGION_GLSL, type BoneRegionUniforms } from './boneRegions';

export interface AttenuationOptions {
  /** Excess linear attenuation over soft tissue, 1/mm; a uniform when several materials share one value. */
  mu: number | IUniform<number>;
  /** Cortical shell thickness (mm) and its excess μ (1/mm) at each surface crossing; omit for none. */
  shell?: { thicknessMm: number; mu: number };
  /**
   * Shell thickness by region instead: vertebral bodies thin, everything else (posterior elements, ribs, pelvis)
   * thick, told apart by where each vertex lies against the spine's bodies.
   */
  regions?: { bodyMm: number; elsewhereMm: number; mu: number; frames: BoneRegionUniforms };
  /** Deform like the treated vertebral body (shares the 3D material's uniforms). */
  fracture?: Record<string, IUniform>;
}

/**
 * Typical radius of curvature of a bone surface (mm): it bounds a grazing ray's path through the shell. 6 mm suits
 * the processes, pedicles and the bodies' rounded rims, where grazing rays meet the cortex.
 */
const SURFACE_RADIUS_MM = 6;

/**
 * Line integral of attenuation by depth peeling without peeling: drawn additively, each back face adds
 * μ·(distance from the source) and each front face subtracts it, so every pixel accumulates Σ μ·L along the
 * ray from the X-ray source (the camera) — gVirtualXRay's approach on closed meshes. Perspective camera =
 * cone-beam geometry. A cortical shell of thickness t adds μ_c·t/cosθ at each crossing, capped at the longest
 * chord a ray can take through a shell on a surface of radius R, 2√(2Rt) (so cos θ ≥ √(t/8R)): the edge
 * enhancement of a real cortex, not a drawn outline.
 */
export function createAttenuationMaterial(options: AttenuationOptions): ShaderMaterial {
  const shell = options.shell ?? { thicknessMm: 0, mu: 0 };
  const uniforms: Record<string, IUniform> = {
    uMu: typeof options.mu === 'number' ? { value: options.mu } : options.mu,
    uShellMu: { value: options.regions ? options.regions.mu : shell.mu },
    uShellBody: { value: options.regions ? options.regions.bodyMm : shell.thicknessMm },
    uShellElsewhere: { value: options.regions ? options.regions.elsewhereMm : shell.thicknessMm },
    ...(options.regions ? options.regions.frames : {}),
    ...(options.fracture ?? {}),
  };
  const regions = options.regions !== undefined;
  return new ShaderMaterial({
    uniforms,
    side: DoubleSide,
    ...LINE_INTEGRAL_BLENDING,
    vertexShader: (options.fracture ? injectFracture : (s: string) => s)(/* glsl */ `
      #include <common>
      uniform float uShellBody;
      uniform float uShellElsewhere;
      ${regions ? BONE_REGION_GLSL : ''}
      varying vec3 vViewPosition;
      varying vec3 vViewNormal;
      varying float vShell;
      void main() {
        #include <beginnormal_vertex>
        #include <defaultnormal_vertex>
        #include <begin_vertex>
        #include <project_vertex>
        vViewPosition = mvPosition.xyz;
        vViewNormal = transformedNormal;
        ${regions ? 'vShell = spvInVertebralBody((modelMatrix * vec4(transformed, 1.0)).xyz) ? uShellBody : uShellElsewhere;' : 'vShell = uShellBody;'}
      }
    `),
    fragmentShader: /* glsl */ `
      uniform float uMu;
      uniform float uShellMu;
      varying vec3 vViewPosition;
      varying vec3 vViewNormal;
      varying float vShell;
      void main() {
        float distanceFromSource = length(vViewPosition);
        float cosine = abs(dot(normalize(vViewNormal), normalize(vViewPosition)));
        float path = gl_FrontFacing ? -distanceFromSource : distanceFromSource;
        float grazing = sqrt(max(vShell, 1e-3) / ${(8 * SURFACE_RADIUS_MM).toFixed(1)});
        gl_FragColor = vec4(uMu * path + uShellMu * vShell / max(cosine, grazing), 0.0, 0.0, 1.0);
      }
    `,
  });
}
