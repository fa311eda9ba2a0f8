import { Color, MeshStandardMaterial } from 'three';

/** Shared materials, created once; calm colours that read well for patients (no blood, no gore). */
export const palette = {
  bone: new Color('#eadfc8'),
  disc: new Color('#a9bfcc'),
  steel: new Color('#c9d1d9'),
  handle: new Color('#3f7cac'),
  balloon: new Color('#5aa9d6'),
  cementWet: new Color('#f4f1e6'),
  cementSet: new Color('#b9bcbf'),
  highlight: new Color('#e08a3c'),
  skin: new Color('#d8b49c'),
  marker: new Color('#3f7cac'),
  bandage: new Color('#fbfbf8'),
  table: new Color('#5d6b78'),
};

let cache: ReturnType<typeof build> | null = null;

function build() {
  return {
    // Little metalness: without an environment map, strongly metallic steel renders nearly black.
    steel: new MeshStandardMaterial({ color: palette.steel, metalness: 0.35, roughness: 0.3 }),
    drill: new MeshStandardMaterial({ color: '#9aa6b2', metalness: 0.4, roughness: 0.35 }),
    handle: new MeshStandardMaterial({ color: palette.handle, roughness: 0.5 }),
    balloon: new MeshStandardMaterial({
      color: palette.balloon,
      roughness: 0.25,
      metalness: 0,
      transparent: true,
      opacity: 0.85,
    }),
    marker: new MeshStandardMaterial({
      color: palette.marker,
      roughness: 0.6,
      transparent: true,
      opacity: 0.75,
      depthWrite: false,
    }),
    bandage: new MeshStandardMaterial({ color: palette.bandage, roughness: 0.9 }),
  };
}

export function sharedMaterials() {
  cache ??= build();
  return cache;
}
