/**
 * Offline use of the standalone page and embed.html: once the viewer has drawn its first frame, register the
 * service worker next to the page (dist/sw.js, scope: the page's folder), so it never competes with the first load.
 * Only these two pages call this; the element's own script never registers anything on a host's origin.
 *
 * Skipped in development (Vite's dev server has no sw.js), outside http(s), and where the browser has no service
 * workers or the context is not secure. A failure only costs offline use, so it is reported with console.info.
 */
export function registerOfflineUse(firstFrame: Promise<unknown>): void {
  if (!import.meta.env.PROD) return;
  if (!/^https?:$/.test(window.location.protocol) || !window.isSecureContext) return;
  if (!('serviceWorker' in navigator)) return;
  firstFrame.then(
    () =>
      navigator.serviceWorker
        .register('sw.js', { scope: './' })
        .catch((error: unknown) =>
          console.info('spine-procedure-viewer: offline use is not available:', error),
        ),
    // No first frame, nothing worth keeping offline.
    () => undefined,
  );
}
