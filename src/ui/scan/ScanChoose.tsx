import { useRef } from 'react';
import { useController, useT } from '../../playback/react/viewerHooks';
import { useScanT } from './useScanT';
import { scanUiStore } from './scanUiStore';

/**
 * Choose the CT: a folder (a DICOM series) or files (DICOM slices or one NIfTI file). The files are read in this
 * page; nothing is uploaded or kept.
 */
export function ScanChoose() {
  const controller = useController();
  const t = useScanT();
  const viewerT = useT();
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const store = scanUiStore(controller);
  const chosen = (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    // Cleared, so choosing the same folder again (after fixing it) reads it again.
    input.value = '';
    if (files.length > 0) void store.read(files, null);
  };
  return (
    <div className="spv-scan-choose">
      <p>{t('scanUi.chooseText')}</p>
      <div className="spv-scan-actions">
        <button
          type="button"
          className="spv-button spv-scan-folder"
          onClick={() => folderRef.current?.click()}
        >
          {t('scanUi.folder')}
        </button>
        <button type="button" className="spv-button spv-scan-files" onClick={() => filesRef.current?.click()}>
          {t('scanUi.files')}
        </button>
        <button type="button" className="spv-button spv-scan-dismiss" onClick={() => store.close()}>
          {viewerT('layout.close')}
        </button>
      </div>
      <input
        ref={filesRef}
        className="spv-scan-input"
        type="file"
        multiple
        hidden
        tabIndex={-1}
        onChange={(event) => chosen(event.currentTarget)}
      />
      <input
        ref={(el) => {
          folderRef.current = el;
          // Not a React prop: set on the element, so a folder is chosen (and read with all its files).
          if (el) el.webkitdirectory = true;
        }}
        className="spv-scan-input"
        type="file"
        hidden
        tabIndex={-1}
        onChange={(event) => chosen(event.currentTarget)}
      />
    </div>
  );
}
