import type { Page } from 'playwright-core';

/** A rectangle in image fractions (0–1, origin top-left). */
export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface ImageStats {
  /** Mean grey level (0–1) in the region. */
  mean: number;
  /** Standard deviation of the grey level (0–1) in the region. */
  std: number;
}

/** What the page-side decoder adds to `window`: an image URL (data URL) → its pixels. */
type WithDecoder = { __spvPixels(src: string): Promise<ImageData> };

/**
 * The one image decoder of these helpers, installed as `window.__spvPixels`: the image drawn on a 2D canvas and
 * read back as ImageData. A string, so the test runner's transform never rewrites it; evaluated through the
 * debugger protocol, so a page's strict CSP does not block it.
 */
const DECODER = `window.__spvPixels ??= async (src) => {
  const img = new Image();
  img.src = src;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.width;
  c.height = img.height;
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return ctx.getImageData(0, 0, c.width, c.height);
}`;

/** The page, with the decoder installed (once per document). */
async function withDecoder(page: Page): Promise<Page> {
  await page.evaluate(DECODER);
  return page;
}

/** A PNG buffer as a data URL, for the decoder. */
const pngUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** Decode an image (data URL) in the page and measure its grey levels in a region. */
export async function imageStats(
  page: Page,
  dataUrl: string,
  region: Region = { x0: 0, y0: 0, x1: 1, y1: 1 },
): Promise<ImageStats> {
  return (await withDecoder(page)).evaluate(
    async ([url, r]) => {
      const { data, width, height } = await (window as unknown as WithDecoder).__spvPixels(url);
      const x0 = Math.floor(r.x0 * width);
      const y0 = Math.floor(r.y0 * height);
      const w = Math.max(1, Math.floor((r.x1 - r.x0) * width));
      const h = Math.max(1, Math.floor((r.y1 - r.y0) * height));
      let sum = 0;
      let sq = 0;
      for (let y = y0; y < y0 + h; y++)
        for (let x = x0; x < x0 + w; x++) {
          // Outside the image counts as black, as getImageData reads it.
          if (x < 0 || y < 0 || x >= width || y >= height) continue;
          const i = (y * width + x) * 4;
          const g = (data[i]! + data[i + 1]! + data[i + 2]!) / (3 * 255);
          sum += g;
          sq += g * g;
        }
      const n = w * h;
      const mean = sum / n;
      return { mean, std: Math.sqrt(Math.max(0, sq / n - mean * mean)) };
    },
    [dataUrl, region] as const,
  );
}

/** Pearson correlation of two same-size images' grey levels inside a centred disc (the intensifier field). */
export async function imageCorrelation(page: Page, a: string, b: string, radius = 0.42): Promise<number> {
  return (await withDecoder(page)).evaluate(
    async ([urlA, urlB, rad]) => {
      const grey = async (url: string) => {
        const { data, width, height } = await (window as unknown as WithDecoder).__spvPixels(url);
        const out: number[] = [];
        for (let y = 0; y < height; y += 2)
          for (let x = 0; x < width; x += 2) {
            const dx = x / width - 0.5;
            const dy = y / height - 0.5;
            if (dx * dx + dy * dy > rad * rad) continue;
            const i = (y * width + x) * 4;
            out.push(data[i]! + data[i + 1]! + data[i + 2]!);
          }
        return out;
      };
      const ga = await grey(urlA);
      const gb = await grey(urlB);
      const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
      const ma = mean(ga);
      const mb = mean(gb);
      let cov = 0;
      let va = 0;
      let vb = 0;
      for (let i = 0; i < ga.length; i++) {
        cov += (ga[i]! - ma) * (gb[i]! - mb);
        va += (ga[i]! - ma) ** 2;
        vb += (gb[i]! - mb) ** 2;
      }
      return cov / Math.sqrt(va * vb);
    },
    [a, b, radius] as const,
  );
}

/**
 * Share of pixels (0–1) that changed visibly (by more than 10 % in some channel) between two same-size
 * screenshots (PNG buffers), computed in the page.
 */
export async function screenshotDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return (await withDecoder(page)).evaluate(
    async ([urlA, urlB]) => {
      const decode = (window as unknown as WithDecoder).__spvPixels;
      const da = (await decode(urlA)).data;
      const db = (await decode(urlB)).data;
      let changed = 0;
      for (let i = 0; i < da.length; i += 4) {
        const d = Math.max(
          Math.abs(da[i]! - db[i]!),
          Math.abs(da[i + 1]! - db[i + 1]!),
          Math.abs(da[i + 2]! - db[i + 2]!),
        );
        if (d > 25) changed++;
      }
      return changed / (da.length / 4);
    },
    [pngUrl(a), pngUrl(b)] as const,
  );
}

/**
 * How far two same-size screenshots (PNG buffers) differ, in levels of 255 over the red, green and blue channels
 * of every pixel: the mean and the largest difference, computed in the page.
 */
export async function screenshotDeviation(
  page: Page,
  a: Buffer,
  b: Buffer,
): Promise<{ mean: number; max: number }> {
  return (await withDecoder(page)).evaluate(
    async ([urlA, urlB]) => {
      const decode = (window as unknown as WithDecoder).__spvPixels;
      const da = (await decode(urlA)).data;
      const db = (await decode(urlB)).data;
      let sum = 0;
      let max = 0;
      for (let i = 0; i < da.length; i += 4) {
        for (let c = 0; c < 3; c++) {
          const d = Math.abs(da[i + c]! - db[i + c]!);
          sum += d;
          if (d > max) max = d;
        }
      }
      return { mean: sum / ((da.length / 4) * 3), max };
    },
    [pngUrl(a), pngUrl(b)] as const,
  );
}

/** Share of pixels that differ from the most common colour: a blank or uniform image scores ~0. */
export async function pngVariety(page: Page, png: Buffer): Promise<number> {
  return (await withDecoder(page)).evaluate(async (url) => {
    const { data } = await (window as unknown as WithDecoder).__spvPixels(url);
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 16) {
      const key = (data[i]! >> 3) * 1024 + (data[i + 1]! >> 3) * 32 + (data[i + 2]! >> 3);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return 1 - Math.max(...counts.values()) / (data.length / 16);
  }, pngUrl(png));
}

/**
 * Shares of a region's pixels in the nerves' yellows (scene/palette.ts): the dural sac's pale yellow and the
 * spinal cord's deep one. Bone (cream, its cut orange-brown), discs, cement and steel fall in neither.
 */
export async function nerveYellowShares(
  page: Page,
  png: Buffer,
  region: Region = { x0: 0, y0: 0, x1: 1, y1: 1 },
): Promise<{ sac: number; cord: number }> {
  return (await withDecoder(page)).evaluate(
    async ([url, r]) => {
      const { data, width, height } = await (window as unknown as WithDecoder).__spvPixels(url);
      let sac = 0;
      let cord = 0;
      let n = 0;
      for (let y = Math.floor(r.y0 * height); y < Math.floor(r.y1 * height); y++)
        for (let x = Math.floor(r.x0 * width); x < Math.floor(r.x1 * width); x++) {
          const i = (y * width + x) * 4;
          const [red, green, blue] = [data[i]!, data[i + 1]!, data[i + 2]!];
          n++;
          if (red < 150 || green < 0.65 * red) continue;
          if (blue < 0.45 * green) cord++;
          else if (green > 0.85 * red && blue < 0.75 * green) sac++;
        }
      return { sac: sac / n, cord: cord / n };
    },
    [pngUrl(png), region] as const,
  );
}
