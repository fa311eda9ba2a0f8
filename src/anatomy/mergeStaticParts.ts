import { BufferGeometry, Matrix4, Mesh, type Object3D } from 'three';
import { mergeTransformedParts, type MergePart } from './mergeParts';
import { isContextBoneName, isOwnerName, isRibName, type MergedPartRange } from './partNames';

/** The bone (T1 … L5, S1) or disc node a mesh belongs to, or undefined. */
function ownerOf(object: Object3D): Object3D | undefined {
  for (let o: Object3D | null = object; o; o = o.parent) if (isOwnerName(o.name)) return o;
  return undefined;
}

/**
 * Bake every part into the root's frame and merge: all bone parts outside `excludeLevels` into one geometry, all
 * discs into another, and the context bones (ribs, also those of excluded levels, which take no part in the
 * treatment, and the iliac wings) into a third: three draw calls for the static spine. Add the results under
 * `root` (or anything with the same transform); the treated levels stay as separate, animatable meshes. All carry
 * position, normal and the
 * occlusion colour (`color`; white for a part the file gives none).
 */
export function mergeStaticParts(
  root: Object3D,
  excludeLevels: readonly string[],
): {
  bone: BufferGeometry;
  disc: BufferGeometry;
  context: BufferGeometry;
  /** Which vertices of `context` each context bone holds, in order. */
  contextParts: MergedPartRange[];
  /** Which vertices of `disc` each disc holds, by mesh name (`disc_T12_L1_mesh`). */
  discParts: MergedPartRange[];
} {
  root.updateMatrixWorld(true);
  const toRoot = new Matrix4().copy(root.matrixWorld).invert();
  const bone: MergePart[] = [];
  const disc: (MergePart & { name: string })[] = [];
  const context: (MergePart & { name: string })[] = [];
  root.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    const owner = ownerOf(object);
    if (!owner) return;
    const isDisc = owner.name.startsWith('disc_');
    if (!isDisc && excludeLevels.includes(owner.name) && !isRibName(object.name)) return;
    const part = {
      name: object.name,
      geometry: object.geometry as BufferGeometry,
      matrix: new Matrix4().multiplyMatrices(toRoot, object.matrixWorld),
    };
    (isDisc ? disc : isContextBoneName(object.name) ? context : bone).push(part);
  });
  return {
    bone: mergeTransformedParts(bone),
    disc: mergeTransformedParts(disc),
    context: mergeTransformedParts(context),
    contextParts: partRanges(context),
    discParts: partRanges(disc),
  };
}

/** Where each part's vertices lie once the parts are merged in order. */
function partRanges(parts: readonly (MergePart & { name: string })[]): MergedPartRange[] {
  let start = 0;
  return parts.map(({ geometry, name }) => {
    const count = geometry.getAttribute('position').count;
    start += count;
    return { name, start: start - count, count };
  });
}
