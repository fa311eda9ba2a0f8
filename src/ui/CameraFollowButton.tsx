import { Icon } from './icons';
import { useController, useSettings, useT } from '../playback/react/viewerHooks';

/** Shown once the user has orbited: one click returns to the guided camera. */
export function CameraFollowButton() {
  const controller = useController();
  const { cameraMode } = useSettings();
  const t = useT();
  if (cameraMode === 'guided') return null;
  return (
    <button
      type="button"
      className="spv-button spv-follow"
      onClick={() => controller.updateSettings({ cameraMode: 'guided' })}
    >
      <Icon name="camera" />
      <span>{t('controls.followProcedure')}</span>
    </button>
  );
}
