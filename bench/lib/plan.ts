/** The benchmark's command-line options and how much each kind of run does. */

export const USAGE = 'usage: npm run bench [-- --quick] [--json] [--skip-build]';

export interface Options {
  quick: boolean;
  json: boolean;
  skipBuild: boolean;
}

export function parseArgs(argv: readonly string[]): Options {
  const flags = argv.filter((a) => a.startsWith('-') && a !== '--');
  const known = new Set(['--quick', '--json', '--skip-build', '--help', '-h']);
  const unknown = flags.filter((f) => !known.has(f));
  if (unknown.length > 0 || flags.includes('--help') || flags.includes('-h')) {
    console.error(unknown.length > 0 ? `unknown option ${unknown.join(' ')}\n${USAGE}` : USAGE);
    process.exit(unknown.length > 0 ? 2 : 0);
  }
  return {
    quick: flags.includes('--quick'),
    json: flags.includes('--json'),
    skipBuild: flags.includes('--skip-build'),
  };
}

/**
 * How much each part does. Software GL draws a frame with the X-ray passes in about 0.3–0.6 s on the 2-core
 * machine and needs seconds to finish each app page's first frame, so frames and page loads, not the JS, set the
 * running time (quick ≈ 4–5 minutes with the builds on an otherwise idle machine, full ≈ 35; more when the
 * machine is shared).
 */
export const FULL = {
  loops: 100,
  seeks: 1000,
  firstFrameRuns: 5,
  throttledRuns: 3,
  playMsPerStep: 2000,
  pointsPerStep: 3,
  timeoutMin: 75,
};
export const QUICK = {
  loops: 5,
  seeks: 100,
  firstFrameRuns: 3,
  throttledRuns: 2,
  playMsPerStep: 500,
  pointsPerStep: 1,
  timeoutMin: 20,
};

/** DevTools' "low-end mobile" preset: the main thread four times slower (DESIGN.md §7). */
export const CPU_THROTTLING_RATE = 4;
