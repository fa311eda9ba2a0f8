import type { CDPSession } from 'playwright-core';

export interface HeapFigures {
  /** Bytes V8 reports as used (includes compiled code, which grows as the JIT warms up). */
  usedBytes: number;
  /** Count and self size of JS objects, closures and arrays: what a leak would grow. */
  objects: number;
  objectBytes: number;
}

/** Collect garbage, then measure the heap and count live objects from a heap snapshot. */
export async function heapFigures(cdp: CDPSession): Promise<HeapFigures> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let objects = 0;
  let objectBytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = typeNames[snapshot.nodes[i + typeAt]!];
    if (type === 'object' || type === 'closure' || type === 'array') {
      objects++;
      objectBytes += snapshot.nodes[i + sizeAt]!;
    }
  }
  return { usedBytes: usage.usedSize, objects, objectBytes };
}
