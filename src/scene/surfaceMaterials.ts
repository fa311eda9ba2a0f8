import { MeshStandardMaterial } from 'three';
import { palette } from './palette';

/** One viewer's 3D-view materials for the instruments and skin marks, shared by that viewer's meshes. */
export interface SurfaceMaterials {
  steel: MeshStandardMaterial;
  drill: MeshStandardMaterial;
  handle: MeshStandardMaterial;
  /**
   * Never cut: the cutaway holds the balloon's needle, so the balloon sits half out of the opened bone, whole;
   * cut, it showed as an empty shell and the cavity behind it.
   */
  balloon: MeshStandardMaterial;
  marker: MeshStandardMaterial;
  bandage: MeshStandardMaterial;
}

export function createSurfaceMaterials(): SurfaceMaterials {
  return {
    // Brushed steel: metallic now that the studio environment gives it something to reflect (without one, metal
    // renders nearly black); rough enough that the reflections stay soft.
    steel: new MeshStandardMaterial({ color: palette.steel, metalness: 0.8, roughness: 0.32 }),
    drill: new MeshStandardMaterial({ color: '#9aa6b2', metalness: 0.75, roughness: 0.38 }),
    handle: new MeshStandardMaterial({ color: palette.handle, roughness: 0.5 }),
    // Satin, like a contrast-filled balloon under theatre lights: at 0.25 the studio's highlights made it read as a
    // glossy plastic ball rather than something soft pressing on the bone.
    balloon: new MeshStandardMaterial({
      color: palette.balloon,
      roughness: 0.55,
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

export function disposeSurfaceMaterials(materials: SurfaceMaterials): void {
  for (const material of Object.values(materials)) material.dispose();
}
