import { useEffect, useRef, useState, type ComponentType } from 'react';
import { useController } from '../../playback/react/viewerHooks';
import { useScanT } from './useScanT';
import { dropEntries, filesOfEntries } from './dropFiles';
import { scanUiStore, useScanUi } from './scanUiStore';
import { useScanSheet } from './scanSheet';

type DialogComponent = ComponentType<Record<string, never>>;
/** The dialog's chunk (the slices and their maths): fetched when the dialog first opens. */
let dialogChunk: Promise<DialogComponent> | null = null;
function loadDialog(): Promise<DialogComponent> {
  dialogChunk ??= import('./ScanDialog').then((m) => m.ScanDialog);
  dialogChunk.catch(() => (dialogChunk = null));
  return dialogChunk;
}

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Files or folders dropped anywhere on the viewer open as the patient's CT; while they are dragged over it a hint
 * says so. Also mounts the scan dialog, and opens it on the slices when a scan arrives without a point picked
 * (through the element's `loadScan` as much as through this interface).
 */
export function ScanDropLayer() {
  const controller = useController();
  const t = useScanT();
  const ui = useScanUi(controller);
  const hintRef = useRef<HTMLDivElement>(null);
  const [Dialog, setDialog] = useState<DialogComponent | null>(null);
  useScanSheet(hintRef);

  useEffect(() => {
    const root = hintRef.current?.closest<HTMLElement>('.spv-root');
    if (!root) return;
    const store = scanUiStore(controller);
    // dragenter and dragleave come for every child crossed: count them, so the hint stays while inside.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth++;
      store.setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) store.setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      depth = 0;
      store.setDragging(false);
      const items = dropEntries(event.dataTransfer);
      const active = root.getRootNode() as unknown as DocumentOrShadowRoot;
      const from = active.activeElement instanceof HTMLElement ? active.activeElement : null;
      void filesOfEntries(items).then(
        (files) => store.read(files, from),
        () => store.read([], from),
      );
    };
    root.addEventListener('dragenter', enter);
    root.addEventListener('dragover', over);
    root.addEventListener('dragleave', leave);
    root.addEventListener('drop', drop);
    return () => {
      root.removeEventListener('dragenter', enter);
      root.removeEventListener('dragover', over);
      root.removeEventListener('dragleave', leave);
      root.removeEventListener('drop', drop);
    };
  }, [controller]);

  // A new scan without a point: show its slices (once per scan; Escape leaves it unpicked until Change point). A
  // point picked elsewhere (`setScanTarget`) closes them: the procedure is shown there.
  useEffect(() => {
    let seen = controller.scan.getVolume();
    let seenTarget = controller.scan.getTarget();
    return controller.on('scanchange', () => {
      const volume = controller.scan.getVolume();
      const target = controller.scan.getTarget();
      const store = scanUiStore(controller);
      if (!volume) {
        if (store.get().stage === 'pick') store.close();
      } else if (volume !== seen && !target && store.get().stage !== 'reading') {
        store.show('pick', null);
      } else if (target && target !== seenTarget && store.get().stage === 'pick') {
        store.close();
      }
      seen = volume;
      seenTarget = target;
    });
  }, [controller]);

  const open = ui.stage !== 'closed';
  useEffect(() => {
    if (!open || Dialog) return;
    let mounted = true;
    loadDialog().then(
      (component) => mounted && setDialog(() => component),
      () => mounted && scanUiStore(controller).close(),
    );
    return () => {
      mounted = false;
    };
  }, [open, Dialog, controller]);

  return (
    <>
      <div ref={hintRef} className="spv-scan-drop" hidden={!ui.dragging}>
        <p className="spv-scan-drop-text">{t('scanUi.drop')}</p>
      </div>
      {open && Dialog && <Dialog />}
    </>
  );
}
