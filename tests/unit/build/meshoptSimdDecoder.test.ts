import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import { simdOnlyMeshoptDecoder } from '../../../scripts/meshoptSimdDecoder';
import { decodeSpineGlb } from '../../../src/anatomy/spineGlbDecode';

const require = createRequire(import.meta.url);
/** The file the build transforms: what `meshoptimizer/decoder` resolves to. */
const LIBRARY_SOURCE = readFileSync(require.resolve('meshoptimizer/decoder'), 'utf8');
type Decoder = typeof MeshoptDecoder;

/** Imports the transformed decoder from a file of its own (a fresh module each time). */
async function importSimdOnly(): Promise<Decoder> {
  const file = join(mkdtempSync(join(tmpdir(), 'meshopt-simd-')), 'meshopt_decoder.mjs');
  writeFileSync(file, simdOnlyMeshoptDecoder(LIBRARY_SOURCE));
  return ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { MeshoptDecoder: Decoder })
    .MeshoptDecoder;
}

/** Every decoded view of the shipped model, in order, with the given decoder. */
async function decodedViews(decoder: Decoder): Promise<Uint8Array[]> {
  await decoder.ready;
  const glb = readFileSync('models/spine.glb');
  const views: Uint8Array[] = [];
  await decodeSpineGlb(glb.buffer.slice(glb.byteOffset, glb.byteOffset + glb.byteLength), (...args) => {
    const [count, size, source, mode, filter] = args;
    const data = new Uint8Array(count * size);
    decoder.decodeGltfBuffer(data, count, size, source, mode, filter);
    views.push(data);
    return data;
  });
  return views;
}

const validate = WebAssembly.validate;
afterEach(() => {
  WebAssembly.validate = validate;
});

describe('meshoptSimdDecoder (build): the decoding worker carries the SIMD WebAssembly only', () => {
  it('removes the scalar build from the library text', () => {
    const simdOnly = simdOnlyMeshoptDecoder(LIBRARY_SOURCE);
    expect(LIBRARY_SOURCE.length - simdOnly.length).toBeGreaterThan(8_000);
    expect(simdOnly).toContain("var wasm_base = '';");
    expect(simdOnly).toContain('var wasm = unpack(wasm_simd);');
    expect(simdOnly).not.toContain('unpack(wasm_base)');
  });

  it('decodes the shipped model to the same bytes as the library as published', async () => {
    const simdOnly = await importSimdOnly();
    expect(simdOnly.supported).toBe(true);
    const expected = await decodedViews(MeshoptDecoder);
    const actual = await decodedViews(simdOnly);
    expect(actual.reduce((sum, view) => sum + view.length, 0)).toBeGreaterThan(1_000_000);
    expect(actual.map((view) => view.length)).toEqual(expected.map((view) => view.length));
    // Byte for byte (a deep equality over two megabytes of numbers would take seconds).
    expect(actual.map((view, i) => Buffer.compare(view, expected[i]!))).toEqual(expected.map(() => 0));
  });

  it('says WebAssembly is unsupported where SIMD is missing, so the worker takes the JavaScript decoder', async () => {
    // Node always has SIMD; a browser without it fails the library's own SIMD probe, as this validate does.
    const probes: number[] = [];
    WebAssembly.validate = (bytes) => {
      probes.push((bytes as Uint8Array).length);
      return false;
    };
    const simdOnly = await importSimdOnly();
    expect(probes).toHaveLength(1);
    expect(simdOnly.supported).toBe(false);
  });

  it('stops the build when the library text is not the one it knows', () => {
    expect(() => simdOnlyMeshoptDecoder(LIBRARY_SOURCE.replace('unpack(wasm_base)', 'unpack(base)'))).toThrow(
      /text changed/,
    );
    expect(() => simdOnlyMeshoptDecoder('export const MeshoptDecoder = {};')).toThrow(/text changed/);
  });
});
