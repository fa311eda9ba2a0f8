import { LEVEL_IDS, type LevelId } from '../anatomy/levels';
import { MAX_TREATED_LEVELS } from '../procedure/treatedLevels';
import { useController, useSettings, useT } from '../playback/react/viewerHooks';

/** AlsoTreatFieldsProps: the class each menu's label takes (the picker's field style). */
export interface AlsoTreatFieldsProps {
  className: string;
}

/**
 * Menus for the second and third level treated in the same session (none by default), beside the level menu. They
 * set the `levels` option through the same path as the URL and attributes, the first level being `level`.
 */
export function AlsoTreatFields({ className }: AlsoTreatFieldsProps) {
  const controller = useController();
  const { level, levels } = useSettings();
  const t = useT();
  const others = levels.slice(1);
  const setOther = (slot: number, value: string) => {
    const next = [...others];
    if (value === '') next.splice(slot);
    else next[slot] = value as LevelId;
    const list = [level, ...next.filter((l, i) => l !== level && next.indexOf(l) === i)];
    controller.setOption('levels', list.length > 1 ? list : []);
  };
  const slots = Math.min(MAX_TREATED_LEVELS - 1, others.length + 1);
  return (
    <fieldset className="spv-picker-levels">
      <legend>{t('levels.label')}</legend>
      {Array.from({ length: slots }, (_, slot) => (
        <label key={slot} className={className}>
          <span>{t(slot === 0 ? 'levels.second' : 'levels.third')}</span>
          <select value={others[slot] ?? ''} onChange={(e) => setOther(slot, e.currentTarget.value)}>
            <option value="">{t('levels.none')}</option>
            {LEVEL_IDS.filter((l) => l !== level && (l === others[slot] || !others.includes(l))).map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
