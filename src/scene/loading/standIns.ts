import { BufferAttribute, BufferGeometry, Group, Mesh, type Material } from 'three';

/**
 * One triangle with the attributes the spine's meshes have (the program depends on them, not on their values),
 * all its corners at one point: drawn, it covers no pixel.
 */
function warmupGeometry(): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(9), 3));
  geometry.setAttribute('normal', new BufferAttribute(new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1]), 3));
  geometry.setAttribute('color', new BufferAttribute(new Uint8Array(9).fill(255), 3, true));
  return geometry;
}

/** Stand-in meshes, one per material, on one shared geometry (warmupGeometry). */
export function standIns(materials: Material[]): { group: Group; dispose(): void } {
  const geometry = warmupGeometry();
  const group = new Group();
  for (const material of materials) {
    const mesh = new Mesh(geometry, material);
    // It sits at the origin, which the view need not hold: never left out of a draw by the frustum.
    mesh.frustumCulled = false;
    group.add(mesh);
  }
  return {
    group,
    dispose() {
      materials.forEach((material) => material.dispose());
      geometry.dispose();
    },
  };
}
