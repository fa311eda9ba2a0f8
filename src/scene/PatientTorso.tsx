import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BoxGeometry, CapsuleGeometry, Mesh, MeshStandardMaterial } from 'three';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { palette } from './palette';
import { useSceneResources } from './useSceneResources';

/**
 * The prone patient's torso as a capsule (world mm; the treated level at the origin, +Y up = posterior,
 * +Z cranial). Its back surface sits where the needles cross the skin.
 */
export const TORSO = { halfWidth: 170, halfDepth: 115, length: 700, centreY: -30, centreZ: 100 };

/**
 * A calm, translucent silhouette of the patient's torso on the table, faded in for the room views. The torso
 * always carries the soft-tissue path on the X-ray.
 */
export function PatientTorso() {
  const controller = useController();
  const { torso: torsoEnabled } = useSettings();
  const { fluoro } = useSceneResources();
  const { torso, table, torsoMaterial, tableMaterial } = useMemo(() => {
    const torsoGeometry = new CapsuleGeometry(100, TORSO.length - 200, 12, 40)
      .rotateX(Math.PI / 2)
      .scale(TORSO.halfWidth / 100, TORSO.halfDepth / 100, 1);
    const torsoMaterial = new MeshStandardMaterial({
      color: palette.skin,
      roughness: 0.8,
      transparent: true,
      opacity: 0,
      depthWrite: false,
    });
    const torso = new Mesh(torsoGeometry, torsoMaterial);
    torso.position.set(0, TORSO.centreY, TORSO.centreZ);
    torso.renderOrder = 5;
    // The soft-tissue path shows on X-ray whether or not the silhouette is drawn in 3D.
    torso.userData.fluoroMaterial = fluoro.softTissue;
    torso.userData.fluoroAlways = true;
    const tableMaterial = new MeshStandardMaterial({
      color: palette.table,
      roughness: 0.9,
      transparent: true,
      opacity: 0,
    });
    const table = new Mesh(new BoxGeometry(560, 24, 1700), tableMaterial);
    table.position.set(0, TORSO.centreY - TORSO.halfDepth - 14, TORSO.centreZ);
    return { torso, table, torsoMaterial, tableMaterial };
  }, [fluoro]);

  useEffect(
    () => () => {
      torso.geometry.dispose();
      table.geometry.dispose();
      torsoMaterial.dispose();
      tableMaterial.dispose();
    },
    [torso, table, torsoMaterial, tableMaterial],
  );

  useFrame(() => {
    const opacity = torsoEnabled ? controller.state.torsoOpacity : 0;
    torsoMaterial.opacity = opacity * 0.5;
    // The table belongs to the room views; close-ups inside the bone leave it out.
    const room = Math.min(1, Math.max(0, (opacity - 0.25) / 0.25));
    tableMaterial.opacity = room;
    torso.visible = opacity > 0.01;
    table.visible = room > 0.01;
  });

  return (
    <>
      <primitive object={torso} />
      <primitive object={table} />
    </>
  );
}
