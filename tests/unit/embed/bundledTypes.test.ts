import { describe, expect, it } from 'vitest';
import { checkedDeclarations } from '../../../scripts/bundledTypes';

describe('the bundled declarations', () => {
  it('turn an augmentation of the bundle itself into a plain declaration merge', () => {
    const text = [
      "import { a as Options } from './shared-x1.js';",
      'declare class Viewer extends HTMLElement {}',
      'declare module "./viewer" {',
      '    interface Viewer {',
      '        play(): void;',
      '    }',
      '}',
      'export { Viewer };',
      '',
    ].join('\n');
    expect(checkedDeclarations('viewer.d.ts', text)).toBe(
      [
        "import { a as Options } from './shared-x1.js';",
        'declare class Viewer extends HTMLElement {}',
        'interface Viewer {',
        '    play(): void;',
        '}',
        'export { Viewer };',
        '',
      ].join('\n'),
    );
  });

  it('refuse a declaration that names a module the package does not ship', () => {
    expect(() =>
      checkedDeclarations('viewer.d.ts', "import { X } from '../../src/options/optionSchema';"),
    ).toThrow(/refers to "..\/..\/src\/options\/optionSchema"/);
    expect(() => checkedDeclarations('viewer.d.ts', "import * as THREE from 'three';")).toThrow(/"three"/);
    expect(
      checkedDeclarations('react.d.ts', "import { FC } from 'react';\ndeclare module 'react' {}\n"),
    ).toContain("declare module 'react'");
  });
});
