import en from './messages/en.json';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

/*
 * Every JSON file in ./messages is a language: adding `fr.json` adds French without code changes. English is
 * the reference; a key missing from another language falls back to English.
 */
const modules = import.meta.glob<{ default: Partial<Messages> }>('./messages/*.json', { eager: true });

const catalogs = new Map<string, Partial<Messages>>();
for (const [path, mod] of Object.entries(modules)) {
  const lang = /([\w-]+)\.json$/.exec(path)?.[1];
  if (lang) catalogs.set(lang, mod.default);
}

export const DEFAULT_LANG = 'en';

export function availableLanguages(): string[] {
  return [...catalogs.keys()].sort();
}

export function hasLanguage(lang: string): boolean {
  return catalogs.has(lang);
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
