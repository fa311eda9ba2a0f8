import { describe, expect, it } from 'vitest';
import { cachingHeaders, IMMUTABLE, isHashedAsset, REVALIDATE } from '../../../bench/lib/caching';

describe('benchmark server caching', () => {
  it('tells Vite’s content-hashed files from stable names', () => {
    for (const path of [
      '/assets/index-Sdnr5z6K.js',
      '/assets/page-C3D-C6Wy.css',
      '/assets/ClinicianPanel-BH0U5_qL.js',
      '/assets/spine-CPb2T8sT.glb',
      '/es-CNrrfy9K.js',
      '/assets/index-Sdnr5z6K.js?v=1',
    ])
      expect(isHashedAsset(path), path).toBe(true);
    for (const path of [
      '/index.html',
      '/embed.html',
      '/spine-procedure-viewer.js',
      '/spine-procedure-player.js',
      '/spine-procedure-viewer-react.js',
      '/assets/demo-react.js',
      '/sw.js',
      '/poster.webp',
      '/',
    ])
      expect(isHashedAsset(path), path).toBe(false);
  });

  it('caches hashed files for a year and revalidates the rest', () => {
    expect(cachingHeaders('/assets/index-Sdnr5z6K.js')).toEqual({ 'Cache-Control': IMMUTABLE });
    expect(cachingHeaders('/index.html')).toEqual({ 'Cache-Control': REVALIDATE });
  });
});
