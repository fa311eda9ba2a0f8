import { Icon } from './icons';
import { useVoiceAvailable } from './useNarration';
import { useController, useSettings, useT } from '../playback/react/viewerHooks';

/** Turns spoken captions on and off; disabled, saying why, where the browser has no voice for the language. */
export function NarrationButton() {
  const controller = useController();
  const settings = useSettings();
  const t = useT();
  const available = useVoiceAvailable(settings.lang);
  const on = settings.narration === 'on';
  const label = available ? t('controls.narration') : t('controls.narrationNoVoice');
  return (
    <button
      type="button"
      className="spv-button spv-narration"
      aria-pressed={on}
      aria-label={label}
      title={label}
      disabled={!available}
      onClick={() => controller.setOption('narration', on ? 'off' : 'on')}
    >
      <Icon name="speaker" />
    </button>
  );
}
