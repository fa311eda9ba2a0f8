import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { VERTEBRA_PART_NAMES } from '../../../src/anatomy/vertebraParts';
import { archLook, createArchLook, PEDICLE_PART } from '../../../src/scene/archLook';
import { stepMoments } from '../support/stepMoments';

describe('the arch at access: the pedicles stand out around the needles', () => {
  it('names exactly the two pedicles of every level', () => {
    for (const level of LEVEL_IDS) {
      const pedicles = VERTEBRA_PART_NAMES.map((part) => `${level}_${part}`).filter((n) =>
        PEDICLE_PART.test(n),
      );
      expect(pedicles).toEqual([`${level}_pedicle_left`, `${level}_pedicle_right`]);
    }
    expect(PEDICLE_PART.test('L1_body')).toBe(false);
    expect(PEDICLE_PART.test('T12_rib_left')).toBe(false);
  });

  it('at access the pedicles carry the highlight in the section, the rest of the arch none; elsewhere all alike', () => {
    const look = createArchLook();
    let accessSeen = 0;
    for (const { procedure, step, state } of stepMoments(0.7)) {
      archLook(state, look);
      const where = `${procedure} ${step.definition.id}`;
      if (step.definition.id === 'access') {
        accessSeen++;
        expect(look.pedicleHighlight, where).toBe(1);
        expect(look.archHighlight, where).toBeLessThan(0.1);
      } else {
        expect(look.pedicleHighlight, where).toBeCloseTo(look.archHighlight, 9);
        expect(look.pedicleHighlight, where).toBeCloseTo(state.highlight, 9);
      }
    }
    expect(accessSeen).toBe(2);
  });
});
