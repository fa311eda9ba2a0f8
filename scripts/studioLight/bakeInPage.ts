/**
 * The page side of `npm run studio-light` (scripts/studioLight/bake.ts): builds the studio light with the viewer's
 * own code on this browser's GPU and hands back its half floats, base64-encoded (StudioLightCube.rgb).
 */
import { WebGLRenderer } from 'three';
import { liveStudioLight } from '../../src/scene/studioLight/liveStudioLight';
import { readBackStudioLight } from '../../src/scene/studioLight/studioLightReadback';

function bakeStudioLight(): { size: number; levels: number; rgb: string } {
  const renderer = new WebGLRenderer({ canvas: document.createElement('canvas') });
  try {
    const target = liveStudioLight(renderer);
    const cube = readBackStudioLight(renderer, target);
    target.dispose();
    const bytes = new Uint8Array(cube.rgb.buffer);
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return { size: cube.size, levels: cube.levels, rgb: btoa(text) };
  } finally {
    renderer.dispose();
  }
}

(window as unknown as { bakeStudioLight: typeof bakeStudioLight }).bakeStudioLight = bakeStudioLight;
