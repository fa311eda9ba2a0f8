import { useController, useGraphics, useSettings, useT } from '../playback/react/viewerHooks';
import { OptionSelect } from './OptionSelect';

/** ViewTogglesProps: whether the browser can draw the 3D view at all. */
export interface ViewTogglesProps {
  /** Without WebGL2 the stage is the transcript: the toggles that change the 3D view and the X-ray are left out. */
  webgl: boolean;
}

/**
 * Quick toggles every audience may use: labels, the cutaway, the view, the X-ray's polarity and the captions.
 * Only the captions' menu remains when there is no 3D view (no WebGL2, or graphics that failed): the others
 * would change nothing on screen.
 */
export function ViewToggles({ webgl }: ViewTogglesProps) {
  const controller = useController();
  const settings = useSettings();
  const graphics = useGraphics();
  const t = useT();
  const drawn = webgl && graphics !== 'failed';
  return (
    <div className="spv-view-toggles">
      {drawn && (
        <>
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
          {/* The compare view shows no X-ray: its polarity menu would change nothing on screen. */}
          {settings.view !== 'compare' && (settings.view !== '3d' || settings.audience === 'clinician') && (
            <OptionSelect
              option="polarity"
              label={t('controls.polarity')}
              value={settings.polarity}
              valueLabel={(p) => t(`polarity.${p}`)}
            />
          )}
        </>
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
