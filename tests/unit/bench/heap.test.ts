import { describe, expect, it } from 'vitest';
import { heapComposition, heapKindGrowth, heapKinds, type HeapSnapshot } from '../../../bench/lib/heap';

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

describe('heap data by kind', () => {
  const types = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'native', 'number'];
  const t = (name: string) => types.indexOf(name);
  const strings = ['', 'Vector3', 'onChange', '(object elements)', 'Object', 'hello'];
  const s = (name: string) => strings.indexOf(name);
  const snapshot = (rows: [string, string, number][]): HeapSnapshot => ({
    snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size'], node_types: [types] } },
    nodes: rows.flatMap(([type, name, size], i) => [t(type), s(name), i + 1, size]),
    strings,
  });

  it('counts objects by constructor, closures by name, arrays by role and strings by type', () => {
    const kinds = heapKinds(
      snapshot([
        ['object', 'Vector3', 40],
        ['object', 'Vector3', 40],
        ['closure', 'onChange', 32],
        ['closure', '', 32],
        ['array', '(object elements)', 100],
        ['string', 'hello', 24],
        ['number', '', 16],
        ['code', 'onChange', 500],
        ['native', '', 9000],
      ]),
    );
    expect(Object.fromEntries(kinds)).toEqual({
      Vector3: { count: 2, bytes: 80 },
      'closure onChange': { count: 1, bytes: 32 },
      'closure (anonymous)': { count: 1, bytes: 32 },
      'array (object elements)': { count: 1, bytes: 100 },
      string: { count: 1, bytes: 24 },
      'heap number': { count: 1, bytes: 16 },
    });
  });

  it('lists the kinds that grew, largest growth first, new kinds included', () => {
    const before = heapKinds(
      snapshot([
        ['object', 'Vector3', 40],
        ['object', 'Object', 64],
        ['object', 'Object', 64],
        ['string', 'hello', 24],
      ]),
    );
    const after = heapKinds(
      snapshot([
        ['object', 'Vector3', 40],
        ['object', 'Vector3', 40],
        ['object', 'Object', 64],
        ['string', 'hello', 24],
        ['closure', 'onChange', 32],
        ['closure', 'onChange', 32],
      ]),
    );
    expect(heapKindGrowth(before, after)).toEqual([
      { kind: 'closure onChange', countDelta: 2, bytesDelta: 64 },
      { kind: 'Vector3', countDelta: 1, bytesDelta: 40 },
    ]);
    expect(heapKindGrowth(before, after, 1)).toHaveLength(1);
  });
});
