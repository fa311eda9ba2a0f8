import en from './messages/en.json';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

/*
 * Every JSON file in ./messages is a language: adding `fr.json` adds French without code changes. English is
 * the reference and ships in the main bundle; every other catalog is its own chunk, loaded when a viewer uses it
 * (`loadLanguage`), so an English page downloads no other language. A key missing from a language, or a catalog
 * not loaded (yet, or at all), falls back to English.
 */
const loaders = import.meta.glob<{ default: Partial<Messages> }>([
  './messages/*.json',
  '!./messages/en.json',
]);

const catalogs = new Map<string, Partial<Messages>>([['en', en]]);
const catalogLoaders = new Map<string, () => Promise<{ default: Partial<Messages> }>>();
for (const [path, load] of Object.entries(loaders)) {
  const lang = /([\w-]+)\.json$/.exec(path)?.[1];
  if (lang) catalogLoaders.set(lang, load);
}
const loading = new Map<string, Promise<boolean>>();

export const DEFAULT_LANG = 'en';

/** Every language with a catalog, loaded or not. */
export function availableLanguages(): string[] {
  return [DEFAULT_LANG, ...catalogLoaders.keys()].sort();
}

export function hasLanguage(lang: string): boolean {
  return lang === DEFAULT_LANG || catalogLoaders.has(lang);
}

/** Whether `lang`'s catalog is here (English always is). */
export function isLanguageLoaded(lang: string): boolean {
  return catalogs.has(lang);
}

/** Load a language's catalog once; false when there is none or it could not be fetched (the text stays English). */
export function loadLanguage(lang: string): Promise<boolean> {
  if (catalogs.has(lang)) return Promise.resolve(true);
  const load = catalogLoaders.get(lang);
  if (!load) return Promise.resolve(false);
  let pending = loading.get(lang);
  if (!pending) {
    pending = load().then(
      (mod) => {
        catalogs.set(lang, mod.default);
        return true;
      },
      () => {
        // A failed chunk may succeed later (a flaky network): forget the attempt.
        loading.delete(lang);
        return false;
      },
    );
    loading.set(lang, pending);
  }
  return pending;
}

/** Fill `{name}` placeholders. Values are inserted as text; the UI never renders messages as HTML. */
export function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function translate(lang: string, key: MessageKey, params?: MessageParams): string {
  const template = catalogs.get(lang)?.[key] ?? en[key];
  return format(template, params);
}

/** Whether `lang`'s own file holds `key`, without the English fallback: lets a caller prefer a language's own variant. */
export function hasMessage(lang: string, key: string): key is MessageKey {
  const catalog = catalogs.get(lang);
  return catalog !== undefined && Object.prototype.hasOwnProperty.call(catalog, key);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translatorFor(lang: string): Translate {
  return (key, params) => translate(lang, key, params);
}
