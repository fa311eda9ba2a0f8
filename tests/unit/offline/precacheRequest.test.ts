import { describe, expect, it } from 'vitest';
import { cachePrefix, precacheKey, type RequestFacts } from '../../../src/app/offline/precacheRequest';

const SCOPE = 'https://viewer.example.org/spine/';
const PRECACHED = new Set(
  [
    'index.html',
    'embed.html',
    'handout.html',
    'assets/ViewerCanvas-DWnEcEHv.js',
    'assets/spine-CPb2T8sT.glb',
  ].map((path) => new URL(path, SCOPE).href),
);

function request(
  url: string,
  init: { method?: string; mode?: string; headers?: string[] } = {},
): RequestFacts {
  const names = new Set((init.headers ?? []).map((name) => name.toLowerCase()));
  return {
    url,
    method: init.method ?? 'GET',
    mode: init.mode ?? 'cors',
    headers: { has: (name) => names.has(name.toLowerCase()) },
  };
}

const key = (url: string, init?: Parameters<typeof request>[1]) =>
  precacheKey(request(url, init), SCOPE, PRECACHED);

describe('what the service worker answers from its cache', () => {
  it('answers a precached asset of its own scope with its own URL', () => {
    expect(key(`${SCOPE}assets/spine-CPb2T8sT.glb`)).toBe(`${SCOPE}assets/spine-CPb2T8sT.glb`);
    expect(key(`${SCOPE}assets/ViewerCanvas-DWnEcEHv.js#x`)).toBe(`${SCOPE}assets/ViewerCanvas-DWnEcEHv.js`);
  });

  it('answers page loads with the page whatever their options, and the folder with index.html', () => {
    const navigate = { mode: 'navigate' };
    expect(key(`${SCOPE}index.html?step=access&lang=es`, navigate)).toBe(`${SCOPE}index.html`);
    expect(key(`${SCOPE}embed.html?origins=https://host.example`, navigate)).toBe(`${SCOPE}embed.html`);
    // The take-home handout prints at home too, where the connection may be gone.
    expect(key(`${SCOPE}handout.html?lang=es&level=T12`, navigate)).toBe(`${SCOPE}handout.html`);
    expect(key(SCOPE, navigate)).toBe(`${SCOPE}index.html`);
    expect(key(`${SCOPE}?procedure=vertebroplasty`, navigate)).toBe(`${SCOPE}index.html`);
  });

  it('never intercepts another origin, even one with the same path', () => {
    expect(key('https://cdn.example.net/spine/assets/spine-CPb2T8sT.glb')).toBeNull();
    expect(key('http://viewer.example.org/spine/assets/spine-CPb2T8sT.glb')).toBeNull();
    expect(key('https://viewer.example.org:8443/spine/index.html', { mode: 'navigate' })).toBeNull();
    expect(key('https://analytics.example.com/collect', { method: 'POST' })).toBeNull();
  });

  it('leaves everything else to the network', () => {
    // Outside the scope's folder, and a folder whose name only starts like it.
    expect(key('https://viewer.example.org/other/index.html', { mode: 'navigate' })).toBeNull();
    expect(key('https://viewer.example.org/spine-old/assets/spine-CPb2T8sT.glb')).toBeNull();
    // Files of the folder that are not part of this version: the demo, the element's entry, a chunk of another build.
    expect(key(`${SCOPE}demo.html`, { mode: 'navigate' })).toBeNull();
    expect(key(`${SCOPE}spine-procedure-viewer.js`)).toBeNull();
    expect(key(`${SCOPE}assets/ViewerCanvas-AAAAAAAA.js`)).toBeNull();
    // A precached asset asked for with a query is not the same URL.
    expect(key(`${SCOPE}assets/spine-CPb2T8sT.glb?v=2`)).toBeNull();
    // Not GET, or a range request (media seeking): untouched.
    expect(key(`${SCOPE}index.html`, { method: 'POST', mode: 'navigate' })).toBeNull();
    expect(key(`${SCOPE}assets/spine-CPb2T8sT.glb`, { method: 'HEAD' })).toBeNull();
    expect(key(`${SCOPE}assets/spine-CPb2T8sT.glb`, { headers: ['Range'] })).toBeNull();
    // Non-http schemes and junk.
    expect(key('chrome-extension://abc/index.html')).toBeNull();
    expect(key('not a url')).toBeNull();
  });

  it('keys the caches by scope, so two deployments on one origin never delete each other’s', () => {
    expect(cachePrefix(SCOPE)).not.toBe(cachePrefix('https://viewer.example.org/spine-staging/'));
    expect(`${cachePrefix(SCOPE)}abc`.startsWith(cachePrefix('https://viewer.example.org/'))).toBe(false);
  });
});
