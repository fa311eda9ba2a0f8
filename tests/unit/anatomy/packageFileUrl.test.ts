import { describe, expect, it } from 'vitest';
import { packageFileUrl } from '../../../src/anatomy/packageFileUrl';

describe('packageFileUrl: the package finds its files when Vite pre-bundled it', () => {
  const DEPS = 'http://localhost:5173/node_modules/.vite/deps/spine-procedure-viewer_react.js?v=1694f6a5';

  it('maps a file beside a pre-bundled chunk back into the installed package', () => {
    expect(packageFileUrl('http://localhost:5173/node_modules/.vite/deps/spine-Cwn2.glb', DEPS)).toBe(
      'http://localhost:5173/node_modules/spine-procedure-viewer/dist/assets/spine-Cwn2.glb',
    );
    expect(
      packageFileUrl('http://localhost:5173/node_modules/.vite/deps/meshoptDecode.worker-Bek.js', DEPS),
    ).toBe(
      'http://localhost:5173/node_modules/spine-procedure-viewer/dist/assets/meshoptDecode.worker-Bek.js',
    );
  });

  it('keeps the relation of files outside the chunk folder (the poster sits one folder up)', () => {
    expect(packageFileUrl('http://localhost:5173/node_modules/.vite/poster.webp', DEPS)).toBe(
      'http://localhost:5173/node_modules/spine-procedure-viewer/dist/poster.webp',
    );
  });

  it('works under a base path and in the temporary folder of a re-optimisation', () => {
    const temp = 'https://example.org/app/node_modules/.vite/deps_temp_3f2a/chunk-X.js';
    expect(packageFileUrl('https://example.org/app/node_modules/.vite/deps_temp_3f2a/a.glb', temp)).toBe(
      'https://example.org/app/node_modules/spine-procedure-viewer/dist/assets/a.glb',
    );
  });

  it('leaves every other URL alone: the package as built, an app bundle, a static host, another origin', () => {
    const cases: [string, string][] = [
      [
        'https://cdn.example/spv/dist/assets/spine-Cwn2.glb',
        'https://cdn.example/spv/dist/assets/Element-x.js',
      ],
      ['https://site.example/assets/spine-Cwn2.glb', 'https://site.example/assets/index-abc.js'],
      ['/models/spine.glb', 'http://localhost:5173/src/anatomy/packageFileUrl.ts'],
      ['https://other.example/x.glb', DEPS],
      ['not a url', 'also not a url'],
    ];
    for (const [file, module] of cases) expect(packageFileUrl(file, module)).toBe(file);
  });

  it('relative file URLs are resolved against the pre-bundled module first', () => {
    expect(packageFileUrl('spine-Cwn2.glb', DEPS)).toBe(
      'http://localhost:5173/node_modules/spine-procedure-viewer/dist/assets/spine-Cwn2.glb',
    );
  });
});
