import { describe, expect, it } from 'vitest';
import { chunksRunAtLoad, COMPILE_HINT, type ChunkFacts } from '../../../scripts/compileHints';

const chunk = (name: string, facts: Partial<ChunkFacts> = {}): ChunkFacts => ({
  name,
  isEntry: false,
  imports: [],
  moduleIds: [],
  ...facts,
});

/** A bundle shaped like the viewer's: two pages, the element's chunk, the canvas chunk and later features. */
const BUNDLE: Record<string, ChunkFacts> = {
  'index.js': chunk('index', { isEntry: true, imports: ['element.js', 'events.js'] }),
  'handout.js': chunk('handout', { isEntry: true, imports: ['events.js', 'print.js'] }),
  'element.js': chunk('SpineProcedureViewerElement', { imports: ['events.js'] }),
  'events.js': chunk('viewerEvents'),
  'print.js': chunk('print'),
  'canvas.js': chunk('ViewerCanvas', {
    imports: ['events.js', 'three.js'],
    moduleIds: ['/p/src/scene/ViewerCanvas.tsx', '/p/src/scene/Lights.tsx'],
  }),
  'three.js': chunk('three'),
  'features.js': chunk('SceneFeatures', {
    imports: ['three.js'],
    moduleIds: ['/p/src/scene/SceneFeatures.tsx'],
  }),
};

describe('compile hints (build): the chunks that run before the first frame', () => {
  it('are the named entries, the chunks holding the lazy modules, and everything they import', () => {
    const marked = chunksRunAtLoad(BUNDLE, {
      entries: ['index'],
      lazy: [/[\\/]scene[\\/]ViewerCanvas\.tsx$/],
    });
    expect(marked).toEqual(['canvas.js', 'element.js', 'events.js', 'index.js', 'three.js']);
  });

  it('leave out other entries and what only later features load', () => {
    const marked = chunksRunAtLoad(BUNDLE, { entries: ['index'], lazy: [] });
    expect(marked).not.toContain('handout.js');
    expect(marked).not.toContain('print.js');
    expect(marked).not.toContain('features.js');
    expect(marked).toEqual(['element.js', 'events.js', 'index.js']);
  });

  it('is a first line V8 reads as the hint to compile the whole file eagerly', () => {
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad\n');
  });
});
