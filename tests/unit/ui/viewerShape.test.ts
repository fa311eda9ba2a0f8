import { describe, expect, it } from 'vitest';
import { viewerShape } from '../../../src/ui/useViewerShape';

describe('viewerShape: the layout for the viewer’s own box', () => {
  it('stacks on a phone held upright and folds the secondary controls', () => {
    expect(viewerShape(375, 667)).toEqual({ layout: 'stacked', compact: true, text: 's' });
  });

  it('puts caption and controls beside the 3D view when short and wide (a phone on its side, 200 % zoom)', () => {
    expect(viewerShape(667, 375).layout).toBe('side');
    expect(viewerShape(640, 360).layout).toBe('side');
    expect(viewerShape(640, 360).compact).toBe(true);
  });

  it('stays stacked when too narrow for a side column (320×256, a phone at 400 %)', () => {
    expect(viewerShape(320, 256).layout).toBe('stacked');
    expect(viewerShape(320, 180).layout).toBe('stacked');
  });

  it('uses the wide layout on laptops and desktops, with type that grows on a wall screen', () => {
    expect(viewerShape(1280, 800)).toEqual({ layout: 'wide', compact: false, text: 'l' });
    expect(viewerShape(1920, 1080).text).toBe('xl');
    expect(viewerShape(960, 600).text).toBe('m');
  });

  it('leaves the side layout only when clearly taller (no flipping for a viewer sized by its content)', () => {
    const side = viewerShape(800, 470);
    expect(side.layout).toBe('side');
    expect(viewerShape(800, 500, side).layout).toBe('side');
    expect(viewerShape(800, 600, side).layout).toBe('stacked');
    expect(viewerShape(800, 500).layout).toBe('stacked');
  });
});
