import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { Texture, WebGLCubeRenderTarget, WebGLRenderer } from 'three';
import { useLoaded } from '../playback/react/useLoaded';
import { fetchStudioLight, studioLightIfArrived } from './studioLight/studioLightFile';
import type { StudioLightCube } from '../anatomy/studioLightFormat';
import { studioLightTexture } from './studioLight/studioLightTexture';

/**
 * Where the studio light comes from: models/studio-light.bin, prefiltered ahead; or, where that file could not be
 * read, the same light built on this device (its code is fetched only then).
 */
type StudioLightSource = { cube: StudioLightCube } | { live: (gl: WebGLRenderer) => WebGLCubeRenderTarget };

/** The studio light's source (stable, as useLoaded needs): the file, or the build on this device. */
function loadStudioLight(): Promise<StudioLightSource> {
  return fetchStudioLight().then(
    (cube) => ({ cube }),
    async () => ({ live: (await import('./studioLight/liveStudioLight')).liveStudioLight }),
  );
}

/** StudioEnvironmentProps: how strongly the studio's reflected light counts, and what it lights. */
export interface StudioEnvironmentProps {
  /** Scale of the image-based light (the direct lights in Lights.tsx carry the shape). */
  intensity?: number;
  /** Mounted once the light is in place, so that their shader programs are built for it (ShaderWarmup). */
  children?: ReactNode;
}

/**
 * Image-based light from a softly lit room (three's RoomEnvironment: a box room with a few area lights): the soft,
 * even fill of a photo studio and believable reflections on steel, with nothing downloaded from elsewhere. The
 * light comes prefiltered (models/studio-light.bin, a few tens of kB fetched with the model), so the first frame
 * waits for no GPU work to build it: prefiltering on the device took 40–55 ms of the page's first frame. Where the
 * file cannot be read, the same light is built here (liveStudioLight.ts), and again after a lost GPU context comes
 * back (a render target's pixels do not survive the loss; the file's arrays are simply uploaded again). Timed as
 * the `spv-studio-environment` performance measure, whose detail says which (`source`: `file` or `device`).
 */
export function StudioEnvironment({ intensity = 0.35, children }: StudioEnvironmentProps) {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const invalidate = useThree((state) => state.invalidate);
  const loaded = useLoaded(loadStudioLight);
  // Already here (fetched when the viewer connected): used in this very render, so the shader warm-up below
  // starts with the canvas rather than a render later.
  const arrived = studioLightIfArrived();
  const arrivedSource = useMemo(() => arrived && { cube: arrived }, [arrived]);
  const source = arrivedSource ?? loaded;
  // Set once the light is in place: the children mount only then. A child's layout effects run before its
  // parent's, so children mounted with the light's source would warm up shader programs for a scene without it.
  const [lit, setLit] = useState(false);
  useLayoutEffect(() => {
    if (!source) return;
    let environment: Texture | null = null;
    const build = () => {
      const start = performance.now();
      environment?.dispose();
      environment = 'cube' in source ? studioLightTexture(source.cube) : source.live(gl).texture;
      scene.environment = environment;
      scene.environmentIntensity = intensity;
      try {
        performance.measure('spv-studio-environment', {
          start,
          detail: { source: 'cube' in source ? 'file' : 'device' },
        });
      } catch {
        // Older browsers take only mark names here; the timing is a diagnostic, never needed to draw.
      }
      invalidate();
    };
    build();
    setLit(true);
    const canvas = gl.domElement;
    const live = 'live' in source;
    if (live) canvas.addEventListener('webglcontextrestored', build);
    return () => {
      if (live) canvas.removeEventListener('webglcontextrestored', build);
      scene.environment = null;
      environment?.dispose();
    };
  }, [gl, scene, intensity, invalidate, source]);
  return lit ? children : null;
}
