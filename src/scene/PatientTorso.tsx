import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BackSide, Group, Mesh, MeshStandardMaterial } from 'three';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { bodyParts } from './patient/bodyParts';
import { hairGeometry, limbsGeometry, supportsGeometry } from './patient/bodyGeometry';
import { patientBody } from './patient/bodyShape';
import { createSkinMaterial } from './patient/skinMaterial';
import { trunkGeometry } from './patient/trunkGeometry';
import { palette } from './palette';
import { useFluoroMaterials } from './useFluoroMaterials';

/**
 * A typical section of the trunk at the thoracolumbar junction (world mm): what the X-ray's exposure is scaled
 * for. The drawn body (patient/bodyShape) is close to it there: about 290 mm wide and 225 mm deep.
 */
export const TORSO = { halfWidth: 145, halfDepth: 112, length: 700, centreY: -25, centreZ: 100 };

/** Torso channel value at which the body is fully shown (positioning, anaesthesia, closure). */
const FULL_TORSO = 0.55;
/** Below this the body is hidden: the close-ups work inside the bone, often from within the trunk. */
const HIDDEN_TORSO = 0.12;

/**
 * The patient lying prone on the operating table, arms up beside the head, face in a face cushion, chest and
 * pelvis on bolsters. The skin reads as a body and turns see-through over the treated level; the whole body
 * fades as the story moves inside the bone. The trunk always carries the soft-tissue path on the X-ray.
 */
export function PatientTorso() {
  const controller = useController();
  const { torso: torsoEnabled, level } = useSettings();
  const fluoro = useFluoroMaterials();
  const skin = useMemo(() => createSkinMaterial(), []);
  // Head, arms and legs: the same skin without the window, kept more solid so overlapping limbs read as one.
  const limbSkin = useMemo(() => createSkinMaterial(), []);
  // The inside of the trunk, seen through the window: a shaded skin tone instead of a hole to the background.
  const inner = useMemo(
    () =>
      new MeshStandardMaterial({
        // Mostly self-lit: the inner walls facing away from the lights would otherwise show as dark patches.
        color: palette.skin.clone().multiplyScalar(0.35),
        emissive: palette.skin.clone().multiplyScalar(0.5),
        roughness: 0.9,
        side: BackSide,
        transparent: true,
        depthWrite: false,
      }),
    [],
  );
  const hair = useMemo(
    () => new MeshStandardMaterial({ color: palette.hair, roughness: 0.95, transparent: true }),
    [],
  );
  const tableMaterial = useMemo(
    () => new MeshStandardMaterial({ vertexColors: true, roughness: 0.8, transparent: true, opacity: 0 }),
    [],
  );
  const scene = useMemo(() => {
    const body = patientBody(level);
    const parts = bodyParts(body);
    const group = new Group();
    group.rotation.x = body.tiltRad;
    const trunk = new Mesh(trunkGeometry(body), skin.material);
    const trunkInside = new Mesh(trunk.geometry, inner);
    const limbs = new Mesh(limbsGeometry(parts), limbSkin.material);
    const hairMesh = new Mesh(hairGeometry(parts), hair);
    const supports = new Mesh(supportsGeometry(body, parts), tableMaterial);
    // Drawn after the other see-through parts so the spine shows through the skin's window.
    trunkInside.renderOrder = 4;
    trunk.renderOrder = 5;
    limbs.renderOrder = 5;
    hairMesh.renderOrder = 5;
    // The soft-tissue path shows on X-ray whether or not the body is drawn in 3D.
    trunk.userData.fluoroMaterial = fluoro.softTissue;
    trunk.userData.fluoroAlways = true;
    group.add(trunkInside, trunk, limbs, hairMesh, supports);
    return { group, trunk, trunkInside, limbs, hair: hairMesh, supports };
  }, [level, fluoro, skin, limbSkin, inner, hair, tableMaterial]);

  useEffect(
    () => () => {
      scene.trunk.geometry.dispose();
      scene.limbs.geometry.dispose();
      scene.hair.geometry.dispose();
      scene.supports.geometry.dispose();
    },
    [scene],
  );
  useEffect(
    () => () => {
      skin.material.dispose();
      limbSkin.material.dispose();
      inner.dispose();
      hair.dispose();
      tableMaterial.dispose();
    },
    [skin, limbSkin, inner, hair, tableMaterial],
  );

  useFrame(() => {
    const torso = torsoEnabled ? controller.state.torsoOpacity : 0;
    const k = Math.min(1, Math.max(0, (torso - HIDDEN_TORSO) / (FULL_TORSO - HIDDEN_TORSO)));
    // Continuous down to zero, so the body fades out smoothly as the story moves inside the bone.
    const body = 0.98 * Math.sqrt(k);
    skin.uniforms.uBodyOpacity.value = body;
    // The window over the treated level lets the spine show through while X-rays guide the needles; before (the
    // patient on the table, the numbing: skinCover) and once the dressings go on, the story is on the skin, and
    // the skin closes over the spine.
    // Closed, no bone shows through: half-closed, the spine pressed through the skin of a patient who looked
    // wasted.
    const { bandage, skinCover } = controller.state;
    skin.uniforms.uWindowOpacity.value = body * (0.32 + 0.68 * Math.max(bandage, skinCover));
    // A nearly opaque body hides its own far side; a faint one must not hide what is drawn after it.
    skin.material.depthWrite = body > 0.6;
    const limbs = Math.min(1, body * 1.4);
    limbSkin.uniforms.uBodyOpacity.value = limbs;
    limbSkin.uniforms.uWindowOpacity.value = limbs;
    limbSkin.material.depthWrite = limbs > 0.6;
    inner.opacity = body * 0.9;
    hair.opacity = limbs;
    hair.depthWrite = limbSkin.material.depthWrite;
    scene.trunk.visible = body > 0;
    scene.trunkInside.visible = body > 0;
    scene.limbs.visible = body > 0;
    scene.hair.visible = body > 0;
    // The table belongs to the room views; close-ups inside the bone leave it out.
    const room = Math.min(1, Math.max(0, (torso - 0.25) / 0.25));
    tableMaterial.opacity = room;
    tableMaterial.depthWrite = room > 0.9;
    scene.supports.visible = room > 0.01;
  });

  return <primitive object={scene.group} />;
}
