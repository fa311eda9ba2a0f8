import {
  BufferAttribute,
  BufferGeometry,
  Group,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  PerspectiveCamera,
  Scene,
  WebGLRenderer,
} from 'three';
import { describe, expect, it } from 'vitest';
import { FocusCull, chunkSpheres, cullByFocus } from '../../../src/scene/focusCull';
import { createFocusUniform, setFocusSection } from '../../../src/scene/focusGlsl';

/** Triangles per chunk in focusCull.ts: each block below fills whole chunks. */
const CHUNK = 512;

/** A small cluster of triangles per z (mm), in that order, each filling one chunk of the index. */
function blocksAlongZ(zs: number[]): BufferGeometry {
  const positions: number[] = [];
  const index: number[] = [];
  for (const z of zs) {
    for (let t = 0; t < CHUNK; t++) {
      const base = positions.length / 3;
      positions.push(-1, -1, z, 1, -1, z, 0, 1, z + 1);
      index.push(base, base + 1, base + 2);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  geometry.setIndex(new BufferAttribute(new Uint32Array(index), 1));
  return geometry;
}

/** A camera at `z` on the axis, looking down -z at the focus at the origin. */
function cameraAt(z: number): PerspectiveCamera {
  const camera = new PerspectiveCamera();
  camera.position.set(0, 0, z);
  camera.lookAt(0, 0, 0);
  camera.updateMatrixWorld();
  return camera;
}

describe('focus cull', () => {
  it('bounds each chunk of the index', () => {
    const spheres = chunkSpheres(blocksAlongZ([0, 100]));
    expect(spheres.length).toBe(8);
    expect(spheres[2]).toBeCloseTo(0.5);
    expect(spheres[6]).toBeCloseTo(100.5);
    expect(spheres[3]).toBeCloseTo(Math.hypot(2, 2, 1) / 2);
  });

  it('leaves out the chunks wholly in front of the near edge, from either end of the index', () => {
    const focus = createFocusUniform();
    focus.value.set(0, 0, 0, 10);
    // The normal reach: the near edge 2.5 radii before the focus, at z = 25 (plus the soft band and margin).
    const nearFirst = blocksAlongZ([150, 100, 0, -20]);
    new FocusCull(nearFirst).cull(new Matrix4(), cameraAt(200), focus.value, focus.reach.value.y);
    expect(nearFirst.drawRange).toEqual({ start: 2 * 3 * CHUNK, count: 2 * 3 * CHUNK });
    const nearLast = blocksAlongZ([-20, 0, 100, 150]);
    new FocusCull(nearLast).cull(new Matrix4(), cameraAt(200), focus.value, focus.reach.value.y);
    expect(nearLast.drawRange).toEqual({ start: 0, count: 2 * 3 * CHUNK });
    // A chunk reaching over the edge stays, as does everything between the kept ones.
    const straddling = blocksAlongZ([28, 150, 0]);
    new FocusCull(straddling).cull(new Matrix4(), cameraAt(200), focus.value, focus.reach.value.y);
    expect(straddling.drawRange).toEqual({ start: 0, count: 3 * 3 * CHUNK });
  });

  it('follows the section: at access the edge comes to just behind the focus', () => {
    const focus = createFocusUniform();
    focus.value.set(0, 0, 0, 10);
    const geometry = blocksAlongZ([-20, 0, 20]);
    const cull = new FocusCull(geometry);
    cull.cull(new Matrix4(), cameraAt(200), focus.value, focus.reach.value.y);
    expect(geometry.drawRange.count).toBe(3 * 3 * CHUNK);
    setFocusSection(focus, 1);
    cull.cull(new Matrix4(), cameraAt(200), focus.value, focus.reach.value.y);
    // The edge 0.3 radii behind the focus (z = -3), less the soft band and the margin (z = 1.5): the block at
    // z = 20 goes, the one at the focus (reaching z = 1 + its sphere's slack) stays.
    expect(geometry.drawRange).toEqual({ start: 0, count: 2 * 3 * CHUNK });
  });

  it("places the chunks by the mesh's world matrix", () => {
    const focus = createFocusUniform();
    focus.value.set(0, 0, 0, 10);
    const geometry = blocksAlongZ([-20, 0, 150]);
    new FocusCull(geometry).cull(
      new Matrix4().makeTranslation(0, 0, -200),
      cameraAt(200),
      focus.value,
      focus.reach.value.y,
    );
    // Moved 200 mm away from the camera, the block that stood in front (z = 150) is behind the focus now.
    expect(geometry.drawRange).toEqual({ start: 0, count: 3 * 3 * CHUNK });
  });

  it('draws everything without a focus, and for any other material (the X-ray pass)', () => {
    const focus = createFocusUniform();
    const geometry = blocksAlongZ([0, 150]);
    const own = new MeshBasicMaterial();
    const xray = new MeshBasicMaterial();
    const mesh = new Mesh(geometry, own);
    cullByFocus(mesh, own, focus);
    const renderer = {} as WebGLRenderer;
    const scene = new Scene();
    const camera = cameraAt(200);
    const group = new Group();
    mesh.onBeforeRender(renderer, scene, camera, geometry, own, group);
    expect(geometry.drawRange.count).toBe(Infinity);
    focus.value.set(0, 0, 0, 10);
    mesh.onBeforeRender(renderer, scene, camera, geometry, own, group);
    expect(geometry.drawRange).toEqual({ start: 0, count: 3 * CHUNK });
    mesh.onBeforeRender(renderer, scene, camera, geometry, xray, group);
    expect(geometry.drawRange).toEqual({ start: 0, count: Infinity });
  });
});
