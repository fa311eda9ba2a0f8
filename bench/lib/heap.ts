import type { CDPSession } from 'playwright-core';

/** The part of a V8 heap snapshot this benchmark reads. */
export interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  /** Node names (constructor and function names, string contents) by index; needed for `heapKinds`. */
  strings?: string[];
}

/** Node types that are the page's own JS data (what a leak grows). */
const DATA_TYPES = new Set([
  'object',
  'array',
  'closure',
  'string',
  'concatenated string',
  'sliced string',
  'number',
  'regexp',
  'symbol',
  'bigint',
]);

export interface HeapComposition {
  /** Self size of JS objects, arrays, closures, strings and numbers. */
  dataBytes: number;
  /** Self size of compiled code, bytecode and feedback (grows while the JIT warms up; V8 may flush it). */
  codeBytes: number;
}

/** Count and self size of one kind of JS data in a snapshot. */
export interface HeapKind {
  count: number;
  bytes: number;
}

/** How one kind of JS data changed between two snapshots. */
export interface HeapKindGrowth {
  kind: string;
  countDelta: number;
  bytesDelta: number;
}

/**
 * The kind a data node is counted under: objects by constructor (`Vector3`, `Object`, `Array`), closures by
 * function name, V8's internal arrays by their role (`(object elements)`), strings and numbers by type only (their
 * names are their contents).
 */
function kindOf(type: string, name: string): string {
  switch (type) {
    case 'object':
      return name || '(anonymous object)';
    case 'closure':
      return `closure ${name || '(anonymous)'}`;
    case 'array':
      return `array ${name || '(unnamed)'}`;
    case 'number':
      return 'heap number';
    default:
      return type;
  }
}

function walk(
  snapshot: HeapSnapshot,
  visit: (type: string | undefined, nameIndex: number, size: number) => void,
) {
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    visit(typeNames[snapshot.nodes[i + typeAt]!], snapshot.nodes[i + nameAt]!, snapshot.nodes[i + sizeAt]!);
  }
}

/** Sum a snapshot's node self sizes into JS data and compiled code. */
export function heapComposition(snapshot: HeapSnapshot): HeapComposition {
  let dataBytes = 0;
  let codeBytes = 0;
  walk(snapshot, (type, _name, size) => {
    if (type === 'code') codeBytes += size;
    else if (type !== undefined && DATA_TYPES.has(type)) dataBytes += size;
  });
  return { dataBytes, codeBytes };
}

/** Count and self size of the snapshot's JS data by kind (see `kindOf`). */
export function heapKinds(snapshot: HeapSnapshot): Map<string, HeapKind> {
  const strings = snapshot.strings ?? [];
  const kinds = new Map<string, HeapKind>();
  walk(snapshot, (type, nameIndex, size) => {
    if (type === undefined || !DATA_TYPES.has(type)) return;
    const kind = kindOf(type, strings[nameIndex] ?? '');
    const k = kinds.get(kind);
    if (k) {
      k.count++;
      k.bytes += size;
    } else kinds.set(kind, { count: 1, bytes: size });
  });
  return kinds;
}

/** The `limit` kinds whose self size grew most from `before` to `after` (growth > 0 only), largest first. */
export function heapKindGrowth(
  before: ReadonlyMap<string, HeapKind>,
  after: ReadonlyMap<string, HeapKind>,
  limit = 10,
): HeapKindGrowth[] {
  const out: HeapKindGrowth[] = [];
  for (const [kind, a] of after) {
    const b = before.get(kind) ?? { count: 0, bytes: 0 };
    if (a.bytes > b.bytes) out.push({ kind, countDelta: a.count - b.count, bytesDelta: a.bytes - b.bytes });
  }
  return out.sort((x, y) => y.bytesDelta - x.bytesDelta || x.kind.localeCompare(y.kind)).slice(0, limit);
}

/** One heap snapshot, reduced to what the benchmark reports. */
export interface HeapReading extends HeapComposition {
  kinds: Map<string, HeapKind>;
}

/**
 * Collect garbage, take a heap snapshot through CDP and reduce it to JS data, compiled code and data by kind. The
 * explicit collections make the figure stable: what is left is what the page still holds.
 */
export async function takeHeapComposition(cdp: CDPSession): Promise<HeapReading> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snapshot = JSON.parse(chunks.join('')) as HeapSnapshot;
  return { ...heapComposition(snapshot), kinds: heapKinds(snapshot) };
}
