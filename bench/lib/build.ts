import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const RESULTS_DIR = 'bench-results';
export const APP_DIST = `${RESULTS_DIR}/app-dist`;
export const BASELINE_DIST = `${RESULTS_DIR}/baseline-dist`;

/**
 * `vite build` in a child process, exactly as `npm run build` runs it (a production build: the benchmark itself
 * runs under vite-node, whose development NODE_ENV must not leak into the bundles).
 */
function viteBuild(root: string, args: string[]): Promise<void> {
  const env = { ...process.env };
  delete env.NODE_ENV;
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', ...args],
      {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0
        ? done()
        : fail(new Error(`vite build ${args.join(' ')} failed (${code}):\n${output.slice(-4000)}`)),
    );
  });
}

const COMMON = ['--emptyOutDir', '--logLevel', 'error'];

/**
 * Build the app with the project's own vite.config.ts into bench-results/, so that `dist/` (used by the browser
 * tests) is left alone. Whatever the config's entries, the benchmark loads `index.html`.
 */
export async function buildApp(root = process.cwd()): Promise<string> {
  const outDir = resolve(root, APP_DIST);
  await viteBuild(root, ['--outDir', outDir, ...COMMON]);
  if (!existsSync(resolve(outDir, 'index.html')))
    throw new Error(`the app build wrote no ${APP_DIST}/index.html`);
  return outDir;
}

/** Build the empty R3F + OrbitControls page (bench/baseline) with the same Vite, plugins and target. */
export async function buildBaseline(root = process.cwd()): Promise<string> {
  const outDir = resolve(root, BASELINE_DIST);
  await viteBuild(root, [
    '--config',
    resolve(root, 'bench/baseline/vite.config.ts'),
    '--outDir',
    outDir,
    ...COMMON,
  ]);
  if (!existsSync(resolve(outDir, 'index.html'))) throw new Error('the baseline build wrote no index.html');
  return outDir;
}
