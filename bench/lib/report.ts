import type { Budget, BudgetUnit } from '../budgets';

/** One figure checked against its budget. */
export interface BudgetResult {
  label: string;
  /** The measured figure; null when it could not be measured (which fails the budget). */
  value: number | null;
  max: number;
  /** The design's aim, when it has one below the budget (reported, not checked). */
  aim?: number;
  unit: BudgetUnit;
  pass: boolean;
  source: string;
}

/** Check each budgeted figure: it passes when it was measured (a finite number) and is ≤ its budget. */
export function evaluateBudgets<K extends string>(
  figures: Partial<Record<K, number | null>>,
  budgets: Record<K, Budget>,
): Record<K, BudgetResult> {
  const out = {} as Record<K, BudgetResult>;
  for (const key of Object.keys(budgets) as K[]) {
    const budget = budgets[key];
    const raw = figures[key];
    const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    out[key] = {
      label: budget.label,
      value,
      max: budget.max,
      ...(budget.aim !== undefined ? { aim: budget.aim } : {}),
      unit: budget.unit,
      pass: value !== null && value <= budget.max,
      source: budget.source,
    };
  }
  return out;
}

/** Keys of the budgets that failed, in budget order. */
export function failedBudgets<K extends string>(results: Record<K, BudgetResult>): K[] {
  return (Object.keys(results) as K[]).filter((k) => !results[k].pass);
}

/** Thousands separated with commas, independent of the machine's locale. */
export function groupDigits(n: number): string {
  const [int, frac] = Math.abs(n).toString().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A figure for the table: bytes in kB/MB (1000-based), ms with two decimals, ratios with ×. */
export function formatValue(value: number | null | undefined, unit: BudgetUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'bytes':
      if (Math.abs(value) >= 1_000_000) return `${(value / 1_000_000).toFixed(2)} MB`;
      if (Math.abs(value) >= 1000) return `${(value / 1000).toFixed(1)} kB`;
      return `${value} B`;
    case 'ms':
      return `${value.toFixed(2)} ms`;
    case 'ratio':
      return `${value.toFixed(2)}×`;
    case 'pct':
      return `${value >= 0 ? '+' : ''}${value.toFixed(1)} %`;
    case 'count':
      return groupDigits(Math.round(value));
  }
}

/** A budget as printed: "≤ 1.10×", "≤ 4.00 ms", "≤ 1.50 MB", "≤ 0" (constant), "≤ 2.00× (aim 1.30×)". */
export function formatBudget(budget: Pick<Budget, 'max' | 'unit' | 'aim'>): string {
  const show = (n: number) => (budget.unit === 'pct' ? `${n} %` : formatValue(n, budget.unit));
  return `≤ ${show(budget.max)}${budget.aim !== undefined ? ` (aim ${show(budget.aim)})` : ''}`;
}

export type TableRow =
  { section: string } | { label: string; value: string; budget?: string; pass?: boolean; note?: string };

/** A plain-text table: one line per row, sections as headings, columns padded; pass/FAIL in the last column. */
export function formatTable(title: string, rows: readonly TableRow[]): string {
  const figures = rows.filter((r): r is Exclude<TableRow, { section: string }> => !('section' in r));
  const wLabel = Math.max('figure'.length, ...figures.map((r) => r.label.length + 2));
  const wValue = Math.max('value'.length, ...figures.map((r) => r.value.length));
  const wBudget = Math.max('budget'.length, ...figures.map((r) => (r.budget ?? '').length));
  const line = (label: string, value: string, budget: string, result: string, note = '') =>
    `${label.padEnd(wLabel)}  ${value.padStart(wValue)}  ${budget.padEnd(wBudget)}  ${result.padEnd(6)}${note ? `  ${note}` : ''}`.trimEnd();
  const out = [title, '', line('figure', 'value', 'budget', 'result')];
  out.push('-'.repeat(out[2]!.length));
  for (const row of rows) {
    if ('section' in row) {
      out.push('', row.section);
      continue;
    }
    const result = row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL';
    out.push(line(`  ${row.label}`, row.value, row.budget ?? '', result, row.note));
  }
  return out.join('\n');
}

/** A table row for a budgeted figure. */
export function budgetRow(result: BudgetResult, label = result.label, note?: string): TableRow {
  return {
    label,
    value: formatValue(result.value, result.unit),
    budget: formatBudget(result),
    pass: result.pass,
    ...(note ? { note } : {}),
  };
}
