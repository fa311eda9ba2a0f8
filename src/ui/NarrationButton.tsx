import { Icon } from './icons';
import { useVoiceAvailable } from './useNarration';
import { useController, usePlayback, useSettings, useT } from '../playback/react/viewerHooks';

/**
 * Turns spoken captions on and off; disabled, saying why, where the browser has no voice for the language. While
 * the narration is on but muted (the element's `muted`, e.g. a player UI's mute button) it shows so, and a press
 * unmutes it rather than turning it off.
 */
export function NarrationButton() {
  const controller = useController();
  const settings = useSettings();
  const { muted } = usePlayback();
  const t = useT();
  const available = useVoiceAvailable(settings.lang);
  const on = settings.narration === 'on';
  const silenced = on && muted && available;
  const label = !available
    ? t('controls.narrationNoVoice')
    : silenced
      ? t('controls.narrationMuted')
      : t('controls.narration');
  return (
    <button
      type="button"
      className="spv-button spv-narration"
      aria-pressed={on && !muted}
      aria-label={label}
      title={label}
      disabled={!available}
      onClick={() =>
        silenced ? controller.setMuted(false) : controller.setOption('narration', on ? 'off' : 'on')
      }
    >
      <Icon name={silenced ? 'speakerMuted' : 'speaker'} />
    </button>
  );
}
