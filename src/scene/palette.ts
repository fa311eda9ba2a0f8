import { Color } from 'three';

/**
 * The scene's colours (never mutated; materials copy them): calm tones that read well for patients, no gore.
 * One meaning per colour: blue is only the contrast-filled balloon; the discs are a pearly grey, the numbing
 * marks the violet of a surgical skin marker, the bone cement a single pale green (the chlorophyll tint some
 * PMMA cements carry so they can be told from bone, e.g. Osteopal V) whether wet or set.
 */
const cement = new Color('#9fd4b4');

export const palette = {
  bone: new Color('#eadfc8'),
  disc: new Color('#c9c0b4'),
  steel: new Color('#c9d1d9'),
  /** Instrument handles: dark polymer, so the steel and the patient's skin stand out against them. */
  handle: new Color('#3b4450'),
  /** The stylet's cap on top of the handle (it comes out before drilling or cement). */
  styletCap: new Color('#f0c24b'),
  balloon: new Color('#3d95d6'),
  /** The bone cement, the one colour it has everywhere (3D, legend, readouts). */
  cement,
  cementWet: cement.clone(),
  cementSet: cement.clone().multiplyScalar(0.88),
  highlight: new Color('#e08a3c'),
  /**
   * The dural sac in the canal and the spinal cord in it: the yellow anatomy atlases give nerves, the sac paler
   * than the cord, its section (the cut) a shade deeper than its surface.
   */
  duralSac: new Color('#f1da86'),
  duralSacSection: new Color('#ebcf6c'),
  spinalCordSection: new Color('#d69a22'),
  /** Where the collapsed endplate was before the balloon lifted it: a dark dashed line on the cut face. */
  collapsedEndplate: new Color('#2c3440'),
  skin: new Color('#dcb59b'),
  hair: new Color('#a8a29a'),
  marker: new Color('#7a4fa3'),
  bandage: new Color('#fbfbf8'),
  /** Syringe barrels and the cement delivery device's body: clear medical polymer. */
  plastic: new Color('#e9eef0'),
  table: new Color('#8d98a3'),
  tablePad: new Color('#465562'),
  cArm: new Color('#e4e7ea'),
  cArmAccent: new Color('#5f6b77'),
};
