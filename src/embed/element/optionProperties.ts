import type { ViewerOptions } from '../../options/optionSchema';
import type { ViewerElementBase } from './ViewerElementBase';

/**
 * Options that are plain properties of the element, named as in the schema: reading gives the current value,
 * writing goes through the same parser as the attribute (same case rules, same notices, `null` → default).
 * `time`, `step` and `rate` are the media API's `currentTime`, `step` and `playbackRate` instead.
 */
export const PROPERTY_OPTIONS = [
  'procedure',
  'level',
  'levels',
  'grade',
  'morphology',
  'approach',
  'complication',
  'lang',
  'audience',
  'view',
  'controls',
  'polarity',
  'detector',
  'bone',
  'labels',
  'cutaway',
  'torso',
  'panel',
  'loop',
  'autoplay',
  'shareUrl',
  'poster',
  'reveal',
  'narration',
] as const satisfies readonly (keyof ViewerOptions)[];

/** The media API's settable properties, which a page may also set before the element is defined. */
export const MEDIA_PROPERTIES = [
  'step',
  'currentTime',
  'playbackRate',
  'defaultPlaybackRate',
  'muted',
  'volume',
] as const;

/** The typed option properties every viewer element has. */
export type OptionProperties = { [K in (typeof PROPERTY_OPTIONS)[number]]: ViewerOptions[K] };

/** Give a viewer element class one accessor per option (defined once, on its prototype). */
export function defineOptionProperties(target: typeof ViewerElementBase): void {
  for (const key of PROPERTY_OPTIONS) {
    Object.defineProperty(target.prototype, key, {
      configurable: true,
      enumerable: true,
      get(this: ViewerElementBase) {
        return this.optionValue(key);
      },
      set(this: ViewerElementBase, value: unknown) {
        this.applyOption(key, value);
      },
    });
  }
}
