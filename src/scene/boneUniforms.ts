import { Color, Matrix4 } from 'three';
import { palette } from './palette';

/** The uniforms every bone material adds to three.js's standard ones (boneMaterial.ts); shared where parts move together. */
export interface BoneUniforms {
  uFractureHeights: { value: [number, number, number] };
  uBodyHalfExtent: { value: [number, number] };
  /** The height (mm) the fracture leaves in place (fractureAnchorMm). */
  uFractureAnchor: { value: number };
  uHighlight: { value: number };
  uHighlightColor: { value: Color };
  /** Inverse model-view matrix of the mesh being drawn (set before each draw): cut-plane points into its frame. */
  uViewToBone: { value: Matrix4 };
  /** View space into the unit sphere of the balloon's hollow on the cut (set before each draw; cutFaceGlsl.ts). */
  uCavityFromView: { value: Matrix4 };
  /** 1 while that hollow is there: the cap is open over it. */
  uCavityOn: { value: number };
  /** How far past the cut plane (mm) a face still stands for the cap: about the bone's thickness across the cut. */
  uCapReach: { value: number };
  /** 1 on the treated vertebra: see-through, it keeps its outline (SEE_THROUGH_EDGES); 0 on fading context bones. */
  uSeeThroughEdges: { value: number };
  /** 1 on the intervertebral discs: the annulus's look instead of bone's (they share the uncut bone's program). */
  uDisc: { value: number };
}

export function createBoneUniforms(): BoneUniforms {
  return {
    uFractureHeights: { value: [1, 1, 1] },
    uBodyHalfExtent: { value: [20, 15] },
    uFractureAnchor: { value: 0 },
    uHighlight: { value: 0 },
    uHighlightColor: { value: palette.highlight.clone() },
    uViewToBone: { value: new Matrix4() },
    uCavityFromView: { value: new Matrix4() },
    uCavityOn: { value: 0 },
    uCapReach: { value: 1e4 },
    uSeeThroughEdges: { value: 0 },
    uDisc: { value: 0 },
  };
}
