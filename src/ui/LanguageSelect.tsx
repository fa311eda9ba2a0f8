import { translate } from '../i18n/catalog';
import { useSettings, useT } from '../playback/react/viewerHooks';
import { OptionSelect } from './OptionSelect';

/**
 * The language menu: every shipped catalog, each named in its own language ("English", "Español") so a reader
 * finds theirs whatever language the viewer is in now.
 */
export function LanguageSelect() {
  const { lang } = useSettings();
  const t = useT();
  return (
    <OptionSelect
      option="lang"
      className="spv-switch spv-language"
      label={t('controls.language')}
      value={lang}
      valueLabel={(code) => translate(code, 'language.name')}
      optionLang={(code) => code}
    />
  );
}
