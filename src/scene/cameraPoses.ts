import type { CameraPresetId } from '../procedure/types';

/** A camera framing in world millimetres around the treated level (patient prone: +Y posterior, +Z cranial, +X left). */
export interface CameraPose {
  position: readonly [number, number, number];
  target: readonly [number, number, number];
}

/** Where the guided camera stands and looks for each camera preset of the timeline. */
export const CAMERA_POSES: Record<CameraPresetId, CameraPose> = {
  // Posterolateral oblique from the patient's left: the thoracolumbar spine with the treated level centred.
  overview: { position: [430, 260, -170], target: [0, 0, 40] },
  // The whole patient on the table, as the room sees it.
  patient: { position: [820, 640, -520], target: [0, -40, 60] },
  // From above the back, slightly caudal: the surgeon's view of the pedicle entry points.
  posterior: { position: [150, 260, -150], target: [0, 10, 0] },
  // True lateral from the patient's left, as the lateral fluoroscopy sees it.
  lateral: { position: [240, 40, -20], target: [0, 0, 0] },
  // Close oblique on the treated body, where balloon and cement work.
  // Level with the body from the patient's left, slightly caudal: straight onto the cut face of the body.
  inside: { position: [150, 30, -35], target: [0, -3, 0] },
  // The treated level, opened, with its neighbours: the cement held inside the body.
  result: { position: [175, 70, -85], target: [0, -2, 0] },
};
