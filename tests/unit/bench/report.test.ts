import { describe, expect, it } from 'vitest';
import { BUDGETS, type Budget } from '../../../bench/budgets';
import {
  budgetRow,
  evaluateBudgets,
  failedBudgets,
  formatBudget,
  formatTable,
  formatValue,
  groupDigits,
} from '../../../bench/lib/report';

const budgets = {
  ratio: { label: 'ratio', max: 1.1, unit: 'ratio', source: 'test' },
  p95: { label: 'p95', max: 4, unit: 'ms', source: 'test' },
  growth: { label: 'growth', max: 0, unit: 'count', source: 'test' },
} satisfies Record<string, Budget>;

describe('budget evaluation', () => {
  it('passes figures at or under the budget and fails those over it', () => {
    const r = evaluateBudgets({ ratio: 1.1, p95: 4.01, growth: -1 }, budgets);
    expect(r.ratio.pass).toBe(true);
    expect(r.p95.pass).toBe(false);
    expect(r.growth.pass).toBe(true);
    expect(r.p95).toMatchObject({ value: 4.01, max: 4, unit: 'ms', label: 'p95' });
    expect(failedBudgets(r)).toEqual(['p95']);
  });

  it('fails a figure that was not measured', () => {
    const r = evaluateBudgets({ ratio: Number.NaN, p95: null }, budgets);
    expect(r.ratio).toMatchObject({ value: null, pass: false });
    expect(r.p95.pass).toBe(false);
    expect(r.growth.pass).toBe(false);
    expect(failedBudgets(r)).toEqual(['ratio', 'p95', 'growth']);
  });

  it('the repository budgets are the design’s numbers', () => {
    expect(BUDGETS.jsGzipRatio.max).toBe(1.1);
    expect(BUDGETS.firstFrameRatio).toMatchObject({ max: 2, aim: 1.3 });
    expect(BUDGETS.firstFrameRatioThrottled).toMatchObject({ max: 2, aim: 1.3 });
    expect(BUDGETS.frameMsP95Playing.max).toBe(4);
    expect(BUDGETS.frameMsP95Scrubbing.max).toBe(4);
    expect(BUDGETS.drawCallsFluoro.max).toBe(80);
    expect(BUDGETS.trianglesFluoro.max).toBe(350_000);
    expect(BUDGETS.heapJsDataGrowthPct.max).toBe(1);
    expect(BUDGETS.modelBytesGzip.max).toBe(600_000);
    expect(BUDGETS.geometriesGrowth.max).toBe(0);
    expect(BUDGETS.texturesGrowth.max).toBe(0);
    expect(BUDGETS.otherOriginRequests.max).toBe(0);
    for (const budget of Object.values(BUDGETS)) expect(budget.source).toMatch(/DESIGN\.md §7|models\.md/);
  });
});

describe('formatting', () => {
  it('groups digits without the machine locale', () => {
    expect(groupDigits(350000)).toBe('350,000');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(-1234567.5)).toBe('-1,234,567.5');
  });

  it('formats values by unit', () => {
    expect(formatValue(1_249_666, 'bytes')).toBe('1.25 MB');
    expect(formatValue(85_370, 'bytes')).toBe('85.4 kB');
    expect(formatValue(0, 'bytes')).toBe('0 B');
    expect(formatValue(3.14159, 'ms')).toBe('3.14 ms');
    expect(formatValue(1.174, 'ratio')).toBe('1.17×');
    expect(formatValue(2.5, 'pct')).toBe('+2.5 %');
    expect(formatValue(-1, 'pct')).toBe('-1.0 %');
    expect(formatValue(157734, 'count')).toBe('157,734');
    expect(formatValue(null, 'ms')).toBe('n/a');
    expect(formatValue(Number.NaN, 'count')).toBe('n/a');
  });

  it('formats budgets as upper bounds', () => {
    expect(formatBudget({ max: 1.1, unit: 'ratio' })).toBe('≤ 1.10×');
    expect(formatBudget({ max: 4, unit: 'ms' })).toBe('≤ 4.00 ms');
    expect(formatBudget({ max: 1_500_000, unit: 'bytes' })).toBe('≤ 1.50 MB');
    expect(formatBudget({ max: 5, unit: 'pct' })).toBe('≤ 5 %');
    expect(formatBudget({ max: 350_000, unit: 'count' })).toBe('≤ 350,000');
    expect(formatBudget({ max: 2, aim: 1.3, unit: 'ratio' })).toBe('≤ 2.00× (aim 1.30×)');
    expect(formatBudget({ max: 1, aim: 0.5, unit: 'pct' })).toBe('≤ 1 % (aim 0.5 %)');
  });

  it('lays out a table with aligned columns, sections and pass/FAIL', () => {
    const checked = evaluateBudgets({ ratio: 1.2, p95: 0.5, growth: 0 }, budgets);
    const table = formatTable('Title', [
      { section: 'Size' },
      { label: 'JS', value: '374.1 kB', note: '5 files' },
      budgetRow(checked.ratio),
      { section: 'Frames' },
      budgetRow(checked.p95, 'playing, p95'),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toBe('Title');
    expect(lines[2]).toMatch(/^figure\s+value\s+budget\s+result$/);
    expect(lines[3]).toMatch(/^-+$/);
    expect(lines).toContain('Size');
    const ratioLine = lines.find((l) => l.startsWith('  ratio'))!;
    expect(ratioLine).toMatch(/1\.20×\s+≤ 1\.10×\s+FAIL$/);
    const p95Line = lines.find((l) => l.startsWith('  playing, p95'))!;
    expect(p95Line).toMatch(/0\.50 ms\s+≤ 4\.00 ms\s+pass$/);
    expect(lines.find((l) => l.startsWith('  JS'))).toMatch(/374\.1 kB\s+5 files$/);
    // Values are right-aligned in one column.
    const valueEnds = [ratioLine, p95Line].map((l) => l.indexOf('×') + 1 || l.indexOf(' ms') + 3);
    expect(valueEnds[0]).toBe(valueEnds[1]);
    expect(lines.every((l) => l === l.trimEnd())).toBe(true);
  });
});
