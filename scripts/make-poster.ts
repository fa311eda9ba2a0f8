/**
 * Writes public/poster.webp: the viewer's real first frame (default options, t = 0), the picture
 * <spine-procedure-viewer> shows until it is visible. Run after a build, whenever the scene's look changes:
 *
 *   npm run build && npx vite-node scripts/make-poster.ts
 *
 * It serves dist/ locally, opens the standalone page in the test Chromium (software WebGL), screenshots the
 * canvas and re-encodes it as WebP in the page (no image library needed).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser, waitForViewerReady } from '../tests/browser/support/browser';
import { startStaticServer } from '../tests/browser/support/staticServer';

const WIDTH = 960;
const HEIGHT = 640;
const QUALITY = 0.8;
const BUDGET_BYTES = 80 * 1024;

if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first.');
const out = fileURLToPath(new URL('../public/poster.webp', import.meta.url));
const server = await startStaticServer('dist');
const browser = await launchBrowser();
try {
  const context = await browser.newContext({
    viewport: { width: WIDTH, height: HEIGHT },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto(`${server.origin}/index.html?t=0&controls=none`);
  await waitForViewerReady(page);
  // Only the 3D picture: hide the overlays drawn over the canvas (level chip, notices, loading text).
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.spv-stage > :not(.spv-canvas) { visibility: hidden !important; }');
    const root = document.querySelector('spine-procedure-viewer')!.shadowRoot!;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  const png = await page.locator('spine-procedure-viewer canvas').screenshot();
  const webp = await page.evaluate(
    async ([b64, quality]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      // Two rows off the bottom: the box can take in the caption panel's border on a fractional edge.
      canvas.width = img.width;
      canvas.height = img.height - 2;
      canvas.getContext('2d')!.drawImage(img, 0, 0);
      return canvas.toDataURL('image/webp', quality).split(',')[1]!;
    },
    [png.toString('base64'), QUALITY] as const,
  );
  const bytes = Buffer.from(webp, 'base64');
  if (bytes.length > BUDGET_BYTES) throw new Error(`poster is ${bytes.length} bytes, over ${BUDGET_BYTES}`);
  writeFileSync(out, bytes);
  console.log(`wrote ${out} (${bytes.length} bytes)`);
} finally {
  await browser.close();
  await server.close();
}
