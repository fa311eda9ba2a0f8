import { useEffect, useSyncExternalStore } from 'react';
import { sharedWebSpeech } from '../narration/webSpeech';
import type { ViewerController } from '../playback/viewerController';
import { useSettings } from '../playback/react/viewerHooks';
import { stepSentence } from './stepSentence';

/**
 * Narrate the viewer's steps while it is mounted and the `narration` option is on. The queue is its own chunk,
 * fetched when narration is first turned on (most visits never do; the service worker keeps it for offline use);
 * made then, it speaks the current step at once if the viewer is playing, and turned off, it stops and lets the
 * timeline run on.
 */
export function useNarration(controller: ViewerController): void {
  const on = useSettings().narration === 'on';
  useEffect(() => {
    if (!on) return;
    let live = true;
    let queue: { dispose(): void } | null = null;
    import('../narration/narrationQueue').then(
      ({ NarrationQueue }) => {
        if (live)
          queue = new NarrationQueue(controller, sharedWebSpeech(), (step) => stepSentence(controller, step));
      },
      // A chunk that cannot be fetched (offline before the service worker kept it) leaves the viewer silent.
      () => undefined,
    );
    return () => {
      live = false;
      queue?.dispose();
    };
  }, [controller, on]);
}

/** Whether this browser has a voice for the language (updates when voices load). */
export function useVoiceAvailable(lang: string): boolean {
  const speaker = sharedWebSpeech();
  return useSyncExternalStore(
    (notify) => speaker.subscribe(notify),
    () => speaker.canSpeak(lang),
  );
}
