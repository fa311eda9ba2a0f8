import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { BufferGeometry, Mesh } from 'three';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { createCutFaceShellMaterial } from './boneMaterial';
import type { BoneUniforms } from './boneUniforms';
import { CUT_CORTEX_MM, insetAlongNormals } from './corticalInset';
import { cutOpen } from './cutaway';
import { useSceneResources } from './useSceneResources';

/** CutFaceShellProps: the cut body's geometry and the uniforms of its material. */
export interface CutFaceShellProps {
  /** The body's surface, in the frame its mesh is drawn in. */
  geometry: BufferGeometry;
  /** The body material's uniforms (fracture heights, highlight, view-to-bone matrix), shared so both deform alike. */
  uniforms: BoneUniforms;
}

/**
 * The cortical shell and cancellous core of a cut bone (the vertebral body, the pedicle the cut runs along): the bone's surface moved inwards by the shell's
 * thickness, drawn only while the cutaway is open. Through the cut, the body's own inside faces show the cortical
 * rim and this shell's inside faces the cancellous bone, so every cut face has its cortex. It has no X-ray
 * material, so the X-ray pass leaves it out (the body already counts as bone there).
 */
export function CutFaceShell({ geometry, uniforms }: CutFaceShellProps) {
  const controller = useController();
  const { cutaway: enabled } = useSettings();
  const { cutaway } = useSceneResources();
  const mesh = useRef<Mesh>(null);
  const inset = useMemo(() => insetAlongNormals(geometry, CUT_CORTEX_MM), [geometry]);
  const material = useMemo(
    () => createCutFaceShellMaterial(uniforms, cutaway.plane, cutaway.hole),
    [uniforms, cutaway],
  );
  useEffect(() => () => inset.dispose(), [inset]);
  useEffect(() => () => material.dispose(), [material]);
  useFrame(() => {
    // Closed (or see-through when the cutaway is off), the body hides the shell: skip the draw call.
    if (mesh.current) mesh.current.visible = cutOpen(controller.state, enabled);
  });
  return <mesh ref={mesh} geometry={inset} material={material} visible={false} />;
}
