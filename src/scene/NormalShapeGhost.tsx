import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { MeshBasicMaterial, type BufferGeometry, type Mesh } from 'three';
import { useController } from '../playback/react/viewerHooks';
import type { BodyHeights } from '../procedure/fracture';
import type { ProcedureState } from '../procedure/procedureState';
import { FRACTURE_GLSL } from '../anatomy/fractureField';
import type { BoneUniforms } from './boneUniforms';
import { palette } from './palette';

/** NormalShapeGhostProps: the treated body's undeformed surface and where its heights are read. */
export interface NormalShapeGhostProps {
  /** The body's surface as modelled (before the fracture shader lowers it), in the frame its mesh is drawn in. */
  geometry: BufferGeometry;
  /** Its place in the treated levels (the frame's entry for it says how far it has sunk). */
  levelIndex: number;
  /** The body's heights before the fracture (mm). */
  normal: Readonly<BodyHeights>;
  /** The treated body's fracture uniforms (heights, half extent, anchor): the veil shows where the bone is not. */
  fracture: NormalShapeFracture;
}

/** How strongly the outline of the normal shape shows at full highlight; its faces barely (createNormalShapeMaterial). */
export const NORMAL_SHAPE_OPACITY = 0.85;
/** Below this much lost height (a share of the normal height) there is nothing to show. */
const LOST_MIN = 0.02;

/**
 * How much of the veil a moment shows (0–1): the highlight (1 at the overview, blending in and out with the
 * camera), but only over an opaque, whole bone. Where the body turns see-through (the result) or is cut open
 * (along a needle inside it, across the spine at access), a veil would tint the whole body instead of showing
 * what it lost.
 */
export function normalShapeShown(
  state: Pick<ProcedureState, 'highlight' | 'seeThrough' | 'insideView' | 'axialCut'>,
): number {
  return state.highlight * (1 - state.seeThrough) * (1 - Math.max(state.insideView, state.axialCut));
}

/**
 * The veil's opacity: NORMAL_SHAPE_OPACITY scaled by how much the moment shows it (normalShapeShown), nothing
 * where the body has lost (almost) no height at any wall — before the fracture is shown, or after the height is
 * back.
 */
export function normalShapeOpacity(
  heights: Readonly<BodyHeights>,
  normal: Readonly<BodyHeights>,
  shown: number,
): number {
  const kept = Math.min(
    heights.anteriorMm / normal.anteriorMm,
    heights.middleMm / normal.middleMm,
    heights.posteriorMm / normal.posteriorMm,
  );
  return 1 - kept > LOST_MIN ? NORMAL_SHAPE_OPACITY * shown : 0;
}

/**
 * Keeps the veil only where the normal shape lies outside the sunken body: above its superior endplate (or below
 * its inferior one), worked out from the same fracture field the bone's vertex shader moves it by. A point of the
 * normal side wall at height y is outside when y is past the endplate's new height over that column: the rim's
 * normal height (half the wall height, front to back) moved as deformedY moves it.
 */
const GHOST_FRAGMENT = /* glsl */ `{
vec3 q = vGhost;
float a = uFractureAnchor;
float u = clamp(q.z / uBodyHalfExtent.y, -1.0, 1.0);
float r = mix(uNormalRim.x, uNormalRim.y, 0.5 * u + 0.5);
float s = fractureHeightScale(u, q.x / uBodyHalfExtent.x, uFractureHeights);
if (q.y < a + (r - a) * s + 0.3 && q.y > a - (r + a) * s - 0.3) discard;
}`;

/** The fracture uniforms the veil reads (shared with the treated body's material). */
export type NormalShapeFracture = Pick<
  BoneUniforms,
  'uFractureHeights' | 'uBodyHalfExtent' | 'uFractureAnchor'
>;

/**
 * The veil's material: the highlight colour, strongest where its surface turns away from the view (the outline of
 * the normal shape: its upper edge where the top used to be), faint across the faces, and only where the bone is
 * not (GHOST_FRAGMENT). One program for every viewer (ShaderWarmup compiles it before the first frame).
 */
export function createNormalShapeMaterial(
  fracture: NormalShapeFracture,
  normal: Readonly<BodyHeights>,
): MeshBasicMaterial {
  const veil = new MeshBasicMaterial({
    color: palette.highlight,
    transparent: true,
    opacity: 0,
    // No depth test (and so no depth write): drawn over whatever fills the lost part; front faces only.
    depthTest: false,
  });
  veil.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, fracture, {
      uNormalRim: { value: [normal.posteriorMm / 2, normal.anteriorMm / 2] },
    });
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nvarying vec3 vGhost;\nvarying float vEdge;')
      .replace('#include <begin_vertex>', '#include <begin_vertex>\nvGhost = position;')
      .replace(
        '#include <project_vertex>',
        '#include <project_vertex>\nvEdge = 1.0 - abs(dot(normalize(normalMatrix * normal), normalize(mvPosition.xyz)));',
      );
    shader.fragmentShader = shader.fragmentShader
      .replace(
        '#include <common>',
        `#include <common>\nvarying vec3 vGhost;\nvarying float vEdge;\nuniform vec2 uNormalRim;\n${FRACTURE_GLSL}`,
      )
      .replace(
        '#include <clipping_planes_fragment>',
        `#include <clipping_planes_fragment>\n${GHOST_FRAGMENT}\ndiffuseColor.a *= mix(0.12, 1.0, smoothstep(0.45, 0.85, vEdge));`,
      );
  };
  return veil;
}

/**
 * The broken body's normal shape, as a pale veil in the highlight colour while the treated bone is highlighted
 * and opaque (the overview; faintly while targeting): only the height that was lost shows. The disc above sinks
 * into that space with the endplate (discFollow.ts), so the veil is drawn over whatever fills it (no depth test),
 * and the shader keeps it to the lost part alone. A shaded vertebra of normal outline with the fractured one
 * inside it is how a patient sees "it has sunk down" in 3D, as the lateral X-ray shows the wedge. Only the 3D view
 * draws it: it has no X-ray material.
 */
export function NormalShapeGhost({ geometry, levelIndex, normal, fracture }: NormalShapeGhostProps) {
  const controller = useController();
  const mesh = useRef<Mesh>(null);
  // Read into once per frame, not allocated per frame.
  const heights = useMemo<BodyHeights>(() => ({ anteriorMm: 0, middleMm: 0, posteriorMm: 0 }), []);
  const material = useMemo(() => createNormalShapeMaterial(fracture, normal), [fracture, normal]);
  useEffect(() => () => material.dispose(), [material]);
  useFrame(() => {
    const s = controller.state;
    const own = s.levels[levelIndex] ?? s;
    heights.anteriorMm = own.anteriorHeightMm;
    heights.middleMm = own.middleHeightMm;
    heights.posteriorMm = own.posteriorHeightMm;
    material.opacity = normalShapeOpacity(heights, normal, normalShapeShown(s));
    if (mesh.current) mesh.current.visible = material.opacity > 0.005;
  });
  return <mesh ref={mesh} geometry={geometry} material={material} visible={false} renderOrder={1} />;
}
