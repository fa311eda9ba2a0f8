/**
 * One sentence to speak. `lang` is the viewer's language (`en`, `es`); `rate` the playback rate; `volume` the
 * viewer's narration volume (0 to 1; absent: full).
 */
export interface Utterance {
  text: string;
  lang: string;
  rate: number;
  volume?: number;
}

/** A sentence being spoken. */
export interface SpeechHandle {
  /** Stop it; its `onEnd` is not called afterwards. */
  cancel(): void;
}

/** What the narration queue needs from a speech engine (Web Speech in the browser, a stand-in in tests). */
export interface Speaker {
  /** Whether a voice for this language is installed now. */
  canSpeak(lang: string): boolean;
  /** Start speaking; `onEnd` is called once when the sentence ends or fails (never after `cancel`). */
  speak(utterance: Utterance, onEnd: () => void): SpeechHandle;
  /** Listen for changes of `canSpeak` (voices loaded or removed). */
  subscribe(listener: () => void): () => void;
}
