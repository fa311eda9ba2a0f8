import { DEFAULT_LANG, isLanguageLoaded, loadLanguage, translate } from '../i18n/catalog';
import type { ViewerController } from './viewerController';

/**
 * Switch a viewer's language once its catalog is here, so it never shows a half-translated frame; a catalog that
 * cannot be loaded leaves the language as it was, with a notice.
 */
export function switchLanguage(controller: ViewerController, lang: string): void {
  if (isLanguageLoaded(lang)) return controller.updateSettings({ lang });
  void loadLanguage(lang).then((loaded) => {
    if (loaded) controller.updateSettings({ lang });
    else catalogFailed(controller, lang);
  });
}

/** The catalog for `lang` could not be loaded: English it is, said politely. */
export function catalogFailed(controller: ViewerController, lang: string): void {
  if (controller.getSettings().lang === lang) controller.updateSettings({ lang: DEFAULT_LANG });
  const notice = { option: 'lang' as const, key: 'notice.catalogFailed' as const, params: { value: lang } };
  controller.notices.add([notice], translate(DEFAULT_LANG, notice.key, notice.params));
}
