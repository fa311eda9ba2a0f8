import { useEffect, useSyncExternalStore } from 'react';
import { NarrationQueue } from '../narration/narrationQueue';
import { sharedWebSpeech } from '../narration/webSpeech';
import type { ViewerController } from '../playback/viewerController';
import { stepSentence } from './stepSentence';

/** Narrate the viewer's steps while it is mounted (the queue only speaks with the `narration` option on). */
export function useNarration(controller: ViewerController): void {
  useEffect(() => {
    const queue = new NarrationQueue(controller, sharedWebSpeech(), (step) => stepSentence(controller, step));
    return () => queue.dispose();
  }, [controller]);
}

/** Whether this browser has a voice for the language (updates when voices load). */
export function useVoiceAvailable(lang: string): boolean {
  const speaker = sharedWebSpeech();
  return useSyncExternalStore(
    (notify) => speaker.subscribe(notify),
    () => speaker.canSpeak(lang),
  );
}
