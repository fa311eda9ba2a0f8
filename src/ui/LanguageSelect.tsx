import { isLanguageLoaded, translate } from '../i18n/catalog';
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
      valueLabel={languageName}
      optionLang={(code) => code}
    />
  );
}

/** A language named in itself: from its catalog when loaded, else from the browser's own list of names. */
function languageName(code: string): string {
  if (isLanguageLoaded(code)) return translate(code, 'language.name');
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}
