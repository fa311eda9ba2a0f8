import { useEffect, useState } from 'react';
import { useSettings } from '../../playback/react/viewerHooks';
import { loadScanMessages, scanTranslator, type ScanMessageKey } from '../../scan/scanMessages';
import type { MessageParams } from '../../i18n/catalog';

/**
 * The scan interface's texts in the viewer's language: they live in the scan's own catalog, which comes with this
 * lazy chunk, so none of them is in the first download. English until the language's file is here.
 */
export function useScanT(): (key: ScanMessageKey, params?: MessageParams) => string {
  const { lang } = useSettings();
  const [, setLoaded] = useState(lang);
  useEffect(() => {
    let live = true;
    void loadScanMessages(lang).then(() => live && setLoaded(lang));
    return () => {
      live = false;
    };
  }, [lang]);
  return scanTranslator(lang);
}
