import { noticeText } from '../options/parseOptions';
import { Icon } from './icons';
import { useController, useNotices, useSettings, useT } from '../playback/react/viewerHooks';

/** Polite notices about ignored inputs, in the viewer's language; text only, never HTML. */
export function NoticeList() {
  const controller = useController();
  const notices = useNotices();
  const { lang } = useSettings();
  const t = useT();
  if (notices.length === 0) return null;
  return (
    <div className="spv-notices" role="status">
      <strong className="spv-notices-title">{t('notice.title')}</strong>
      <ul>
        {notices.map((notice, i) => (
          <li key={i} className="spv-notice">
            {'text' in notice ? notice.text : noticeText(notice, lang)}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="spv-button spv-notice-dismiss"
        aria-label={t('controls.dismiss')}
        onClick={() => controller.notices.dismiss()}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}
