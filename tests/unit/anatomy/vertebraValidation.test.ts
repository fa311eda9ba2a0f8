import { describe, expect, it } from 'vitest';
import { buildVertebra } from '../../../src/anatomy/buildVertebra';
import { levelDimensions, type LevelDimensions } from '../../../src/anatomy/morphometry';

const broken = (base: LevelDimensions, field: string, value: unknown): LevelDimensions =>
  ({ ...base, [field]: value }) as unknown as LevelDimensions;

describe('vertebra generator input validation', () => {
  const l1 = levelDimensions('L1');
  const t7 = levelDimensions('T7');

  const cases: [string, number | undefined, string][] = [
    ['endplateWidthMm', undefined, 'missing'],
    ['bodyHeightAnteriorMm', Number.NaN, 'NaN'],
    ['pedicleWidthMm', -4, 'negative'],
    ['canalDepthMm', 0, 'zero'],
    ['pedicleAngleDeg', Number.POSITIVE_INFINITY, 'infinite'],
  ];
  it.each(cases)('names the level and the field when %s is %s (%s)', (field, value) => {
    expect(() => buildVertebra(broken(l1, field, value))).toThrow(new RegExp(`\\bL1\\b.*\\b${field}\\b`));
  });

  it('requires the thoracic-only measurements on thoracic levels', () => {
    expect(() => buildVertebra(broken(t7, 'spinousProcessAngleDeg', null))).toThrow(
      /T7.*spinousProcessAngleDeg/,
    );
    expect(() => buildVertebra(broken(t7, 'transverseProcessLengthMm', Number.NaN))).toThrow(
      /T7.*transverseProcessLengthMm/,
    );
  });

  it('requires the transverse process projection on lumbar levels', () => {
    expect(() => buildVertebra(l1, Number.NaN)).toThrow(/L1.*transverseProcessProjectionMm/);
  });

  it('rejects an unknown level', () => {
    expect(() => buildVertebra(broken(l1, 'level', 'C7'))).toThrow(/C7/);
  });
});
