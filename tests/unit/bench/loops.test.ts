import { describe, expect, it } from 'vitest';
import { LOOP_CHANGES } from '../../../bench/lib/loops';
import { OPTION_SCHEMA, type OptionKey } from '../../../src/options/optionSchema';

const byAttribute = new Map(
  (Object.keys(OPTION_SCHEMA) as OptionKey[]).map((key) => [
    OPTION_SCHEMA[key].attribute,
    OPTION_SCHEMA[key],
  ]),
);

describe('long-run option changes', () => {
  it('change level, several levels, grade, morphology, approach, complication, language and view', () => {
    const changed = new Set(LOOP_CHANGES.map(([name]) => name));
    for (const name of ['level', 'levels', 'grade', 'morphology', 'approach', 'complication', 'lang', 'view'])
      expect(changed, name).toContain(name);
    expect(LOOP_CHANGES.filter(([name]) => name === 'view').map(([, v]) => v)).toContain('compare');
  });

  it('use only values the schema accepts, each one actually a change', () => {
    const current = new Map<string, unknown>();
    for (const [name, value] of LOOP_CHANGES) {
      const spec = byAttribute.get(name);
      expect(spec, name).toBeDefined();
      const parsed = spec!.parse(value);
      expect(parsed, `${name}=${value}`).toBeDefined();
      expect(parsed, `${name}=${value} repeats the value before it`).not.toEqual(
        current.get(name) ?? spec!.default,
      );
      current.set(name, parsed);
    }
  });

  it('end every loop on the defaults, so that each loop starts from the same state', () => {
    const last = new Map(LOOP_CHANGES.map(([name, value]) => [name, value]));
    for (const [name, value] of last)
      expect(byAttribute.get(name)!.parse(value), name).toEqual(byAttribute.get(name)!.default);
  });
});
