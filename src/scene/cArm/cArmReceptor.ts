import { BoxGeometry, CylinderGeometry, type BufferGeometry } from 'three';
import type { Detector } from '../../options/optionValues';
import { C_ARM_SHAPE } from './cArmLayout';

/** Height of the dark rim at the receptor's face (mm). */
const RIM_MM = 26;

/**
 * The image receptor above the back, in the C's frame (the beam along +Y, its face at the detector distance), as
 * the `detector` option has it, so the 3D machine and the X-ray's field agree (round or square): a light housing on
 * a dark rim at its face (the side that looks at the patient), so that it reads as the camera end of the machine
 * from any side. An image intensifier is a drum narrowing a little away from the patient; a flat panel a square
 * box. Where a dark flat box stood for both, it read as a slab hanging over the patient.
 */
export function receptorGeometry(detector: Detector): { housing: BufferGeometry; rim: BufferGeometry } {
  const [width, height] = C_ARM_SHAPE.detectorSize;
  const face = C_ARM_SHAPE.detectorFaceMm;
  const housingMm = height - RIM_MM;
  const [housing, rim] =
    detector === 'intensifier'
      ? [
          new CylinderGeometry(width / 2 - 14, width / 2, housingMm, 40),
          new CylinderGeometry(width / 2, width / 2 - 6, RIM_MM, 40),
        ]
      : [new BoxGeometry(width, housingMm, width), new BoxGeometry(width + 8, RIM_MM, width + 8)];
  housing.translate(0, face + RIM_MM + housingMm / 2, 0);
  rim.translate(0, face + RIM_MM / 2, 0);
  return { housing, rim };
}
