import type { CDPSession } from 'playwright-core';

/** The part of a V8 heap snapshot this benchmark reads. */
export interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
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

/** Sum a snapshot's node self sizes into JS data and compiled code. */
export function heapComposition(snapshot: HeapSnapshot): HeapComposition {
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let dataBytes = 0;
  let codeBytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = typeNames[snapshot.nodes[i + typeAt]!];
    const size = snapshot.nodes[i + sizeAt]!;
    if (type === 'code') codeBytes += size;
    else if (type !== undefined && DATA_TYPES.has(type)) dataBytes += size;
  }
  return { dataBytes, codeBytes };
}

/** Take a heap snapshot through CDP (after the caller's garbage collection) and split it into data and code. */
export async function takeHeapComposition(cdp: CDPSession): Promise<HeapComposition> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return heapComposition(JSON.parse(chunks.join('')) as HeapSnapshot);
}
