import { describe, expect, it } from 'vitest';
import { stripShaderComments } from '../../../scripts/shaderComments';

describe('stripShaderComments (build): whole-line // comments inside built template literals', () => {
  it('drops comment lines of a GLSL literal and keeps the code lines in order', () => {
    const built =
      'const a=`\nfloat x = 1.0;\n  // why x is one\n\t// more\nx += y; // kept: not a whole line\n`;f(a);';
    expect(stripShaderComments(built)).toBe(
      'const a=`\nfloat x = 1.0;\nx += y; // kept: not a whole line\n`;f(a);',
    );
  });

  it('leaves a line that could close the literal or hold a substitution, and //! or //# lines', () => {
    const closing = 'const a=`\nfloat x;\n// end`;g();\n';
    const substitution = 'const a=`\n// uses ${b}\nfloat x;\n`;';
    const legal = 'f();\n//! keep me\n//# sourceMappingURL=x.map\n';
    expect(stripShaderComments(closing)).toBe(closing);
    expect(stripShaderComments(substitution)).toBe(substitution);
    expect(stripShaderComments(legal)).toBe(legal);
  });
});
