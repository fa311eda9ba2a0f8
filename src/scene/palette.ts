import { Color } from 'three';

/** The scene's colours (never mutated; materials copy them): calm tones that read well for patients, no gore. */
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
