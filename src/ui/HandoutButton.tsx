import { handoutPage } from '../export/handout/handoutLink';
import { openHandoutOf } from '../export/handout/openHandout';
import { useController, useT } from '../playback/react/viewerHooks';
import { Icon } from './icons';

/**
 * "Print handout": opens the printable take-home page of what the viewer shows now (procedure, level, grade,
 * language, moment) in a new tab. Not shown where there is no handout page (the module bundled into an app).
 */
export function HandoutButton() {
  const controller = useController();
  const t = useT();
  if (!handoutPage()) return null;
  return (
    <button
      type="button"
      className="spv-button spv-handout"
      aria-label={t('handout.button')}
      title={t('handout.button')}
      onClick={() => void openHandoutOf(controller).catch(() => undefined)}
    >
      <Icon name="print" />
    </button>
  );
}
