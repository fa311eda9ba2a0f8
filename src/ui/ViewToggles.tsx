import { POLARITIES, VIEWS } from '../playback/viewerSettings';
import { useController, useSettings, useT } from '../playback/react/viewerHooks';

/** Quick toggles every audience may use: labels and the cutaway of the treated vertebra. */
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
          onChange={(e) => controller.updateSettings({ cutaway: e.currentTarget.checked })}
        />
        <span>{t('controls.cutaway')}</span>
      </label>
      <label className="spv-switch">
        <input
          type="checkbox"
          checked={settings.labels}
          onChange={(e) => controller.updateSettings({ labels: e.currentTarget.checked })}
        />
        <span>{t('controls.labels')}</span>
      </label>
      <label className="spv-switch">
        <span>{t('controls.view')}</span>
        <select
          value={settings.view}
          onChange={(e) =>
            controller.updateSettings({ view: VIEWS.find((v) => v === e.currentTarget.value) ?? '3d' })
          }
        >
          {VIEWS.map((v) => (
            <option key={v} value={v}>
              {t(`view.${v}`)}
            </option>
          ))}
        </select>
      </label>
      {(settings.view !== '3d' || settings.audience === 'clinician') && (
        <label className="spv-switch">
          <span>{t('controls.polarity')}</span>
          <select
            value={settings.polarity}
            onChange={(e) =>
              controller.updateSettings({
                polarity: POLARITIES.find((p) => p === e.currentTarget.value) ?? 'bone-white',
              })
            }
          >
            {POLARITIES.map((p) => (
              <option key={p} value={p}>
                {t(`polarity.${p}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="spv-switch">
        <span>{t('controls.captionMode')}</span>
        <select
          value={settings.audience}
          onChange={(e) =>
            controller.updateSettings({
              audience: e.currentTarget.value === 'clinician' ? 'clinician' : 'patient',
            })
          }
        >
          <option value="patient">{t('audience.patient')}</option>
          <option value="clinician">{t('audience.clinician')}</option>
        </select>
      </label>
    </div>
  );
}
