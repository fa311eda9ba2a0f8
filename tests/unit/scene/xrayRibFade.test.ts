import { BufferGeometry, Float32BufferAttribute } from 'three';
import { describe, expect, it } from 'vitest';
import { createAttenuationMaterial, XRAY_FADE_ATTRIBUTE } from '../../../src/fluoro/attenuationMaterial';
import { ensureRibEndFade, ribEndFade } from '../../../src/scene/xrayRibFade';

/** A merged context geometry: a rib running out from its head near the midline, then an iliac wing. */
function contextBones() {
  const points: number[] = [];
  // T12_rib_left: 21 vertices from x = 20 (its head) out and down to x = 120.
  for (let i = 0; i <= 20; i++) points.push(20 + 5 * i, -2 * i, 1.5 * i);
  // ilium_left: 10 vertices far from the midline.
  for (let i = 0; i < 10; i++) points.push(60 + i, -200, 10 * i);
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(points, 3));
  const ranges = [
    { name: 'T12_rib_left', start: 0, count: 21 },
    { name: 'ilium_left', start: 21, count: 10 },
  ];
  return { geometry, ranges };
}

describe("ribEndFade: a rib's cut end fades out of the X-ray instead of ending in a bright outline", () => {
  it('keeps the proximal rib and the iliac wing whole, fades the rib to nothing at its end, never increasing', () => {
    const { geometry, ranges } = contextBones();
    const fade = ribEndFade(geometry, ranges);
    expect(fade.length).toBe(31);
    // The first half of the rib's reach keeps its outline.
    for (let i = 0; i <= 10; i++) expect(fade[i]).toBe(1);
    expect(fade[20]).toBe(0);
    for (let i = 1; i <= 20; i++) expect(fade[i]!).toBeLessThanOrEqual(fade[i - 1]!);
    expect(fade[15]!).toBeGreaterThan(0);
    expect(fade[15]!).toBeLessThan(1);
    for (let i = 21; i < 31; i++) expect(fade[i]).toBe(1);
  });

  it('is added once, as the attribute the context material reads', () => {
    const { geometry, ranges } = contextBones();
    ensureRibEndFade(geometry, ranges);
    const attribute = geometry.getAttribute(XRAY_FADE_ATTRIBUTE);
    expect(attribute.count).toBe(31);
    ensureRibEndFade(geometry, []);
    expect(geometry.getAttribute(XRAY_FADE_ATTRIBUTE)).toBe(attribute);
    const material = createAttenuationMaterial({
      mu: 0.01,
      shell: { thicknessMm: 1, mu: 0.05 },
      shellFade: true,
    });
    expect(material.vertexShader).toContain(`attribute float ${XRAY_FADE_ATTRIBUTE};`);
    expect(material.vertexShader).toContain(`vShell *= ${XRAY_FADE_ATTRIBUTE};`);
    const plain = createAttenuationMaterial({ mu: 0.01 });
    expect(plain.vertexShader).not.toContain(XRAY_FADE_ATTRIBUTE);
  });
});
