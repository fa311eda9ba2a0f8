import type { Plugin } from 'vite';

/**
 * Whole-line `//` comments inside the built chunks' template literals: the GLSL of the viewer's materials and of
 * three.js's shader chunks. The minifier keeps template literals as they are, so these comments (about 4 kB in the
 * canvas chunk) would reach every visitor's first download and the GPU driver's parser, to no use. Minified code has
 * no raw line breaks outside template literals, so a line that starts with `//` is inside one; a line that could
 * end the literal or hold a substitution (a backtick or `$`) is left alone, as are `//!` and `//#` lines.
 */
// (\x60 is the backtick.)
const COMMENT_LINE = /\n[ \t]*\/\/(?![!#])[^\n\x60$]*(?=\n)/g;

export function stripShaderComments(code: string): string {
  return code.replace(COMMENT_LINE, '');
}

export function shaderComments(): Plugin {
  return {
    name: 'spine-procedure-viewer-shader-comments',
    apply: 'build',
    renderChunk(code) {
      const stripped = stripShaderComments(code);
      // No source maps are built (build.sourcemap is off), so none needs adjusting.
      return stripped === code ? null : { code: stripped, map: null };
    },
  };
}
