/**
 * Where a file of the published package is served from, given the URL the bundled code computed for it.
 *
 * The package finds its model, decoder worker and poster next to its modules (`new URL(file, import.meta.url)`,
 * written by the build into `dist/assets/*.js`). Vite's dev server (up to at least Vite 7) pre-bundles a
 * dependency into `node_modules/.vite/deps/` and does not move those files, so each URL then points into the cache
 * folder and 404s (vitejs/vite#8427, #11095). When this module itself runs from that folder, the URL is mapped
 * back to the same file inside the installed package, which the dev server serves as it is. Anywhere else (the
 * package as built, a consumer's production bundle, a static host) the URL is returned unchanged.
 */
const PACKAGE_NAME = 'spine-procedure-viewer';
/** `…/node_modules/.vite/deps/` (or a `deps_temp_…` folder while the dev server re-optimises). */
const PRE_BUNDLED = /^(.*\/node_modules\/)\.vite\/deps(?:_temp_[^/]*)?\/[^/]*$/;
/** The folder of the package's chunks, where the computed URLs were relative to. */
const CHUNK_FOLDER = `${PACKAGE_NAME}/dist/assets/`;

/**
 * `fileUrl` as computed by bundled code (absolute), mapped to the installed package when `moduleUrl` (this
 * module's own URL by default) shows that the code was pre-bundled by Vite's dev server.
 */
export function packageFileUrl(fileUrl: string, moduleUrl: string = import.meta.url): string {
  let module: URL;
  let file: URL;
  try {
    module = new URL(moduleUrl);
    file = new URL(fileUrl, module);
  } catch {
    return fileUrl;
  }
  const match = PRE_BUNDLED.exec(module.pathname);
  if (!match || file.origin !== module.origin) return fileUrl;
  const depsFolder = new URL('./', module);
  const chunkFolder = new URL(`${match[1]}${CHUNK_FOLDER}`, module);
  const relative = relativePath(depsFolder.pathname, file.pathname);
  return new URL(relative + file.search + file.hash, chunkFolder).href;
}

/** The path of `to` relative to the folder `from` (both absolute paths; `from` ends with a slash). */
function relativePath(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let shared = 0;
  while (shared < fromParts.length && shared < toParts.length - 1 && fromParts[shared] === toParts[shared])
    shared++;
  return '../'.repeat(fromParts.length - shared) + toParts.slice(shared).join('/');
}
