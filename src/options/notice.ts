import type { MessageKey, MessageParams } from '../i18n/catalog';
import type { OptionKey } from './optionSchema';

/** A value the viewer ignored, said politely; rendered as text only. */
export interface Notice {
  option: OptionKey;
  key: MessageKey;
  params: MessageParams;
}
