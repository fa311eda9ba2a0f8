import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assetKind,
  filesRequested,
  gzipBytes,
  isSameOrigin,
  ON_DEMAND_CHUNK,
  onDemandChunks,
  sumBytes,
} from '../../../bench/lib/bytes';

let root: string;
const js = 'export const a = 1;\n'.repeat(200);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bench-bytes-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets/index-abc.js'), js);
  writeFileSync(join(root, 'assets/ClinicianPanel-xyz.js'), 'const leva__root = 1;');
  writeFileSync(join(root, 'assets/spine-123.glb'), Buffer.alloc(5000, 7));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('gzip sizes', () => {
  it('are the length of a level-9 gzip stream of the bytes', () => {
    const size = gzipBytes(js);
    expect(size).toBe(gzipSync(js, { level: 9 }).length);
    expect(size).toBeLessThan(js.length);
    expect(gunzipSync(gzipSync(js, { level: 9 })).toString()).toBe(js);
  });

  it('sum over files', () => {
    expect(
      sumBytes([
        { path: '/a.js', bytes: 10, gzipBytes: 4, hasLeva: false },
        { path: '/b.js', bytes: 20, gzipBytes: 6, hasLeva: false },
      ]),
    ).toEqual({ bytes: 30, gzipBytes: 10 });
    expect(sumBytes([])).toEqual({ bytes: 0, gzipBytes: 0 });
  });
});

describe('requested files', () => {
  it('sizes each distinct file once and skips what is not a file inside the root', () => {
    const files = filesRequested(root, [
      '/index.html',
      '/assets/index-abc.js',
      '/assets/index-abc.js?v=2',
      '/assets/missing.js',
      '/assets/',
      '/../etc/passwd',
      '/assets/spine-123.glb',
    ]);
    expect(files.map((f) => f.path)).toEqual([
      '/index.html',
      '/assets/index-abc.js',
      '/assets/spine-123.glb',
    ]);
    const script = files[1]!;
    expect(script.bytes).toBe(js.length);
    expect(script.gzipBytes).toBe(gzipBytes(js));
    expect(script.hasLeva).toBe(false);
  });

  it('flags JS that bundles leva', () => {
    const [panel] = filesRequested(root, ['/assets/ClinicianPanel-xyz.js']);
    expect(panel!.hasLeva).toBe(true);
  });

  it('lists the on-demand chunks of a build', () => {
    expect(onDemandChunks(root).map((f) => f.path)).toEqual(['/assets/ClinicianPanel-xyz.js']);
    expect(ON_DEMAND_CHUNK.test('/assets/ClinicianPanel-BwmdcQrT.js')).toBe(true);
    expect(ON_DEMAND_CHUNK.test('/assets/leva-1.js')).toBe(true);
    expect(ON_DEMAND_CHUNK.test('/assets/ViewerCanvas-Dd.js')).toBe(false);
  });
});

describe('classification', () => {
  it('by extension, ignoring query and case', () => {
    expect(assetKind('/assets/index.js')).toBe('js');
    expect(assetKind('/x.mjs?v=1')).toBe('js');
    expect(assetKind('/assets/spine.GLB')).toBe('model');
    expect(assetKind('/t/bone.webp#x')).toBe('texture');
    expect(assetKind('/index.html')).toBe('other');
    expect(assetKind('/style.css')).toBe('other');
  });

  it('the prefiltered studio light is a texture, though its file ends in .bin like a model’s buffers', () => {
    expect(assetKind('/assets/studio-light-6-0BqO3V.bin')).toBe('texture');
    expect(assetKind('/assets/spine-buffers.bin')).toBe('model');
  });

  it('same origin: the servers of the run, and data:/blob: URLs', () => {
    const origins = ['http://127.0.0.1:4000', 'http://127.0.0.1:4001'];
    expect(isSameOrigin('http://127.0.0.1:4000/assets/a.js', origins)).toBe(true);
    expect(isSameOrigin('http://127.0.0.1:4001/index.html', origins)).toBe(true);
    expect(isSameOrigin('data:image/png;base64,AAAA', origins)).toBe(true);
    expect(isSameOrigin('blob:http://127.0.0.1:4000/1234', origins)).toBe(true);
    expect(isSameOrigin('http://127.0.0.1:4002/a.js', origins)).toBe(false);
    expect(isSameOrigin('https://fonts.example.com/x.woff2', origins)).toBe(false);
    expect(isSameOrigin('not a url', origins)).toBe(false);
  });
});
