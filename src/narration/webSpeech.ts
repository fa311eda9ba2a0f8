import type { Speaker, Utterance } from './speaker';

/** Whether a voice's BCP 47 tag (`es-ES`, `es_ES`) belongs to a language (`es`). */
function voiceMatches(voice: SpeechSynthesisVoice, lang: string): boolean {
  const tag = voice.lang.toLowerCase().replace('_', '-');
  const want = lang.toLowerCase();
  return tag === want || tag.startsWith(`${want}-`);
}

/**
 * The Web Speech API as a Speaker: an installed voice for the language (`getVoices()` filtered by its tag, the
 * browser's default voice first), `voiceschanged` for voices that load late. Without Web Speech nothing can speak.
 */
export function webSpeechSpeaker(scope: typeof globalThis = globalThis): Speaker {
  const synth = (scope as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  const Utter = (scope as { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance })
    .SpeechSynthesisUtterance;
  const voiceFor = (lang: string): SpeechSynthesisVoice | undefined => {
    if (!synth || !Utter) return undefined;
    let voices: SpeechSynthesisVoice[];
    try {
      voices = synth.getVoices().filter((v) => voiceMatches(v, lang));
    } catch {
      return undefined;
    }
    return voices.find((v) => v.default) ?? voices[0];
  };
  return {
    canSpeak: (lang) => voiceFor(lang) !== undefined,
    speak({ text, lang, rate, volume = 1 }: Utterance, onEnd) {
      const voice = voiceFor(lang);
      let live = true;
      const end = () => {
        if (!live) return;
        live = false;
        onEnd();
      };
      if (!synth || !Utter || !voice) {
        queueMicrotask(end);
        return { cancel: () => (live = false) };
      }
      const utterance = new Utter(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = rate;
      utterance.volume = volume;
      utterance.onend = end;
      utterance.onerror = end;
      // One sentence at a time: drop anything still queued (Web Speech queues across the page).
      synth.cancel();
      synth.speak(utterance);
      return {
        cancel() {
          if (!live) return;
          live = false;
          synth.cancel();
        },
      };
    },
    subscribe(listener) {
      if (!synth || typeof synth.addEventListener !== 'function') return () => {};
      synth.addEventListener('voiceschanged', listener);
      return () => synth.removeEventListener('voiceschanged', listener);
    },
  };
}

let shared: Speaker | null = null;

/** The page's one Web Speech speaker (speech synthesis is one queue per page). */
export function sharedWebSpeech(): Speaker {
  shared ??= webSpeechSpeaker();
  return shared;
}
