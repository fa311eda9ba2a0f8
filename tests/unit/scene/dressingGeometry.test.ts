import { describe, expect, it } from 'vitest';
import { DRESSING, dressingGeometry } from '../../../src/scene/dressingGeometry';

describe('the island dressing over each needle site', () => {
  const { border, pad } = dressingGeometry();
  border.computeBoundingBox();
  pad.computeBoundingBox();
  const b = border.boundingBox!;
  const p = pad.boundingBox!;

  it('is a plaster of its stated size lying on the skin, its thickness along +Y', () => {
    expect(b.min.y).toBeCloseTo(0, 6);
    expect(b.max.y).toBeCloseTo(DRESSING.borderThicknessMm, 6);
    expect(b.max.x - b.min.x).toBeCloseTo(DRESSING.widthMm, 6);
    expect(b.max.z - b.min.z).toBeCloseTo(DRESSING.lengthMm, 6);
  });

  it('holds a raised gauze pad inside its adhesive border', () => {
    expect(p.min.y).toBeGreaterThanOrEqual(DRESSING.borderThicknessMm - 1e-6);
    expect(p.max.y).toBeGreaterThan(b.max.y + 1);
    expect(p.max.x - p.min.x).toBeCloseTo(DRESSING.padWidthMm, 6);
    expect(p.min.x).toBeGreaterThan(b.min.x + 5);
    expect(p.max.z).toBeLessThan(b.max.z - 5);
  });
});
