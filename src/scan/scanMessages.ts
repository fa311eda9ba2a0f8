import { format, type MessageParams } from '../i18n/catalog';
import en from './messages/en.json';

/** A message of the scan feature (its notices and its panel). */
export type ScanMessageKey = keyof typeof en;

/*
 * The scan feature's own catalog, beside the viewer's: it is read only by code that loads when a surgeon opens a
 * scan, so its text stays out of the first download (English included). Every JSON file in ./messages is a
 * language, as in src/i18n; a language without a file, or a key missing from it, falls back to English.
 */
const loaders = import.meta.glob<{ default: Partial<Record<ScanMessageKey, string>> }>([
  './messages/*.json',
  '!./messages/en.json',
]);

const catalogs = new Map<string, Partial<Record<ScanMessageKey, string>>>([['en', en]]);

/** Load `lang`'s scan messages once (resolves when they are here, or when there are none). */
export async function loadScanMessages(lang: string): Promise<void> {
  if (catalogs.has(lang)) return;
  const load = loaders[`./messages/${lang}.json`];
  if (!load) return;
  try {
    catalogs.set(lang, (await load()).default);
  } catch {
    // Not fetched (offline before the chunk was cached): the scan's text stays English this time.
  }
}

/** A scan message in `lang` (English until that language's scan messages are loaded). Text only, never HTML. */
export function scanText(lang: string, key: ScanMessageKey, params?: MessageParams): string {
  return format(catalogs.get(lang)?.[key] ?? en[key], params);
}

/** A translator bound to one language, like `translatorFor`. */
export function scanTranslator(lang: string): (key: ScanMessageKey, params?: MessageParams) => string {
  return (key, params) => scanText(lang, key, params);
}
