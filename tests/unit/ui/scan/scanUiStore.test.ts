import { describe, expect, it } from 'vitest';
import type { ViewerController } from '../../../../src/playback/viewerController';
import { ScanUiStore } from '../../../../src/ui/scan/scanUiStore';

/** A scan session whose reads the test settles by hand. */
function fakeController() {
  const reads: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let cancels = 0;
  const controller = {
    scan: {
      open: () =>
        new Promise<void>((resolve, reject) => {
          reads.push({ resolve, reject });
        }),
      cancel: () => {
        cancels++;
        reads.at(-1)?.reject(new DOMException('stopped', 'AbortError'));
      },
    },
  } as unknown as ViewerController;
  return { controller, reads, cancels: () => cancels };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('ScanUiStore', () => {
  it('shows the reading, then the slices', async () => {
    const { controller, reads } = fakeController();
    const store = new ScanUiStore(controller);
    const done = store.read([new File(['a'], 'a'), new File(['b'], 'b')], null);
    expect(store.get()).toMatchObject({ stage: 'reading', files: 2 });
    reads[0]!.resolve();
    await done;
    expect(store.get().stage).toBe('pick');
  });

  it('closes on a scan it cannot use (the notice is then in view), and goes back to the choice on Cancel', async () => {
    const { controller, reads, cancels } = fakeController();
    const store = new ScanUiStore(controller);
    const failed = store.read([new File(['a'], 'a')], null);
    reads[0]!.reject(new Error('not a CT'));
    await failed;
    expect(store.get().stage).toBe('closed');

    const cancelled = store.read([new File(['a'], 'a')], null);
    store.cancel();
    await cancelled;
    expect(cancels()).toBe(1);
    expect(store.get().stage).toBe('choose');
  });

  it('lets only the latest read move the dialog', async () => {
    const { controller, reads } = fakeController();
    const store = new ScanUiStore(controller);
    const first = store.read([new File(['a'], 'a')], null);
    const second = store.read([new File(['b'], 'b')], null);
    // The session cancels the older read when a newer one starts: its rejection must not close the dialog.
    reads[0]!.reject(new DOMException('superseded', 'AbortError'));
    await first;
    await settle();
    expect(store.get().stage).toBe('reading');
    reads[1]!.resolve();
    await second;
    expect(store.get().stage).toBe('pick');
  });

  it('stops a read when the dialog is closed while reading', async () => {
    const { controller, cancels } = fakeController();
    const store = new ScanUiStore(controller);
    void store.read([new File(['a'], 'a')], null);
    store.close();
    expect(cancels()).toBe(1);
    expect(store.get().stage).toBe('closed');
  });
});
