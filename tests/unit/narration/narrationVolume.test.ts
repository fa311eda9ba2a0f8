import { describe, expect, it } from 'vitest';
import { NarrationQueue } from '../../../src/narration/narrationQueue';
import type { Speaker, Utterance } from '../../../src/narration/speaker';
import { DEFAULT_OPTIONS } from '../../../src/options/optionSchema';
import { ManualClock } from '../../../src/playback/clock';
import { ViewerController } from '../../../src/playback/viewerController';
import { settingsFromOptions } from '../../../src/playback/viewerSettings';

/** Narration with the element's `muted` and `volume`: a speaker that records sentences and cancellations. */
function setup() {
  const clock = new ManualClock();
  const c = new ViewerController({ ...settingsFromOptions(DEFAULT_OPTIONS), narration: 'on' }, { clock });
  c.renderer.attach(() => {});
  const spoken: (Utterance & { cancelled: boolean })[] = [];
  const speaker: Speaker = {
    canSpeak: () => true,
    speak(utterance) {
      const s = { ...utterance, cancelled: false };
      spoken.push(s);
      return { cancel: () => (s.cancelled = true) };
    },
    subscribe: () => () => {},
  };
  const queue = new NarrationQueue(c, speaker, (step) => ({ text: `say ${step}`, lang: 'en' }), clock);
  return { c, clock, spoken, queue };
}

describe('narration volume and mute', () => {
  it('speaks at the viewer volume; a new volume applies to the next sentence', () => {
    const { c, spoken } = setup();
    c.setVolume(0.3);
    c.play();
    expect(spoken.map((s) => s.volume)).toEqual([0.3]);
    c.setVolume(0.6);
    expect(spoken).toHaveLength(1);
    c.seek(20);
    c.play();
    expect(spoken.map((s) => s.volume)).toEqual([0.3, 0.6]);
  });

  it('muting stops the sentence and releases the timeline; unmuting speaks the current step again', () => {
    const { c, clock, spoken } = setup();
    c.play();
    expect(c.narrating).toBe(true);
    c.setMuted(true);
    expect(spoken[0]!.cancelled).toBe(true);
    expect(c.narrating).toBe(false);
    // Nothing holds time while muted: the overview's 8 s run past its end.
    clock.advance(9000);
    expect(c.getTime()).toBeCloseTo(9, 6);
    expect(c.getPlayback().waiting).toBe(false);
    c.setMuted(false);
    expect(spoken).toHaveLength(2);
    expect(spoken[1]!.text).toBe(`say ${c.currentStep()}`);
  });

  it('volume 0 is as silent as muted: nothing is spoken while playing', () => {
    const { c, spoken } = setup();
    c.setVolume(0);
    c.play();
    expect(spoken).toHaveLength(0);
    c.setVolume(1);
    expect(spoken).toHaveLength(1);
  });
});
