/**
 * Offline use of the standalone page and embed.html: register the service worker next to the page (dist/sw.js,
 * scope: the page's folder). The pages import this module only once the viewer has drawn its first frame, so
 * neither its bytes nor the worker's install compete with the first load. Only these two pages call it; the
 * element's own script never registers anything on a host's origin.
 *
 * Skipped in development (Vite's dev server has no sw.js), outside http(s), and where the browser has no service
 * workers or the context is not secure. A failure only costs offline use, so it is reported with console.info.
 */
export async function registerOfflineUse(): Promise<void> {
  if (!import.meta.env.PROD) return;
  if (!/^https?:$/.test(window.location.protocol) || !window.isSecureContext) return;
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register('sw.js', { scope: './' });
  } catch (error) {
    console.info('spine-procedure-viewer: offline use is not available:', error);
  }
}
