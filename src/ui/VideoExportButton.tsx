import { useEffect, useId, useRef, useState } from 'react';
import { activeExport, canExportVideo } from '../export/video/activeExport';
import { Icon } from './icons';
import { formatNumber } from '../i18n/formatNumber';
import { useController, useT } from '../playback/react/viewerHooks';
import type { ViewerSettings } from '../playback/viewerSettings';
import { videoCaption } from './videoCaption';

type Phase = 'idle' | 'running' | 'done' | 'stopped' | 'failed';

/** The saved file's name says what it shows: `kyphoplasty-L1-en.mp4`. */
export function videoFileName(settings: Pick<ViewerSettings, 'procedure' | 'level' | 'lang'>): string {
  return `${settings.procedure}-${settings.level}-${settings.lang}.mp4`;
}

/**
 * "Save video": makes a take-home MP4 of the whole explanation in the viewer's language, with a progress bar and
 * Cancel while it is made, then a download link. Disabled, saying why, where the browser cannot encode video.
 */
export function VideoExportButton() {
  const controller = useController();
  const t = useT();
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const [file, setFile] = useState<{ url: string; name: string; size: number } | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const rootRef = useRef<HTMLSpanElement>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const reasonId = useId();
  const supported = canExportVideo();

  // Whole percents only: one re-render per percent, not per encoded frame.
  useEffect(
    () => controller.on('progress', ({ fraction }) => setPercent(Math.floor(fraction * 100))),
    [controller],
  );
  useEffect(() => {
    if (!file) return;
    linkRef.current?.focus();
    const { url } = file;
    return () => URL.revokeObjectURL(url);
  }, [file]);
  useEffect(() => () => abortRef.current?.abort(), []);
  // The pressed button is replaced while the video is made: keep keyboard focus on what replaces it.
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) return;
    if (phase === 'running') cancelRef.current?.focus();
    else if (phase !== 'done') saveRef.current?.focus();
  }, [phase]);

  const start = async () => {
    if (phase === 'running' || activeExport(controller)) return;
    // Pressed by the user: from now on keep focus on what replaces the pressed button.
    focused.current = true;
    const abort = new AbortController();
    abortRef.current = abort;
    setFile(null);
    setPercent(0);
    setPhase('running');
    try {
      const { exportVideo } = await import('../export/video/exportVideo');
      const root = (rootRef.current?.getRootNode() ?? document) as ParentNode;
      const blob = await exportVideo(
        { controller, root, caption: () => videoCaption(controller) },
        { signal: abort.signal },
      );
      setFile({
        url: URL.createObjectURL(blob),
        name: videoFileName(controller.getSettings()),
        size: blob.size,
      });
      setPhase('done');
    } catch (error) {
      setPhase(error instanceof DOMException && error.name === 'AbortError' ? 'stopped' : 'failed');
    } finally {
      abortRef.current = null;
    }
  };

  const lang = controller.getSettings().lang;
  return (
    <span ref={rootRef} className="spv-video-export" data-phase={phase}>
      {phase !== 'running' && (
        <button
          ref={saveRef}
          type="button"
          className="spv-button spv-video-save"
          disabled={!supported}
          title={supported ? t('video.saveLabel') : t('video.unsupported')}
          aria-describedby={supported ? undefined : reasonId}
          onClick={() => void start()}
        >
          <Icon name="video" />
          {/* Shown beside the icon; a crowded top bar keeps only the icon (the title names it). */}
          <span>{t('video.save')}</span>
        </button>
      )}
      {!supported && (
        <span id={reasonId} className="spv-video-reason" hidden>
          {t('video.unsupported')}
        </span>
      )}
      {phase === 'running' && (
        <>
          {/* Same footprint as the Save button, so the top bar keeps its layout while the video is made. */}
          <button
            ref={cancelRef}
            type="button"
            className="spv-button spv-video-cancel"
            onClick={() => abortRef.current?.abort()}
          >
            {t('video.cancelAt', { percent })}
          </button>
          <progress
            className="spv-video-progress"
            max={100}
            value={percent}
            aria-label={t('video.progressLabel')}
          />
        </>
      )}
      {phase === 'done' && file && (
        <a
          ref={linkRef}
          className="spv-button spv-video-download"
          href={file.url}
          download={file.name}
          aria-label={t('video.download', { size: formatNumber(lang, file.size / 1e6, 1) })}
          title={t('video.download', { size: formatNumber(lang, file.size / 1e6, 1) })}
        >
          {t('video.downloadShort')}
        </a>
      )}
      <span
        className={`spv-video-status${phase === 'running' || phase === 'done' ? ' spv-sr-only' : ''}`}
        role="status"
      >
        {phase === 'running' && t('video.progress', { percent })}
        {phase === 'done' && t('video.ready')}
        {phase === 'stopped' && t('video.cancelled')}
        {phase === 'failed' && t('video.failed')}
      </span>
    </span>
  );
}
