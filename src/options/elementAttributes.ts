import { OPTION_KEYS, OPTION_SCHEMA } from './optionSchema';
import type { RawOptions } from './parseOptions';

/** The attributes an element has, by option (unparsed: parseOptions checks them). */
export function rawAttributes(element: Element): RawOptions {
  const raw: RawOptions = {};
  for (const key of OPTION_KEYS) {
    const value = element.getAttribute(OPTION_SCHEMA[key].attribute);
    if (value !== null) raw[key] = value;
  }
  return raw;
}
