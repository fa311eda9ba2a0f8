import { describe, expect, it } from 'vitest';
import { HOLD_BEFORE_END_S, NarrationQueue } from '../../../src/narration/narrationQueue';
import type { Speaker, Utterance } from '../../../src/narration/speaker';
import { DEFAULT_OPTIONS } from '../../../src/options/optionSchema';
import { ManualClock } from '../../../src/playback/clock';
import { ViewerController } from '../../../src/playback/viewerController';
import { settingsFromOptions } from '../../../src/playback/viewerSettings';

const PAD = ' '.repeat(400);

interface Spoken extends Utterance {
  at: number;
  ended: boolean;
  cancelled: boolean;
  end(): void;
}

/** A speaker that records every sentence with the clock time it started; sentences end only when told. */
function recordingSpeaker(clock: ManualClock, voices = ['en', 'es']) {
  const spoken: Spoken[] = [];
  const listeners = new Set<() => void>();
  const speaker: Speaker = {
    canSpeak: (lang) => voices.includes(lang),
    speak(utterance, onEnd) {
      const s: Spoken = {
        ...utterance,
        text: utterance.text.trim(),
        at: clock.now(),
        ended: false,
        cancelled: false,
        end() {
          if (s.ended || s.cancelled) return;
          s.ended = true;
          onEnd();
        },
      };
      spoken.push(s);
      return { cancel: () => (s.cancelled = true) };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { speaker, spoken, voices, changed: () => listeners.forEach((l) => l()) };
}

function setup(narration: 'on' | 'off' = 'on', voices?: string[]) {
  const clock = new ManualClock();
  const c = new ViewerController({ ...settingsFromOptions(DEFAULT_OPTIONS), narration }, { clock });
  const rec = recordingSpeaker(clock, voices);
  const queue = new NarrationQueue(
    c,
    rec.speaker,
    // Sentences as long as real captions (about 40 s at a slow pace), so the watchdog stays out of the way.
    (step) => ({ text: `say ${step} in ${c.getSettings().lang}${PAD}`, lang: c.getSettings().lang }),
    clock,
  );
  /** Move wall time like a render loop: a frame every 50 ms (stepchange comes from frames). */
  const run = (seconds: number) => {
    for (let ms = 0; ms < seconds * 1000; ms += 50) {
      clock.advance(50);
      c.renderFrame();
    }
  };
  c.renderFrame();
  const steps = c.getTimeline().steps;
  return { c, clock, queue, run, steps, ...rec };
}

describe('NarrationQueue', () => {
  it('says nothing with the option off, or while paused', () => {
    const off = setup('off');
    off.c.play();
    off.run(30);
    expect(off.spoken).toEqual([]);
    const on = setup('on');
    on.run(5);
    expect(on.spoken).toEqual([]);
    expect(on.c.narrating).toBe(false);
  });

  it("speaks the current step's sentence on play, in the viewer's language and rate", () => {
    const { c, spoken, steps } = setup();
    c.setRate(2);
    c.play();
    expect(spoken.map((s) => [s.text, s.lang, s.rate, s.at])).toEqual([
      [`say ${steps[0]!.id} in en`, 'en', 2, 0],
    ]);
    expect(c.narrating).toBe(true);
  });

  it('a sentence shorter than its step: no hold, the next step is spoken when the animation gets there', () => {
    const { c, run, spoken, steps } = setup();
    const first = steps[0]!;
    c.play();
    run(first.end / 2);
    spoken[0]!.end();
    expect(c.narrating).toBe(false);
    run(first.end / 2 + 0.2);
    expect(c.getPlayback().waiting).toBe(false);
    expect(spoken).toHaveLength(2);
    expect(spoken[1]!.text).toBe(`say ${steps[1]!.id} in en`);
    // Spoken when the step began (within one 50 ms frame), not earlier.
    expect(spoken[1]!.at).toBeGreaterThanOrEqual(first.end * 1000);
    expect(spoken[1]!.at).toBeLessThanOrEqual(first.end * 1000 + 50);
    expect(c.getTime()).toBeGreaterThan(first.end);
  });

  it('a sentence longer than its step: time waits at the step end until the sentence ends, then runs on', () => {
    const { c, run, spoken, steps } = setup();
    const first = steps[0]!;
    c.play();
    run(first.end + 10);
    expect(c.getPlayback()).toMatchObject({ playing: true, waiting: true });
    expect(c.getTime()).toBeCloseTo(first.end - HOLD_BEFORE_END_S, 9);
    expect(c.currentStep()).toBe(first.id);
    expect(spoken).toHaveLength(1);
    spoken[0]!.end();
    expect(c.getPlayback().waiting).toBe(false);
    run(0.2);
    expect(c.currentStep()).toBe(steps[1]!.id);
    expect(spoken.map((s) => s.text)).toEqual([`say ${first.id} in en`, `say ${steps[1]!.id} in en`]);
    // Held 10 s: the second sentence starts about 10 s after the step's own end.
    expect(spoken[1]!.at).toBeGreaterThanOrEqual((first.end + 10) * 1000 - 100);
  });

  it('pause cancels and releases; play restarts the current step sentence', () => {
    const { c, run, spoken, steps } = setup();
    c.play();
    run(steps[0]!.end + 1);
    expect(c.getPlayback().waiting).toBe(true);
    c.pause();
    expect(spoken[0]!.cancelled).toBe(true);
    expect(c.narrating).toBe(false);
    expect(c.getPlayback()).toMatchObject({ playing: false, waiting: false });
    c.play();
    expect(spoken).toHaveLength(2);
    expect(spoken[1]!.text).toBe(`say ${steps[0]!.id} in en`);
    // Still before the step end: the restarted sentence holds again.
    run(1);
    expect(c.getPlayback().waiting).toBe(true);
  });

  it('a seek cancels; playing again speaks the new step; a language change speaks in the new language', () => {
    const { c, run, spoken, steps } = setup();
    c.play();
    run(1);
    c.seekStep(steps[3]!.id);
    expect(spoken[0]!.cancelled).toBe(true);
    expect(spoken).toHaveLength(1);
    c.play();
    expect(spoken[1]!.text).toBe(`say ${steps[3]!.id} in en`);
    c.updateSettings({ lang: 'es' });
    expect(spoken[1]!.cancelled).toBe(true);
    expect(spoken[2]).toMatchObject({ text: `say ${steps[3]!.id} in es`, lang: 'es' });
  });

  it('without a voice for the language: silent, never waits', () => {
    const { c, run, spoken, steps, queue } = setup('on', ['en']);
    c.updateSettings({ lang: 'es' });
    expect(queue.enabled()).toBe(false);
    c.play();
    run(steps[0]!.end + 1);
    expect(spoken).toEqual([]);
    expect(c.getPlayback().waiting).toBe(false);
  });

  it('turning narration off while held stops speaking and lets time run', () => {
    const { c, run, spoken, steps } = setup();
    c.play();
    run(steps[0]!.end + 2);
    expect(c.getPlayback().waiting).toBe(true);
    c.setOption('narration', 'off');
    expect(spoken[0]!.cancelled).toBe(true);
    expect(c.getPlayback().waiting).toBe(false);
    run(1);
    expect(c.currentStep()).toBe(steps[1]!.id);
    expect(spoken).toHaveLength(1);
  });

  it('a speech engine that never reports the end cannot hold the viewer for good', () => {
    const { c, run, steps } = setup();
    c.play();
    run(steps[0]!.end + 120);
    expect(c.getTime()).toBeGreaterThan(steps[0]!.end);
    expect(c.currentStep()).not.toBe(steps[0]!.id);
  });
});
