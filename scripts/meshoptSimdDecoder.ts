import type { Plugin } from 'vite';

/**
 * The meshopt decoder ships its WebAssembly twice, as text: a scalar build and a SIMD build, and picks one at run
 * time; both reach every visitor's first download inside the model's decoding worker. This keeps the SIMD build
 * only (2.3 kB gzip less for every visitor): every current browser runs it (Chrome 91, Firefox 89, Safari 16.4 and
 * later). A browser without WebAssembly SIMD (an iPhone left on iOS 15) is told WebAssembly is unsupported, and the
 * worker decodes with meshoptimizer's pure-JavaScript decoder, as it does under the strict CSP: measured in
 * Chromium's worker here, the model's views decode in ≈ 30 ms with SIMD, ≈ 45–75 ms with the scalar build and
 * ≈ 190 ms in JavaScript, so those few old browsers wait ~0.1 s more and everyone else downloads less.
 *
 * The library's text is matched exactly; if a new version changes it, the build stops here rather than ship a
 * decoder nobody checked.
 */
const SCALAR_BLOB = /var wasm_base =\s*'[^']*';/;
const NO_WEBASSEMBLY = "if (typeof WebAssembly !== 'object') {";
const PICK = 'var wasm = WebAssembly.validate(detector) ? unpack(wasm_simd) : unpack(wasm_base);';
const DECODER_FILE = /meshoptimizer[\\/]meshopt_decoder\.mjs$/;

/** The decoder's source without its scalar build: unsupported where SIMD is missing. Throws on unknown text. */
export function simdOnlyMeshoptDecoder(source: string): string {
  if (!SCALAR_BLOB.test(source) || !source.includes(NO_WEBASSEMBLY) || !source.includes(PICK))
    throw new Error('meshopt decoder: its text changed; check scripts/meshoptSimdDecoder.ts against it');
  return source
    .replace(SCALAR_BLOB, "var wasm_base = '';")
    .replace(NO_WEBASSEMBLY, "if (typeof WebAssembly !== 'object' || !WebAssembly.validate(detector)) {")
    .replace(PICK, 'var wasm = unpack(wasm_simd);');
}

export function meshoptSimdDecoder(): Plugin {
  return {
    name: 'spine-procedure-viewer-meshopt-simd-decoder',
    apply: 'build',
    transform(code, id) {
      return DECODER_FILE.test(id) ? { code: simdOnlyMeshoptDecoder(code), map: null } : null;
    },
  };
}
