import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../src/options/parseOptions';
import { ManualClock } from '../../../src/playback/clock';
import { ViewerController } from '../../../src/playback/viewerController';
import { settingsFromOptions } from '../../../src/playback/viewerSettings';
import { PHANTOM_CENTRE, PHANTOM_GRID } from '../../support/ctPhantom';
import { syntheticDicomSeries } from '../../support/syntheticDicom';

function setup(query: Record<string, string> = {}) {
  const { options } = parseOptions(query);
  const c = new ViewerController(settingsFromOptions(options), { clock: new ManualClock() });
  c.renderer.attach(() => {});
  return c;
}

const filesOf = (series: { name: string; bytes: Uint8Array }[]) =>
  series.map((f) => new File([f.bytes as Uint8Array<ArrayBuffer>], f.name));

const [cx, cy, cz] = PHANTOM_CENTRE;

describe("a viewer's patient scan", () => {
  it('reads a series with progress, then the picked target sets the treated level', async () => {
    const c = setup({ level: 'T12' });
    const fractions: number[] = [];
    c.on('scanchange', () => {
      const p = c.scan.getProgress();
      if (p) fractions.push(p.fraction);
    });
    const info = await c.scan.open(filesOf(syntheticDicomSeries()));
    expect(info).toMatchObject({ rows: 128, columns: 128, slices: PHANTOM_GRID.dims[2], modality: 'CT' });
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(c.scan.getProgress()).toBeNull();
    expect(c.scan.snapshot()).toEqual({ loaded: true, target: null, level: null });
    expect(c.scan.active).toBe(false);

    expect(await c.scan.pick({ x: cx, y: cy, z: cz, level: 'l2' })).toBeNull();
    expect(c.scan.snapshot()).toEqual({ loaded: true, target: { x: cx, y: cy, z: cz }, level: 'L2' });
    expect(c.scan.active).toBe(true);
    expect(c.getSettings().level).toBe('L2');
    expect(c.treatedLevelOptions().map((o) => o.level)).toEqual(['L2']);

    c.scan.clear();
    expect(c.scan.snapshot()).toEqual({ loaded: false, target: null, level: null });
    expect(c.scan.getVolume()).toBeNull();
  });

  it('refuses targets that are not a point of the scan or not a level, changing nothing', async () => {
    const c = setup();
    expect(await c.scan.pick({ x: 0, y: 0, z: 0, level: 'L1' })).toMatch(/loadScan/);
    await c.scan.open(filesOf(syntheticDicomSeries()));
    const bad: [unknown, RegExp][] = [
      [{ x: cx, y: cy, z: cz + 500, level: 'L1' }, /outside the scan/],
      [{ x: cx, y: cy, z: cz, level: 'S1' }, /T1–T12 or L1–L5/],
      [{ x: 'a', y: cy, z: cz, level: 'L1' }, /millimetres/],
      [null, /millimetres/],
    ];
    for (const [value, said] of bad) expect(await c.scan.pick(value)).toMatch(said);
    expect(c.scan.snapshot().target).toBeNull();
  });

  it('a refused series keeps what was shown, with one notice per attempt that replaces the last', async () => {
    const c = setup({ lang: 'en' });
    await c.scan.open(filesOf(syntheticDicomSeries()));
    await c.scan.pick({ x: cx, y: cy, z: cz, level: 'L1' });
    const shown = c.scan.snapshot();
    const errors: string[] = [];
    c.on('error', (e) => errors.push(e.type));
    await expect(c.scan.open(filesOf(syntheticDicomSeries({ modality: 'MR' })))).rejects.toMatchObject({
      code: 'not-ct',
    });
    await expect(c.scan.open(filesOf(syntheticDicomSeries({ dropSlices: [5] })))).rejects.toMatchObject({
      code: 'missing-slices',
    });
    expect(c.scan.snapshot()).toEqual(shown);
    expect(c.notices.notices).toHaveLength(1);
    expect('text' in c.notices.notices[0]! && c.notices.notices[0].text).toMatch(/Slices are missing/);
    expect(errors).toEqual(['invalidinput', 'invalidinput']);
  });

  it('a newer read or cancel stops an older one without a notice', async () => {
    const c = setup();
    const first = c.scan.open(filesOf(syntheticDicomSeries()));
    c.scan.cancel();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(c.scan.getProgress()).toBeNull();
    expect(c.scan.snapshot().loaded).toBe(false);
    expect(c.notices.notices).toEqual([]);
  });
});
