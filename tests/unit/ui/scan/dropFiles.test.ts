import { describe, expect, it } from 'vitest';
import { filesOfEntries } from '../../../../src/ui/scan/dropFiles';

/** A stand-in for the browser's file-system entries: files, and folders whose reader answers in batches. */
function file(name: string): FileSystemFileEntry {
  return {
    isFile: true,
    isDirectory: false,
    name,
    file: (ok: (f: File) => void) => setTimeout(() => ok(new File([name], name)), 0),
  } as unknown as FileSystemFileEntry;
}

function folder(name: string, children: FileSystemEntry[], batch = 2): FileSystemDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (entries: FileSystemEntry[]) => void) =>
          setTimeout(() => {
            ok(children.slice(at, at + batch));
            at += batch;
          }, 0),
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}

describe('filesOfEntries', () => {
  it('reads every batch of every folder, depth first, and keeps plain files', async () => {
    const series = folder('CT', [
      file('IM1'),
      file('IM2'),
      file('IM3'),
      folder('sub', [file('IM4'), file('IM5'), file('IM6')], 1),
      file('IM7'),
    ]);
    const loose = new File(['x'], 'scan.nii');
    const files = await filesOfEntries([{ entry: series }, { file: loose }]);
    expect(files.map((f) => f.name)).toEqual(['IM1', 'IM2', 'IM3', 'IM4', 'IM5', 'IM6', 'IM7', 'scan.nii']);
  });

  it('gives nothing for an empty folder', async () => {
    expect(await filesOfEntries([{ entry: folder('empty', []) }])).toEqual([]);
  });
});
