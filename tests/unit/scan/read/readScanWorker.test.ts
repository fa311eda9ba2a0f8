import { afterEach, describe, expect, it, vi } from 'vitest';
import { readScan } from '../../../../src/scan/read/readScan';
import type { ScanReadReply } from '../../../../src/scan/read/scanReader.worker';
import { ScanReadError } from '../../../../src/scan/types';
import { syntheticDicomSeries } from '../../../support/syntheticDicom';
import { asFiles } from './scanTestFiles';

/** A stand-in for the page's Worker: records what it is sent and answers as the test says. */
class FakeWorker {
  static behaviour: (worker: FakeWorker) => void = () => {};
  static created: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<ScanReadReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  posted: unknown[] = [];
  constructor() {
    FakeWorker.created.push(this);
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
    queueMicrotask(() => FakeWorker.behaviour(this));
  }
  reply(data: ScanReadReply): void {
    this.onmessage?.({ data } as MessageEvent<ScanReadReply>);
  }
  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const files = () => asFiles(syntheticDicomSeries({ grid: { dims: [32, 32, 10], spacingMm: [8, 8, 10] } }));

describe('reading in a worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWorker.created = [];
  });

  it('posts the files and passes the worker’s progress and error on, ending the worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.behaviour = (w) => {
      w.reply({ type: 'progress', progress: { fraction: 0.5, stage: 'reading' } });
      w.reply({ type: 'scan-error', code: 'tilted', message: 'tilted', params: {} });
    };
    const progress: number[] = [];
    const error: unknown = await readScan(files(), { onProgress: (p) => progress.push(p.fraction) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ScanReadError);
    expect((error as ScanReadError).code).toBe('tilted');
    expect(progress).toEqual([0.5]);
    const [worker] = FakeWorker.created;
    expect((worker!.posted[0] as { files: File[] }).files).toHaveLength(10);
    expect(worker!.terminated).toBe(true);
  });

  it('reads on the main thread when the worker cannot load', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.behaviour = (w) => w.fail('blocked');
    const volume = await readScan(files());
    expect(volume.dims).toEqual([32, 32, 10]);
    expect(FakeWorker.created[0]!.terminated).toBe(true);
  });

  it('ends the worker and rejects with an AbortError when cancelled', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const controller = new AbortController();
    FakeWorker.behaviour = () => controller.abort();
    const error: unknown = await readScan(files(), { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as DOMException).name).toBe('AbortError');
    expect(FakeWorker.created[0]!.terminated).toBe(true);
  });
});
