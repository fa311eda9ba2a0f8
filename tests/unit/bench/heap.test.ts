import { describe, expect, it } from 'vitest';
import { heapComposition, type HeapSnapshot } from '../../../bench/lib/heap';

describe('heap composition', () => {
  it('sums self sizes into JS data and compiled code, leaving out native and hidden nodes', () => {
    const types = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'native', 'number'];
    const t = (name: string) => types.indexOf(name);
    // node_fields: type, name, id, self_size, edge_count
    const nodes = [
      [t('object'), 0, 1, 100, 0],
      [t('array'), 0, 2, 40, 0],
      [t('closure'), 0, 3, 32, 0],
      [t('string'), 0, 4, 24, 0],
      [t('number'), 0, 5, 16, 0],
      [t('code'), 0, 6, 500, 0],
      [t('code'), 0, 7, 300, 0],
      [t('native'), 0, 8, 9000, 0],
      [t('hidden'), 0, 9, 70, 0],
    ].flat();
    const snapshot: HeapSnapshot = {
      snapshot: {
        meta: { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [types] },
      },
      nodes,
    };
    expect(heapComposition(snapshot)).toEqual({ dataBytes: 212, codeBytes: 800 });
  });

  it('an empty snapshot has nothing', () => {
    const snapshot: HeapSnapshot = {
      snapshot: { meta: { node_fields: ['type', 'self_size'], node_types: [['object']] } },
      nodes: [],
    };
    expect(heapComposition(snapshot)).toEqual({ dataBytes: 0, codeBytes: 0 });
  });
});
