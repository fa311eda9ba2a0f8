/** The answer, once known: a throwaway context costs the page tens of milliseconds, so it is asked once. */
let supported: boolean | undefined;

/** True when this browser can create a WebGL2 context (checked once per page, on a throwaway canvas). */
export function hasWebGL2(): boolean {
  supported ??= probeWebGL2();
  return supported;
}

function probeWebGL2(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl != null;
  } catch {
    return false;
  }
}
