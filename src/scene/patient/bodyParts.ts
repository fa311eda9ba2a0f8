import type { PatientBody } from './bodyShape';

/*
 * Where the head, arms and legs lie, in the table frame (mm), derived from the trunk. Prone kyphoplasty
 * positioning: face in a face cushion, chest and pelvis on bolsters so the abdomen hangs free, shoulders
 * abducted and elbows bent about 90° with the forearms beside the head on arm boards, legs on the table
 * with a pillow under the shins. Segment sizes are round figures of an average adult (upper arm ≈ 300 mm,
 * forearm ≈ 260 mm, thigh ≈ 430 mm, shank ≈ 420 mm; head ≈ 160 × 190 × 210 mm).
 */

export type Point = readonly [number, number, number];

/** A limb segment: from a to b with radii r0 → r1. */
export interface LimbSegment {
  a: Point;
  b: Point;
  r0: number;
  r1: number;
}

export interface BodyParts {
  head: { centre: Point; radii: Point };
  segments: LimbSegment[];
  /** Hands and feet as small ellipsoids. */
  ends: { centre: Point; radii: Point }[];
  /** Arm boards under the forearms: centre and size (x, y, z). */
  armBoards: { centre: Point; size: Point }[];
  /** Face cushion under the head: centre of its base and height. */
  faceCushion: { centre: Point; height: number };
  /** Transverse bolsters: z' and height above the table. */
  bolsters: { z: number; height: number; halfWidth: number }[];
  /** Pillow under the shins. */
  shinPillow: { z: number; height: number };
  /** The table's extent along z'. */
  tableZ: [number, number];
}

export function bodyParts(body: PatientBody): BodyParts {
  const table = body.tableTopY;
  const spineT1 = body.spineY(body.zT1);
  const head: Point = [0, spineT1 - 10, body.zT1 + 200];
  const headRadii: Point = [78, 92, 104];
  const neckBase: Point = [0, spineT1 + 20, body.zT1 + 10];

  const shoulderZ = body.zT1 - 25;
  const shoulderSection = body.section(shoulderZ);
  const shoulderY = shoulderSection.centreY + 10;
  const armBoardTop = table + 55;
  const segments: LimbSegment[] = [{ a: neckBase, b: head, r0: 55, r1: 48 }];
  const ends: BodyParts['ends'] = [];
  const armBoards: BodyParts['armBoards'] = [];
  const hipZ = body.zS1 - 95;
  const hipSection = body.section(hipZ);
  const hipY = hipSection.centreY - hipSection.frontHalf * 0.35;
  for (const side of [1, -1]) {
    const shoulder: Point = [side * (shoulderSection.halfWidth - 40), shoulderY, shoulderZ];
    const elbow: Point = [side * (shoulderSection.halfWidth + 230), armBoardTop + 38, shoulderZ + 110];
    const wrist: Point = [side * (shoulderSection.halfWidth + 200), armBoardTop + 28, shoulderZ + 365];
    segments.push({ a: shoulder, b: elbow, r0: 50, r1: 38 }, { a: elbow, b: wrist, r0: 38, r1: 27 });
    ends.push({ centre: [wrist[0], armBoardTop + 16, wrist[2] + 70], radii: [42, 16, 62] });
    armBoards.push({ centre: [elbow[0], armBoardTop - 15, shoulderZ + 250], size: [170, 30, 520] });

    const hip: Point = [side * 92, hipY, hipZ];
    const knee: Point = [side * 100, table + 60, hipZ - 430];
    const ankle: Point = [side * 95, table + 110, hipZ - 850];
    segments.push({ a: hip, b: knee, r0: 85, r1: 55 }, { a: knee, b: ankle, r0: 55, r1: 34 });
    // Prone: the feet point down past the pillow, toes towards the table.
    ends.push({ centre: [ankle[0], ankle[1] - 50, ankle[2] - 40], radii: [40, 95, 38] });
  }
  const chestZ = body.zT1 - 130;
  const pelvisZ = body.zS1 - 40;
  const frontAt = (z: number) => {
    const s = body.section(z);
    return s.centreY - s.frontHalf;
  };
  return {
    head: { centre: head, radii: headRadii },
    segments,
    ends,
    armBoards,
    faceCushion: { centre: [0, table, head[2] + 10], height: head[1] - headRadii[1] + 12 - table },
    bolsters: [
      { z: chestZ, height: frontAt(chestZ) - table - 1, halfWidth: 190 },
      { z: pelvisZ, height: frontAt(pelvisZ) - table - 1, halfWidth: 175 },
    ],
    shinPillow: { z: hipZ - 800, height: 80 },
    tableZ: [hipZ - 1000, head[2] + 200],
  };
}
