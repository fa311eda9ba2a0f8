import { useState } from 'react';
import { Icon } from './icons';
import { useT } from '../playback/react/viewerHooks';

/** NoticeListProps: polite notices about ignored inputs; text only, never HTML. */
export interface NoticeListProps {
  /** Already translated notice texts. */
  notices: readonly string[];
}

export function NoticeList({ notices }: NoticeListProps) {
  const t = useT();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || notices.length === 0) return null;
  return (
    <div className="spv-notices" role="status">
      <strong className="spv-notices-title">{t('notice.title')}</strong>
      <ul>
        {notices.map((text, i) => (
          <li key={i} className="spv-notice">
            {text}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="spv-button spv-notice-dismiss"
        aria-label={t('controls.dismiss')}
        onClick={() => setDismissed(true)}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}
