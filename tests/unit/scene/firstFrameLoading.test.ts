import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  HalfFloatType,
  DataUtils,
  EquirectangularReflectionMapping,
  PMREMGenerator,
  type WebGLRenderer,
} from 'three';
import { createProcedureState } from '../../../src/procedure/procedureState';
import { stateAt } from '../../../src/procedure/stateAt';
import { timelineFor } from '../../../src/procedure/timeline';
import { PROCEDURE_IDS } from '../../../src/procedure/types';
import { needsSceneFeatures } from '../../../src/scene/loading/useSceneFeatures';
import { roomRadiance, studioRoomEquirect } from '../../../src/scene/studioLight/studioRoom';
import {
  smallPmremGenerator,
  STUDIO_CUBE_SIZE,
  STUDIO_ROOM_WIDTH,
} from '../../../src/scene/studioLight/liveStudioLight';

const OPTIONS = { level: 'L1', approach: 'bipedicular', grade: 2, morphology: 'wedge' } as const;

describe('the first frame without the features chunk is the whole picture', () => {
  it.each(PROCEDURE_IDS)('%s: wherever the chunk is not needed, nothing of it would show', (procedure) => {
    const timeline = timelineFor(procedure);
    let bare = 0;
    for (let t = 0; t <= timeline.duration; t += 0.25) {
      const s = stateAt(timeline, OPTIONS, t, createProcedureState());
      if (needsSceneFeatures(s, { view: '3d', labels: false })) continue;
      bare++;
      // No patient, C-arm (it shows only with an X-ray view), instrument, mark, dressing, balloon or cement.
      expect(s.torsoOpacity).toBe(0);
      expect(s.fluoroView).toBe('none');
      expect(s.needleVisible || s.drillVisible).toBe(false);
      expect(s.skinMarker + s.bandage + s.balloonInsertion + s.balloonVolumeMl + s.cavityVolumeMl).toBe(0);
      expect(s.cementVolumeMl).toBe(0);
    }
    // The opening overview is bare: a viewer opening there does not wait for the chunk.
    expect(bare).toBeGreaterThan(4);
    expect(
      needsSceneFeatures(stateAt(timeline, OPTIONS, 0, createProcedureState()), {
        view: '3d',
        labels: false,
      }),
    ).toBe(false);
  });

  it('any other view or moment needs the chunk', () => {
    const timeline = timelineFor('kyphoplasty');
    const start = stateAt(timeline, OPTIONS, 0, createProcedureState());
    expect(needsSceneFeatures(start, { view: 'split', labels: false })).toBe(true);
    expect(needsSceneFeatures(start, { view: 'fluoro', labels: false })).toBe(true);
    expect(needsSceneFeatures(start, { view: '3d', labels: true })).toBe(true);
    const later = stateAt(timeline, OPTIONS, timeline.duration / 2, createProcedureState());
    expect(needsSceneFeatures(later, { view: '3d', labels: false })).toBe(true);
  });
});

describe('the studio light traced on the CPU', () => {
  it('sees the ceiling panel overhead, lit walls around and no light missing anywhere', () => {
    expect(roomRadiance(0, 1, 0)).toBe(100);
    for (const [x, y, z] of [
      [1, 0, 0],
      [-1, 0, 0],
      [0, 0, 1],
      [0, 0, -1],
      [0, -1, 0],
    ] as const) {
      const value = roomRadiance(x, y, z);
      expect(value).toBeGreaterThan(0.05);
      expect(value).toBeLessThan(5);
    }
  });

  it('is an equirectangular half-float image in three.js orientation (top row looks up)', () => {
    // The size the viewer uses: its top row (88.6° up) lies inside the ceiling panel (±1.7° about the zenith).
    const texture = studioRoomEquirect(STUDIO_ROOM_WIDTH);
    expect(texture.image.width).toBe(128);
    expect(texture.image.height).toBe(64);
    expect(texture.type).toBe(HalfFloatType);
    expect(texture.mapping).toBe(EquirectangularReflectionMapping);
    const data = texture.image.data as Uint16Array;
    const texel = (i: number, j: number) => DataUtils.fromHalfFloat(data[4 * (j * 128 + i)]!);
    // Row 0 looks straight down (v = 0), the last row straight up into the 100-strong ceiling panel.
    for (const i of [0, 32, 64, 96]) expect(texel(i, 63)).toBeCloseTo(100, 0);
    expect(texel(64, 0)).toBeLessThan(5);
    for (let k = 0; k < data.length; k++)
      expect(Number.isFinite(DataUtils.fromHalfFloat(data[k]!))).toBe(true);
    texture.dispose();
  });
});

describe('the model download', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('is shared while it runs and forgotten when it fails, so the next try fetches again', async () => {
    const calls: string[] = [];
    let fail = true;
    vi.stubGlobal('fetch', (url: string) => {
      calls.push(url);
      return Promise.resolve(
        fail ? new Response('gone', { status: 503 }) : new Response(new Uint8Array([1, 2, 3])),
      );
    });
    const { fetchSpineModel } = await import('../../../src/anatomy/spineModelFile');
    const first = fetchSpineModel();
    expect(fetchSpineModel()).toBe(first);
    await expect(first).rejects.toThrow(/HTTP 503/);
    fail = false;
    const bytes = await fetchSpineModel();
    expect(new Uint8Array(bytes)).toEqual(new Uint8Array([1, 2, 3]));
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatch(/spine.*\.glb/);
    // Once loaded, every viewer gets the same bytes without another request.
    await fetchSpineModel();
    expect(calls).toHaveLength(2);
  });
});

describe('the studio light’s PMREM is small (three.js’s floor is 256 px a face)', () => {
  it('replaces three.js’s private _setSize, which every PMREM build calls, on its own instance only', () => {
    // If three.js renames or stops calling it, this fails rather than the environment silently growing 16-fold.
    const setSize = (PMREMGenerator.prototype as unknown as { _setSize?: unknown })._setSize;
    expect(typeof setSize).toBe('function');
    expect(String(PMREMGenerator.prototype['_fromTexture' as keyof PMREMGenerator])).toContain(
      'this._setSize(',
    );
    const pmrem = smallPmremGenerator({} as WebGLRenderer, STUDIO_CUBE_SIZE) as unknown as {
      _setSize(size: number): void;
      _cubeSize: number;
    };
    pmrem._setSize(STUDIO_ROOM_WIDTH / 4);
    expect(pmrem._cubeSize).toBe(64);
    const plain = new PMREMGenerator({} as WebGLRenderer) as unknown as {
      _setSize(size: number): void;
      _cubeSize: number;
    };
    plain._setSize(32);
    expect(plain._cubeSize).toBe(256);
  });
});
