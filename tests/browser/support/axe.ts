import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

/** The WCAG levels the viewer promises: 2.0 A and AA, 2.1 AA, 2.2 AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe violation, reduced to what a failure message needs: the rule, and each element with its summary. */
export interface AxeFinding {
  rule: string;
  help: string;
  nodes: string[];
}

/** How long one axe run may take; a run on a loaded machine takes a few seconds. */
const AXE_LIMIT_MS = 45_000;

/**
 * Run axe-core on the page (or frame) with the WCAG tags. The source goes in through evaluate, not a <script>
 * element, so a page with a strict CSP cannot block it; axe walks open shadow roots (the viewer's is open) by
 * itself. Returns the violations, empty when there are none.
 */
export async function axeViolations(page: Page | Frame): Promise<AxeFinding[]> {
  await page.evaluate(axeSource);
  // Bounded: a page that stops answering fails here, saying so, rather than at the test's own timeout.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`axe-core did not finish within ${AXE_LIMIT_MS / 1000} s`)),
      AXE_LIMIT_MS,
    );
  });
  return Promise.race([runAxe(page), timeout]).finally(() => clearTimeout(timer));
}

/** The axe run itself, in the page, with the WCAG tags. */
function runAxe(page: Page | Frame): Promise<AxeFinding[]> {
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: {
        id: string;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    }
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      rule: v.id,
      help: v.help,
      nodes: v.nodes.map(
        (n) => `${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`,
      ),
    }));
  }, WCAG_TAGS);
}
