import { OPTION_SCHEMA, type ViewerOptions } from '../options/optionSchema';
import { useController } from '../playback/react/viewerHooks';

/** The options with a fixed list of values: the ones a menu can offer. */
export type ChoiceOption =
  | 'audience'
  | 'view'
  | 'polarity'
  | 'detector'
  | 'bone'
  | 'rate'
  | 'level'
  | 'grade'
  | 'morphology'
  | 'approach'
  | 'complication'
  | 'lang';

/** OptionSelectProps: a native menu over one public option, listing the schema's values. */
export interface OptionSelectProps<K extends ChoiceOption> {
  /** The option the menu sets (through the same schema as attributes, URLs and the iframe protocol). */
  option: K;
  /** The menu's visible label. */
  label: string;
  /** The value shown as selected. */
  value: ViewerOptions[K];
  /** Words for each value. */
  valueLabel: (value: ViewerOptions[K]) => string;
  /** The language each value's words are in, when not the viewer's (a language menu names each in its own). */
  optionLang?: (value: ViewerOptions[K]) => string;
  className?: string;
}

export function OptionSelect<K extends ChoiceOption>({
  option,
  label,
  value,
  valueLabel,
  optionLang,
  className = 'spv-switch',
}: OptionSelectProps<K>) {
  const controller = useController();
  const spec = OPTION_SCHEMA[option];
  return (
    <label className={className}>
      <span>{label}</span>
      <select
        value={String(value)}
        onChange={(e) => controller.setOption(option, spec.parse(e.currentTarget.value) ?? value)}
      >
        {(spec.values ?? []).map((v) => (
          <option key={String(v)} value={String(v)} lang={optionLang?.(v as ViewerOptions[K])}>
            {valueLabel(v as ViewerOptions[K])}
          </option>
        ))}
      </select>
    </label>
  );
}
