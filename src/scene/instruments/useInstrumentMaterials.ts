import { useEffect, useMemo } from 'react';
import { MeshStandardMaterial } from 'three';
import { palette } from '../palette';

/** Materials of the hand-held parts not shared with the rest of the scene (created and disposed per use). */
export interface InstrumentMaterials {
  styletCap: MeshStandardMaterial;
  /** Clear syringe barrel: see-through so its contents and plunger show. */
  plastic: MeshStandardMaterial;
  plunger: MeshStandardMaterial;
  /** The plunger's rubber stopper, dark as on real syringes. */
  stopper: MeshStandardMaterial;
  cement: MeshStandardMaterial;
  anaesthetic: MeshStandardMaterial;
}

export function useInstrumentMaterials(): InstrumentMaterials {
  const materials = useMemo<InstrumentMaterials>(
    () => ({
      styletCap: new MeshStandardMaterial({ color: palette.styletCap, roughness: 0.45 }),
      plastic: new MeshStandardMaterial({
        color: palette.plastic,
        roughness: 0.15,
        transparent: true,
        // Clear, but not so clear that the barrel vanishes against pale skin.
        opacity: 0.58,
        depthWrite: false,
      }),
      plunger: new MeshStandardMaterial({ color: '#f4f4f2', roughness: 0.5 }),
      stopper: new MeshStandardMaterial({ color: palette.handle, roughness: 0.7 }),
      cement: new MeshStandardMaterial({ color: palette.cement, roughness: 0.6 }),
      anaesthetic: new MeshStandardMaterial({
        color: '#dff1f7',
        roughness: 0.1,
        transparent: true,
        opacity: 0.5,
        depthWrite: false,
      }),
    }),
    [],
  );
  useEffect(
    () => () => {
      for (const m of Object.values(materials)) m.dispose();
    },
    [materials],
  );
  return materials;
}
