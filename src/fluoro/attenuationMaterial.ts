import { DoubleSide, ShaderMaterial, type IUniform } from 'three';
import { injectFracture } from '../anatomy/fractureField';
import { SPINOUS_HALF_WIDTH_MM } from './attenuation';
import { C_ARM } from './cArmGeometry';
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
  regions?: {
    bodyMm: number;
    elsewhereMm: number;
    /** The spinous processes (midline bone outside the bodies): thicker cortex, plate-like walls. */
    spinousMm: number;
    mu: number;
    frames: BoneRegionUniforms;
  };
  /** Deform like the treated vertebral body (shares the 3D material's uniforms). */
  fracture?: Record<string, IUniform>;
  /**
   * Cancellous bone: also write its own μ·L to the target's blue channel, so the display can give the projected
   * trabecular lattice its texture there (and only there).
   */
  trabecular?: boolean;
  /**
   * Scale each surface crossing's cortical shell by the vertex attribute XRAY_FADE_ATTRIBUTE (0–1): the cut ends
   * of bones the model holds only in part fade out instead of ending in a bright outline. The interior's μ·L is
   * left whole (scaled per face, its entries and exits would no longer cancel).
   */
  shellFade?: boolean;
}

/** The vertex attribute (0–1) that scales the cortical shell of a material made with `shellFade`. */
export const XRAY_FADE_ATTRIBUTE = 'xrayFade';

/**
 * Typical radius of curvature of a bone surface (mm): it bounds a grazing ray's path through the shell. 6 mm suits
 * the vertebral bodies' rounded rims and the pedicles' rings, where grazing rays meet the cortex.
 */
export const SURFACE_RADIUS_MM = 6;
/**
 * The spinous process's sides are broad, nearly flat plates, so a ray running along one stays in its cortex far
 * longer than on a body's rim: the spinous process's "teardrop" on AP comes from such tangential paths.
 */
export const PLATE_RADIUS_MM = 12;

/**
 * Path (mm) of a ray through a cortical shell of thickness t that it crosses at angle θ to the surface normal, on a
 * surface of radius R: t/cos θ, bounded smoothly by the chord that just grazes the shell's inner face, 2√(2Rt)
 * (t/√(cos²θ + t/8R)). The GLSL of `createAttenuationMaterial` computes the same.
 */
export function shellPathMm(thicknessMm: number, cosine: number, radiusMm: number): number {
  const grazing2 = thicknessMm / (8 * radiusMm);
  return thicknessMm / Math.sqrt(cosine * cosine + grazing2);
}

/**
 * Line integral of attenuation by depth peeling without peeling: drawn additively, each back face adds
 * μ·(distance from the source) and each front face subtracts it, so every pixel accumulates Σ μ·L along the
 * ray from the X-ray source (the camera) — gVirtualXRay's approach on closed meshes. Perspective camera =
 * cone-beam geometry. A cortical shell of thickness t adds μ_c·t/cosθ at each crossing, capped at the longest
 * chord a ray can take through a shell on a surface of radius R, 2√(2Rt) (so cos θ ≥ √(t/8R)): the edge
 * enhancement of a real cortex, not a drawn outline. R is the rims' radius everywhere but on the spinous processes'
 * flatter walls (see `PLATE_RADIUS_MM`).
 */
export function createAttenuationMaterial(options: AttenuationOptions): ShaderMaterial {
  const shell = options.shell ?? { thicknessMm: 0, mu: 0 };
  const uniforms: Record<string, IUniform> = {
    uMu: typeof options.mu === 'number' ? { value: options.mu } : options.mu,
    uShellMu: { value: options.regions ? options.regions.mu : shell.mu },
    uShellBody: { value: options.regions ? options.regions.bodyMm : shell.thicknessMm },
    uShellElsewhere: { value: options.regions ? options.regions.elsewhereMm : shell.thicknessMm },
    uShellSpinous: { value: options.regions ? options.regions.spinousMm : shell.thicknessMm },
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
      uniform float uShellSpinous;
      ${regions ? BONE_REGION_GLSL : ''}
      varying vec3 vViewPosition;
      varying vec3 vViewNormal;
      varying float vShell;
      varying float vRadius;
      ${options.shellFade ? `attribute float ${XRAY_FADE_ATTRIBUTE};` : ''}
      void main() {
        #include <beginnormal_vertex>
        #include <defaultnormal_vertex>
        #include <begin_vertex>
        #include <project_vertex>
        vViewPosition = mvPosition.xyz;
        vViewNormal = transformedNormal;
        ${
          regions
            ? `vec3 world = (modelMatrix * vec4(transformed, 1.0)).xyz;
               bool inBody = spvInVertebralBody(world);
               bool spinous = !inBody && abs(world.x) < ${SPINOUS_HALF_WIDTH_MM.toFixed(1)};
               vShell = inBody ? uShellBody : spinous ? uShellSpinous : uShellElsewhere;
               vRadius = spinous ? ${PLATE_RADIUS_MM.toFixed(1)} : ${SURFACE_RADIUS_MM.toFixed(1)};`
            : `vShell = uShellBody; vRadius = ${SURFACE_RADIUS_MM.toFixed(1)};`
        }
        ${options.shellFade ? `vShell *= ${XRAY_FADE_ATTRIBUTE};` : ''}
      }
    `),
    fragmentShader: /* glsl */ `
      uniform float uMu;
      uniform float uShellMu;
      varying vec3 vViewPosition;
      varying vec3 vViewNormal;
      varying float vShell;
      varying float vRadius;
      void main() {
        float distanceFromSource = length(vViewPosition);
        float cosine = abs(dot(normalize(vViewNormal), normalize(vViewPosition)));
        // Measured from the isocentre's distance: the constant cancels between a closed solid's entries and exits,
        // and the smaller numbers keep the float target's sums exact to well under a micron of steel.
        float fromIsocentre = distanceFromSource - ${C_ARM.sourceToIsocentreMm.toFixed(1)};
        float path = gl_FrontFacing ? -fromIsocentre : fromIsocentre;
        // t / cos θ never exceeds the grazing chord 2√(2Rt): cos θ ≥ √(t/8R). The bound is taken smoothly
        // (√(cos² + g²) rather than max), so the faceted normals of a mesh near grazing do not flicker the outline.
        float grazing = sqrt(max(vShell, 1e-3) / (8.0 * vRadius));
        float interior = uMu * path;
        gl_FragColor = vec4(interior + uShellMu * vShell * inversesqrt(cosine * cosine + grazing * grazing), 0.0, ${
          options.trabecular ? 'interior' : '0.0'
        }, 1.0);
      }
    `,
  });
}
