import { mergeArrays, type MergedArrays, type MergeSource } from './mergeArrays';
import { isContextBoneName, isOwnerName, isRibName, type MergedPartRange } from './partNames';
import type { DecodedPrimitive, DecodedSpine } from './spineGlbDecode';
import { composeMatrix } from './spineGlbBake';

/**
 * The static spine merged from the decoded model, without three.js: what mergeStaticParts.ts makes
 * from the three.js tree, number for number (tested), done by the decoding worker for the levels the viewer opens
 * on, so that the page only wraps the arrays when the model arrives.
 */
export interface StaticMergeArrays {
  /** The treated levels left out, joined by commas (StaticSpine's key). */
  excluded: string;
  bone: MergedArrays;
  disc: MergedArrays;
  context: MergedArrays;
  contextParts: MergedPartRange[];
  discParts: MergedPartRange[];
}

/** Matrix4.multiplyMatrices(a, b), column-major, in three.js's order of operations. */
function multiply(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(16);
  for (let c = 0; c < 4; c++)
    for (let r = 0; r < 4; r++)
      out[4 * c + r] =
        a[r]! * b[4 * c]! +
        a[4 + r]! * b[4 * c + 1]! +
        a[8 + r]! * b[4 * c + 2]! +
        a[12 + r]! * b[4 * c + 3]!;
  return out;
}

type NamedSource = MergeSource & { name: string };

function source(name: string, primitive: DecodedPrimitive, matrix: number[]): NamedSource {
  const { position, normal, color } = primitive.attributes;
  return {
    name,
    positions: position!.array as Float32Array,
    normals: normal?.array as Float32Array | undefined,
    colors: color?.array as Uint8Array | undefined,
    index: primitive.index?.array,
    matrix,
  };
}

function ranges(parts: readonly NamedSource[]): MergedPartRange[] {
  let start = 0;
  return parts.map(({ name, positions }) => {
    const count = positions.length / 3;
    start += count;
    return { name, start: start - count, count };
  });
}

/** The arrays' buffers, to transfer from the worker. */
export function staticMergeBuffers(merged: StaticMergeArrays): ArrayBuffer[] {
  return [merged.bone, merged.disc, merged.context].flatMap((m) =>
    [m.positions, m.normals, m.colors, m.index].map((a) => a.buffer as ArrayBuffer),
  );
}

/**
 * Every part outside `excludeLevels` (ribs always in) moved into the scene's frame and merged: bone, discs and
 * context bones, in the order three.js's traverse visits the tree spineGlb.ts builds (a node, its primitives' meshes,
 * then its children).
 */
export function mergeStaticArrays(
  decoded: DecodedSpine,
  excludeLevels: readonly string[],
): StaticMergeArrays {
  const bone: NamedSource[] = [];
  const disc: NamedSource[] = [];
  const context: NamedSource[] = [];
  const visit = (index: number, parentWorld: number[], parentOwner: string | undefined) => {
    const def = decoded.nodes[index]!;
    const name = def.name ?? '';
    // A one-primitive node had its transform baked into the vertices; a group of several keeps it.
    const world = multiply(
      parentWorld,
      def.matrix ?? composeMatrix(def.translation, def.rotation, def.scale),
    );
    const owner = isOwnerName(name) ? name : parentOwner;
    const primitives = def.primitives ?? [];
    primitives.forEach((primitive, i) => {
      const meshName = primitives.length === 1 ? name : `${def.meshName}_${i}`;
      const meshOwner = isOwnerName(meshName) ? meshName : owner;
      if (meshOwner === undefined) return;
      const isDisc = meshOwner.startsWith('disc_');
      if (!isDisc && excludeLevels.includes(meshOwner) && !isRibName(meshName)) return;
      const part = source(meshName, primitive, world);
      (isDisc ? disc : isContextBoneName(meshName) ? context : bone).push(part);
    });
    for (const child of def.children) visit(child, world, owner);
  };
  const identity = composeMatrix();
  for (const index of decoded.scene.nodes) visit(index, identity, undefined);
  return {
    excluded: excludeLevels.join(','),
    bone: mergeArrays(bone),
    disc: mergeArrays(disc),
    context: mergeArrays(context),
    contextParts: ranges(context),
    discParts: ranges(disc),
  };
}
