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

/**
 * The shipped languages' names for themselves, as their catalogs' `language.name` gives them (tested), for the
 * menu before those catalogs are loaded: asking the browser (Intl.DisplayNames) costs more than 15 ms the first
 * time, spent before the first frame. A catalog added without an entry here is named by the browser.
 */
export const NATIVE_NAMES: Readonly<Record<string, string>> = { en: 'English', es: 'Español' };

/** A language named in itself: from its catalog when loaded, else as above, else from the browser's list. */
export function languageName(code: string): string {
  if (isLanguageLoaded(code)) return translate(code, 'language.name');
  const known = NATIVE_NAMES[code];
  if (known) return known;
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}
