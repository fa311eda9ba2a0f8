import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import {
  MAX_DISTANCE,
  MIN_DISTANCE,
  nudgeCamera,
  orbitOf,
  orbitScratch,
} from '../../../src/scene/cameraNudge';

/** A camera 300 mm from the origin, head (+Z) up, as the close-up shots hold it. */
function closeUp(): PerspectiveCamera {
  const camera = new PerspectiveCamera(32, 1, 5, 6000);
  camera.up.set(0, 0, 1);
  camera.position.set(300, 0, 0);
  camera.lookAt(0, 0, 0);
  return camera;
}

describe('keyboard camera nudges', () => {
  const target = new Vector3();

  it('turn around the target by 15° at the same distance, still looking at it', () => {
    const camera = closeUp();
    const s = orbitScratch();
    const before = orbitOf(camera, target, s).clone();
    nudgeCamera(camera, target, 'left', s);
    const after = orbitOf(camera, target, s);
    expect(after.radius).toBeCloseTo(300, 6);
    expect(Math.abs(after.theta - before.theta)).toBeCloseTo(Math.PI / 12, 6);
    expect(camera.position.z, 'a turn stays level about the up axis').toBeCloseTo(0, 6);
    const forward = new Vector3(0, 0, -1).applyQuaternion(camera.quaternion);
    expect(forward.dot(target.clone().sub(camera.position).normalize())).toBeCloseTo(1, 6);
  });

  it('tilt towards the up axis and stop short of the pole', () => {
    const camera = closeUp();
    const s = orbitScratch();
    nudgeCamera(camera, target, 'up', s);
    expect(camera.position.z).toBeGreaterThan(50);
    for (let i = 0; i < 20; i++) nudgeCamera(camera, target, 'up', s);
    expect(orbitOf(camera, target, s).phi).toBeGreaterThan(0.04);
    expect(Number.isFinite(camera.position.x)).toBe(true);
  });

  it('zoom in and out by a quarter, within the allowed distances', () => {
    const camera = closeUp();
    const s = orbitScratch();
    nudgeCamera(camera, target, 'in', s);
    expect(camera.position.length()).toBeCloseTo(240, 6);
    nudgeCamera(camera, target, 'out', s);
    expect(camera.position.length()).toBeCloseTo(300, 6);
    for (let i = 0; i < 40; i++) nudgeCamera(camera, target, 'in', s);
    expect(camera.position.length()).toBeCloseTo(MIN_DISTANCE, 6);
    for (let i = 0; i < 40; i++) nudgeCamera(camera, target, 'out', s);
    expect(camera.position.length()).toBeCloseTo(MAX_DISTANCE, 6);
  });
});
