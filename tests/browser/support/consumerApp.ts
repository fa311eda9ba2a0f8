import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The consumer's packages: the ones a Vite + React + TypeScript app starts with, at this repository's versions. */
export const CONSUMER_PACKAGES = {
  dependencies: ['react', 'react-dom'],
  devDependencies: ['vite', '@vitejs/plugin-react', 'typescript', '@types/react', '@types/react-dom'],
} as const;

/** Run a command; resolves with its standard output, rejects with all its output when it fails. */
export function run(command: string, args: string[], cwd: string, timeout = 180_000): Promise<string> {
  return new Promise((done, fail) => {
    execFile(
      command,
      args,
      { cwd, timeout, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: '' } },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        if (error) fail(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output.slice(-6000)}`));
        else done(stdout);
      },
    );
  });
}

type Lock = { packages: Record<string, { version?: string } & Record<string, unknown>> } & Record<
  string,
  unknown
>;

/** A packed package and the throwaway app it is installed into. */
export interface ConsumerApp {
  dir: string;
  tarball: string;
  /** Files in the tarball, relative to the package root. */
  files: string[];
  remove(): void;
}

/**
 * `npm pack` the repository (its current dist/, no build scripts run) into a temporary folder, copy the app in
 * tests/browser/consumer-app next to it and install the tarball there from the local npm cache only. The app's
 * lock file is this repository's, with the app as its root, so every package resolves to the version CI's `npm ci`
 * put in the cache; a package missing there fails the install with its name.
 */
export async function packAndInstall(repo = '.'): Promise<ConsumerApp> {
  const root = mkdtempSync(join(tmpdir(), 'spv-consumer-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    const packed = JSON.parse(
      await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', root], resolve(repo)),
    ) as { filename: string; files: { path: string }[] }[];
    const tarball = join(root, packed[0]!.filename);
    const dir = join(root, 'app');
    cpSync(resolve(repo, 'tests/browser/consumer-app'), dir, { recursive: true });

    const lock = JSON.parse(readFileSync(resolve(repo, 'package-lock.json'), 'utf8')) as Lock;
    const pinned = (names: readonly string[]) =>
      Object.fromEntries(names.map((name) => [name, lock.packages[`node_modules/${name}`]!.version!]));
    const manifest = {
      name: 'spv-consumer',
      version: '0.0.0',
      private: true,
      type: 'module',
      dependencies: {
        'spine-procedure-viewer': `file:${tarball}`,
        ...pinned(CONSUMER_PACKAGES.dependencies),
      },
      devDependencies: pinned(CONSUMER_PACKAGES.devDependencies),
    };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    const { name, version, dependencies, devDependencies } = manifest;
    const packages = { ...lock.packages, '': { name, version, dependencies, devDependencies } };
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ ...lock, name, version, packages }));
    try {
      await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], dir);
    } catch (error) {
      // A tarball (…/-/name-1.2.3.tgz) or a package's metadata (…/name) that `npm ci` did not leave in the cache.
      const missing = /request to https?:\/\/[^/\s]+\/(\S+) failed: cache mode is 'only-if-cached'/.exec(
        String(error),
      );
      throw new Error(
        missing
          ? `the local npm cache lacks ${decodeURIComponent(missing[1]!)}: run \`npm ci\` in the repository first (the consumer test installs from the cache only)\n${String(error)}`
          : String(error),
      );
    }
    return { dir, tarball, files: packed[0]!.files.map((f) => f.path), remove };
  } catch (error) {
    remove();
    throw error;
  }
}
