import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isContentHashed, precacheEntries, precacheVersion } from '../../../src/app/offline/precacheManifest';

const FILES = [
  { path: 'index.html', bytes: '<!doctype html><title>Viewer</title>' },
  { path: 'assets/spine-CPb2T8sT.glb', bytes: new Uint8Array([1, 2, 3]) },
  { path: 'assets/es-DpJ48Gw_.js', bytes: 'export default {}' },
  { path: 'poster.webp', bytes: new Uint8Array([9, 9]) },
];

describe('the precache manifest', () => {
  it('tells content-hashed asset names from the others', () => {
    expect(isContentHashed('assets/ViewerCanvas-DWnEcEHv.js')).toBe(true);
    expect(isContentHashed('assets/es-DpJ48Gw_.js')).toBe(true);
    expect(isContentHashed('assets/demo-react.js')).toBe(false);
    expect(isContentHashed('index.html')).toBe(false);
    expect(isContentHashed('spine-procedure-viewer.js')).toBe(false);
  });

  it('lists files sorted, with a SHA-256 for each file whose name has no content hash', () => {
    const entries = precacheEntries(FILES);
    expect(entries.map((e) => e.url)).toEqual([
      'assets/es-DpJ48Gw_.js',
      'assets/spine-CPb2T8sT.glb',
      'index.html',
      'poster.webp',
    ]);
    expect(entries[0]).toEqual({ url: 'assets/es-DpJ48Gw_.js' });
    expect(entries[2]!.sha256).toBe(createHash('sha256').update(FILES[0]!.bytes).digest('hex'));
    expect(precacheEntries([...FILES].reverse())).toEqual(entries);
  });

  it('versions follow the content: the same build gives the same version, a changed page a new one', () => {
    const worker = (files: typeof FILES) => `const manifest = ${JSON.stringify(precacheEntries(files))};`;
    const version = precacheVersion(worker(FILES));
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(precacheVersion(worker([...FILES]))).toBe(version);
    const changedPage = FILES.map((f) => (f.path === 'index.html' ? { ...f, bytes: `${f.bytes}<p>` } : f));
    expect(precacheVersion(worker(changedPage))).not.toBe(version);
    // The worker's own code counts too.
    expect(precacheVersion(`${worker(FILES)}/* fixed */`)).not.toBe(version);
  });
});
