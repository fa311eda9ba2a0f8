import type { LevelId } from '../anatomy/levels';
import { levelDimensions } from '../anatomy/morphometry';
import { vertebraLandmarks } from '../anatomy/vertebraLandmarks';
import { accessPlan } from '../procedure/accessPath';
import type { CameraPresetId, ShotSubject } from '../procedure/types';

type Vec3 = readonly [number, number, number];

/**
 * How the guided camera frames a step's subject (world axes, patient prone: +Y posterior, +Z cranial, +X the
 * patient's left, treated body at the origin). `direction` points from the subject towards the camera; `fill` is
 * the share of the free canvas's smaller side the subject's bounding sphere spans; `up` is the screen's up.
 */
export interface CameraShot {
  direction: Vec3;
  up: Vec3;
  fill: number;
}

const POSTERIOR_UP: Vec3 = [0, 1, 0];
/**
 * Head up: the close-ups of the opened body are seen from the patient's left with the head at the top, exactly as
 * the lateral X-ray inset beside them is shown (front on the left, back on the right), so instruments run the same
 * way in both pictures.
 */
const CRANIAL_UP: Vec3 = [0, 0, 1];

/**
 * One framing per kind of step. Inside the body the camera looks from the patient's left, onto the cut that
 * runs along the left needle (cutaway.ts); consecutive steps change subject, side or elevation so no two neighbours look alike.
 */
export const CAMERA_SHOTS: Record<CameraPresetId, CameraShot> = {
  // Side-on and upright, head at the top, front on the left, exactly as the lateral X-ray and every textbook
  // shows a wedge fracture: the collapsed body's lost height reads against its neighbours. (Lying as the patient
  // lies, posterior up, a blind review read the wedge as a waist, not as lost height.)
  overview: { direction: [1, 0.12, 0.06], up: CRANIAL_UP, fill: 0.8 },
  // The room's view: the whole patient face down on the table, from the foot end on the left.
  patient: { direction: [0.75, 0.62, -0.5], up: POSTERIOR_UP, fill: 0.78 },
  // The needles docked in the back under the C-arm's detector, from the foot end, above and a little to the
  // patient's left: head at the top and the patient's left on the left, as the AP X-ray beside it shows them, so
  // the two needles converge on the spine the same way in both pictures. The C turns about the patient's long
  // axis, so from along that axis it never passes between the eye and the needles while it swings between views
  // (from the patient's side its detector swept across them, or blinked out where it was hidden). Framed on the
  // needles and the detector's rim, not the whole machine: a blind review found the needles too small to read as
  // the subject, and the body around them too crude, in a wider shot.
  imaging: { direction: [0.3, 0.7, -0.75], up: POSTERIOR_UP, fill: 0.8 },
  // True lateral of the opened body: endplates above and below, as on the lateral X-ray.
  lateral: { direction: [1, 0.02, 0], up: CRANIAL_UP, fill: 0.78 },
  // The opened body, level, a little from the head end.
  inside: { direction: [1, 0.08, 0.2], up: CRANIAL_UP, fill: 0.7 },
  // The treated vertebra closed again, see-through, from the left and above the back: the cement held inside the body.
  result: { direction: [1, 0.3, 0.25], up: CRANIAL_UP, fill: 0.72 },
  // Close over the back at the treated level, from nearly straight above (a little from the feet): the numbing
  // needle going into the skin, a mark either side of the spine. From the side, the spine under the translucent
  // skin shifted against the marks, and they looked lopsided about it.
  skin: { direction: [0.06, 1, -0.5], up: POSTERIOR_UP, fill: 0.66 },
  // From the feet along the spine, a little above the back, the back up as the
  // patient lies: the vertebra cut across through both needles (axialCut), the two converging through their
  // pedicles into the body in a V, as every textbook draws the transpedicular route. The patient's left is on the
  // left, as on the AP X-ray beside it. (From the side the two mirror-image needles projected onto one rod; tilted
  // towards the feet to part them, the far one seemed to pass below its pedicle.)
  access: { direction: [0, 0.35, -1], up: POSTERIOR_UP, fill: 0.8 },
  // Close on the working channel from the left, the feet and a little below (clear of the pedicle): the drill.
  drilling: { direction: [1, -0.15, -0.3], up: CRANIAL_UP, fill: 0.8 },
  // The opened body from the left, slightly from the belly side and the head end.
  balloon: { direction: [1, -0.08, 0.26], up: CRANIAL_UP, fill: 0.68 },
  // From the left, the belly side and the feet (clear of the pedicle): the hollow the balloon leaves.
  cavity: { direction: [1, -0.2, -0.22], up: CRANIAL_UP, fill: 0.74 },
  // The opened body from the left, above the back and a little towards the feet: the cement setting, about as
  // large as it was going in (framed on the whole vertebra, further back, it read as smaller than it had been).
  hardening: { direction: [1, 0.3, -0.14], up: CRANIAL_UP, fill: 0.62 },
  // The patient's back from nearly straight above (a little from the feet): the dressings where the needles went in,
  // either side of the spine. From the patient's side, the spine under the translucent skin shifted against them,
  // and one dressing seemed to sit on the midline; from further towards the feet, the head and the raised hands
  // came into view at the top (the hands read as spikes).
  closure: { direction: [0.08, 1, -0.45], up: POSTERIOR_UP, fill: 0.72 },
};

/** A subject's bounding sphere in world millimetres. */
export interface SubjectSphere {
  centre: [number, number, number];
  radius: number;
}

/**
 * Where the needles cross the skin, world frame: the mean of the plan's skin points (entry − direction × skin
 * depth, as SkinMarks places the numbing spots and dressings), and how far apart they lie.
 */
function skinPoint(level: LevelId, out: [number, number, number]): number {
  const plan = accessPlan(level, 'bipedicular');
  out[0] = out[1] = out[2] = 0;
  let spread = 0;
  for (const n of plan.needles) {
    const x = n.entry[0] - n.direction[0] * n.skinDepthMm;
    const y = n.entry[1] - n.direction[1] * n.skinDepthMm;
    const z = n.entry[2] - n.direction[2] * n.skinDepthMm;
    // Vertebra frame (x left, y cranial, z anterior) to world (x left, y posterior, z cranial).
    out[0] += x / plan.needles.length;
    out[1] += -z / plan.needles.length;
    out[2] += y / plan.needles.length;
    spread = Math.max(spread, Math.abs(x));
  }
  return spread;
}

/** Bounding sphere of a step's subject for the treated level, written into `out`. */
export function subjectSphere(subject: ShotSubject, level: LevelId, out: SubjectSphere): SubjectSphere {
  const d = levelDimensions(level);
  const marks = vertebraLandmarks(level);
  const height = d.bodyHeightAnteriorMm;
  const depth = d.endplateDepthMm;
  const set = (x: number, y: number, z: number, radius: number) => {
    out.centre[0] = x;
    out.centre[1] = y;
    out.centre[2] = z;
    out.radius = radius;
    return out;
  };
  switch (subject) {
    case 'spine':
      // The treated level with one neighbour above and below: about three body-plus-disc heights.
      return set(0, depth * 0.6, 0, 1.2 * (height + d.discHeightBelowMm) + depth * 0.3);
    case 'patient':
      // The patient on the table: trunk, head and raised arms, about 1.5 m (PatientTorso's trunk is 700 mm).
      return set(0, -30, 120, 470);
    case 'skin': {
      // Both needle sites and the syringe's reach around them.
      const halfSpan = skinPoint(level, out.centre);
      out.radius = halfSpan + 0.6 * marks.bodyWidthMm;
      return out;
    }
    case 'back': {
      // The back around both dressings, wide enough to read as a back (the spine's line, the flanks): framed
      // close, two dressings on bare skin read as tiles on a wall.
      const halfSpan = skinPoint(level, out.centre);
      out.radius = halfSpan + 2 * marks.bodyWidthMm;
      return out;
    }
    case 'pedicles':
      // Between the body's middle and the pedicles: the section at access shows both, the needles' way through
      // the pedicles and the body they lead into (centred on the pedicles, a phone's picture left the body low).
      return set(0, -marks.pedicleLeft.center[2] * 0.4, 0, marks.bodyWidthMm / 2 + 14);
    case 'needle-tip':
      return set(0, depth * 0.3, 0, 0.5 * Math.hypot(depth * 1.4, height + 10));
    case 'body-interior':
      // The body's sagittal section (depth × height) with a rim of its neighbours' discs.
      return set(0, depth * 0.06, 0, 0.5 * Math.hypot(depth + 4, height + 8));
    case 'imaging':
      // The back with both needles up to the detector's face (C_ARM_SHAPE: 380 mm above the body), which stays
      // in the picture as the machine the needles are aimed with; the C and the table run out of the frame.
      return set(0, 130, 0, 200);
    case 'vertebra':
      // The closed body with the roots of its pedicles, centred on the body: the cement inside it and the height
      // regained are the subject (centred on the whole vertebra, a phone's picture left the body and its cement
      // in the left third, half the size). The arch behind runs out of the picture's edge.
      return set(0, depth * 0.2, 0, 0.5 * Math.hypot(depth * 1.6, height + 14));
  }
}
