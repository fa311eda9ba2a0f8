import { useEffect, useRef, useState } from 'react';
import { buildShareLink } from '../options/shareLink';
import { optionsOfSettings } from '../playback/viewerSettings';
import { Icon } from './icons';
import { useController, useT } from '../playback/react/viewerHooks';

/** How long "Link copied" stays on screen. */
const COPIED_MS = 2500;

/**
 * "Copy link to this moment": a URL with procedure, level, grade, step and t that reopens the viewer at this frame.
 * Uses the clipboard when the browser allows it; otherwise shows the link in a read-only field, selected.
 */
export function CopyLinkButton() {
  const controller = useController();
  const t = useT();
  const [copied, setCopied] = useState(false);
  const [manualLink, setManualLink] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [manualLink]);

  const copy = async () => {
    const settings = controller.getSettings();
    const base = new URL(settings.shareUrl ?? window.location.href, window.location.href).href;
    const link = buildShareLink(
      base,
      optionsOfSettings(settings),
      controller.currentStepKey(),
      controller.getTime(),
    );
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setManualLink(null);
      setCopied(true);
    } catch {
      // Clipboard missing or refused (an iframe without clipboard-write, an insecure page): show the link instead.
      setCopied(false);
      setManualLink(link);
    }
  };

  // "Link copied" is news and fades; "select it and copy it" is an instruction and stays while its field does.
  const status = manualLink !== null ? t('controls.linkReady') : copied ? t('controls.linkCopied') : '';

  return (
    <span className="spv-share">
      <button
        type="button"
        className="spv-button spv-copy-link"
        aria-label={t('controls.copyLink')}
        title={t('controls.copyLink')}
        onClick={() => void copy()}
      >
        <Icon name="link" />
      </button>
      <span className="spv-share-status" role="status">
        {status}
      </span>
      {manualLink !== null && (
        <span className="spv-share-popover">
          <label htmlFor="spv-share-field">{t('controls.linkField')}</label>
          <input
            id="spv-share-field"
            ref={field}
            className="spv-share-field"
            readOnly
            value={manualLink}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className="spv-button"
            aria-label={t('controls.dismiss')}
            onClick={() => setManualLink(null)}
          >
            <Icon name="close" />
          </button>
        </span>
      )}
    </span>
  );
}
