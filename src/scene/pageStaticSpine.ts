import type { Object3D } from 'three';
import { mergeStaticParts } from '../anatomy/mergeStaticParts';
import type { MergedStatic } from './loading/preparedSpine';

/**
 * The static spine without the `excluded` levels (joined by commas), merged on the page: for a level the viewer
 * changes to, or a second viewer treating other levels than the first (the decoding worker merges those the first
 * opens on). In the features' chunk, so the first download carries no merge. Timed as `spine-static-merge`.
 */
export function pageStaticSpine(root: Object3D, excluded: string): MergedStatic {
  const started = performance.now();
  const merged = mergeStaticParts(root, excluded.split(','));
  performance.measure('spine-static-merge', { start: started, detail: { thread: 'main' } });
  return merged;
}
