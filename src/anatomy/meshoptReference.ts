/**
 * meshoptimizer's pure-JavaScript decoder (`meshopt_decoder_reference.js`): the same interface and output as the
 * WebAssembly MeshoptDecoder, several times slower, but it needs no WebAssembly, so it also runs where a
 * Content-Security-Policy refuses WebAssembly compilation (no 'wasm-unsafe-eval'). The package ships the file
 * without types and outside its exports map, hence the path into node_modules.
 */
import type { MeshoptDecoder } from 'meshoptimizer/decoder';
// @ts-expect-error -- the reference decoder has no type declarations; its interface is MeshoptDecoder's
import { MeshoptDecoder as reference } from '../../node_modules/meshoptimizer/meshopt_decoder_reference.js';

export const MeshoptReferenceDecoder = reference as typeof MeshoptDecoder;
