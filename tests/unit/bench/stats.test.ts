import { describe, expect, it } from 'vitest';
import { growthPct, median, newSamples, percentile, ratio, round } from '../../../bench/lib/stats';

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentile([10, 20], 95)).toBeCloseTo(19.5, 12);
  });

  it('gives the extremes at 0 and 100 and does not depend on order', () => {
    const values = [5, 1, 9, 3, 7];
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(9);
    expect(percentile([...values].reverse(), 25)).toBe(percentile(values, 25));
  });

  it('p95 of 1..100 lies between 95 and 96', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBeCloseTo(95.05, 10);
  });

  it('does not sort the caller’s array', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('is NaN for no samples and rejects percentiles outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('median of one value is that value', () => {
    expect(median([42])).toBe(42);
    expect(median([4, 1, 3])).toBe(3);
  });
});

describe('ratio, growth and rounding', () => {
  it('ratio is NaN when the denominator is 0 or a figure is missing', () => {
    expect(ratio(110, 100)).toBeCloseTo(1.1, 12);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 1)).toBeNaN();
  });

  it('growth is in percent of the first figure', () => {
    expect(growthPct(100, 105)).toBeCloseTo(5, 12);
    expect(growthPct(200, 150)).toBeCloseTo(-25, 12);
    expect(growthPct(0, 10)).toBeNaN();
  });

  it('rounds to the given decimals and passes NaN through', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(1.235, 1)).toBe(1.2);
    expect(round(Number.NaN)).toBeNaN();
  });
});

describe('newSamples (ring buffer of frame times)', () => {
  it('takes what was added since the earlier read', () => {
    expect(newSamples([1, 2, 3, 4, 5], 2, 8)).toEqual([3, 4, 5]);
    expect(newSamples([1, 2], 2, 8)).toEqual([]);
  });

  it('takes at most capacity − before once the ring is full', () => {
    expect(newSamples([1, 2, 3, 4], 1, 4)).toEqual([2, 3, 4]);
    expect(newSamples([1, 2, 3, 4], 4, 4)).toEqual([]);
  });
});
