import { useController, useSettings, useT } from '../playback/react/viewerHooks';
import { OptionSelect } from './OptionSelect';

/** Quick toggles every audience may use: labels, the cutaway, the view, the X-ray's polarity and the captions. */
export function ViewToggles() {
  const controller = useController();
  const settings = useSettings();
  const t = useT();
  return (
    <div className="spv-view-toggles">
      <label className="spv-switch">
        <input
          type="checkbox"
          checked={settings.cutaway}
          onChange={(e) => controller.setOption('cutaway', e.currentTarget.checked)}
        />
        <span>{t('controls.cutaway')}</span>
      </label>
      <label className="spv-switch">
        <input
          type="checkbox"
          checked={settings.labels}
          onChange={(e) => controller.setOption('labels', e.currentTarget.checked)}
        />
        <span>{t('controls.labels')}</span>
      </label>
      <OptionSelect
        option="view"
        label={t('controls.view')}
        value={settings.view}
        valueLabel={(v) => t(`view.${v}`)}
      />
      {(settings.view !== '3d' || settings.audience === 'clinician') && (
        <OptionSelect
          option="polarity"
          label={t('controls.polarity')}
          value={settings.polarity}
          valueLabel={(p) => t(`polarity.${p}`)}
        />
      )}
      <OptionSelect
        option="audience"
        label={t('controls.captionMode')}
        value={settings.audience}
        valueLabel={(a) => t(`audience.${a}`)}
      />
    </div>
  );
}
