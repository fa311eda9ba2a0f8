import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import * as ELEMENTS from '../../../src/scene/threeElements';

/** Every .tsx file under `dir`. */
function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => join(dir, f));
}

const pascal = (tag: string) => tag[0]!.toUpperCase() + tag.slice(1);

describe('threeElements (the three.js classes the canvas registers as JSX elements)', () => {
  it('lists every three.js element the scene writes', () => {
    const used = new Set<string>();
    for (const file of tsxFiles('src/scene')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/<([a-z][A-Za-z0-9]*)[\s/>]/g)) {
        const name = pascal(match[1]!);
        if (name in THREE) used.add(name);
      }
    }
    // The scene's lights and meshes are written as elements: a scan that finds none is broken.
    expect(used).toContain('Mesh');
    expect(used).toContain('DirectionalLight');
    const missing = [...used].filter((name) => !(name in ELEMENTS));
    expect(missing).toEqual([]);
  });

  it('exports the three.js classes themselves', () => {
    for (const [name, value] of Object.entries(ELEMENTS))
      expect(value, name).toBe((THREE as Record<string, unknown>)[name]);
  });
});
