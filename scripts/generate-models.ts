/**
 * Writes models/spine.glb from models/morphometry.json (`npm run models`). The output is deterministic: running
 * it again without changing the data or the generator reproduces the file byte for byte, which
 * tests/unit/anatomy/generatedSpine.test.ts checks against the committed asset.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSpineMeshes, spineScene } from '../src/anatomy/buildSpine';
import { writeGlb } from '../src/anatomy/glbWriter';

const started = performance.now();
const meshes = buildSpineMeshes();
const glb = writeGlb(spineScene(meshes));
const out = fileURLToPath(new URL('../models/spine.glb', import.meta.url));
writeFileSync(out, glb);

const triangles = (list: { indices: Uint32Array }[]): number =>
  list.reduce((n, m) => n + m.indices.length / 3, 0);
const boneTriangles = [...meshes.bones.values()].reduce((n, parts) => n + triangles(parts), 0);
const discTriangles = triangles(meshes.discs.map((d) => d.mesh));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `models/spine.glb: ${(glb.length / 1024).toFixed(0)} KiB (${(gzipSync(glb, { level: 9 }).length / 1024).toFixed(0)} KiB gzip), ` +
    `${boneTriangles + discTriangles} triangles (bones ${boneTriangles}, discs ${discTriangles}), ${seconds} s`,
);
