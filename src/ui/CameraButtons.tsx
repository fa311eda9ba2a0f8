import type { CameraNudge } from '../playback/cameraCommands';
import type { MessageKey } from '../i18n/catalog';
import { useController, useGraphics, useReady, useSettings, useT } from '../playback/react/viewerHooks';

/** The buttons in order, each with its glyph (plain text arrows: no icon font, read as the label instead). */
const BUTTONS: readonly { nudge: CameraNudge; glyph: string; label: MessageKey; key: string }[] = [
  { nudge: 'left', glyph: '←', label: 'a11y.camera.left', key: '←' },
  { nudge: 'right', glyph: '→', label: 'a11y.camera.right', key: '→' },
  { nudge: 'up', glyph: '↑', label: 'a11y.camera.up', key: '↑' },
  { nudge: 'down', glyph: '↓', label: 'a11y.camera.down', key: '↓' },
  { nudge: 'in', glyph: '+', label: 'a11y.camera.zoomIn', key: '+' },
  { nudge: 'out', glyph: '−', label: 'a11y.camera.zoomOut', key: '−' },
  { nudge: 'reset', glyph: '⟲', label: 'a11y.camera.reset', key: '0' },
];

/**
 * Buttons to turn, zoom and reset the 3D view without dragging (WCAG 2.5.7), the same requests the 3D view's
 * keys make, through the controller. Shown only while there is a 3D view to move (not without WebGL, not after
 * a graphics failure, not while the X-ray fills the stage).
 */
export function CameraButtons() {
  const controller = useController();
  const graphics = useGraphics();
  const ready = useReady();
  const { view } = useSettings();
  const t = useT();
  if (!ready || graphics === 'failed' || view === 'fluoro') return null;
  return (
    <div className="spv-camera-buttons" role="group" aria-label={t('a11y.camera.group')}>
      {BUTTONS.map(({ nudge, glyph, label, key }) => (
        <button
          key={nudge}
          type="button"
          className="spv-button spv-camera-button"
          data-nudge={nudge}
          aria-label={t(label)}
          title={`${t(label)} (${key})`}
          onClick={() => controller.renderer.camera.request(nudge)}
        >
          <span aria-hidden="true">{glyph}</span>
        </button>
      ))}
    </div>
  );
}
