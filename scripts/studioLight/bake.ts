/**
 * Writes models/studio-light.bin: the studio light prefiltered by the viewer's own code (liveStudioLight.ts) in
 * the test Chromium (software WebGL, the same on any machine), read back and stored (studioLightFormat.ts). Run
 * whenever the studio room (studioRoom.ts) or three.js's PMREM changes; tests/browser/studioLight.test.ts fails
 * until then, since the viewer's picture with the file's light must equal the one with a light built on the device.
 *
 *   npm run studio-light
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { encodeStudioLight } from '../../src/anatomy/studioLightFormat';
import { launchBrowser } from '../../tests/browser/support/browser';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = fileURLToPath(new URL('../../models/studio-light.bin', import.meta.url));
const server = await createServer({ root, configFile: false, logLevel: 'warn', server: { port: 0 } });
await server.listen();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.resolvedUrls!.local[0]}scripts/studioLight/bake.html`);
  await page.waitForFunction(() => 'bakeStudioLight' in window, null, { timeout: 60_000 });
  const baked = await page.evaluate(() =>
    (
      window as unknown as { bakeStudioLight(): { size: number; levels: number; rgb: string } }
    ).bakeStudioLight(),
  );
  if (errors.length) throw new Error(errors.join('\n'));
  const halves = Buffer.from(baked.rgb, 'base64');
  const rgb = new Uint16Array(halves.buffer.slice(halves.byteOffset, halves.byteOffset + halves.byteLength));
  const bytes = await encodeStudioLight({ size: baked.size, levels: baked.levels, rgb });
  writeFileSync(out, bytes);
  console.log(`wrote ${out} (${bytes.length} bytes, ${baked.size} px faces, ${baked.levels} levels)`);
} finally {
  await browser.close();
  await server.close();
}
