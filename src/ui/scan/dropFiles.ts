/*
 * The files of a drop: plain files, and every file inside dropped folders (a DICOM series is a folder, often with
 * sub-folders). Entries must be taken during the drop event itself (the DataTransfer is emptied after it), so
 * `dropEntries` runs synchronously in the handler and `filesOfEntries` reads them afterwards.
 */

/** A dropped item: its file-system entry where the browser gives one, else the plain file. */
export type DropItem = { entry: FileSystemEntry } | { file: File };

/** Take the drop's items (call inside the drop handler). */
export function dropEntries(data: DataTransfer): DropItem[] {
  const items: DropItem[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    const file = entry ? null : item.getAsFile();
    if (entry) items.push({ entry });
    else if (file) items.push({ file });
  }
  if (items.length === 0) for (const file of Array.from(data.files)) items.push({ file });
  return items;
}

/** Every file of the items, folders walked depth first. */
export async function filesOfEntries(items: readonly DropItem[]): Promise<File[]> {
  const files: File[] = [];
  for (const item of items) {
    if ('file' in item) files.push(item.file);
    else await walk(item.entry, files);
  }
  return files;
}

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (isFile(entry)) {
    out.push(await new Promise<File>((resolve, reject) => entry.file(resolve, reject)));
  } else if (isDirectory(entry)) {
    const reader = entry.createReader();
    // readEntries gives a folder's entries in batches (about 100 at a time in Chromium) until an empty one.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
        reader.readEntries(resolve, reject),
      );
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, out);
    }
  }
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}
