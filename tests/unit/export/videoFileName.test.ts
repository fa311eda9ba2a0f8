import { describe, expect, it } from 'vitest';
import { videoFileName } from '../../../src/ui/VideoExportButton';

describe('the saved video file', () => {
  it('is named after what it shows: procedure, level and language', () => {
    expect(videoFileName({ procedure: 'kyphoplasty', level: 'L1', lang: 'en' })).toBe(
      'kyphoplasty-L1-en.mp4',
    );
    expect(videoFileName({ procedure: 'vertebroplasty', level: 'T12', lang: 'es' })).toBe(
      'vertebroplasty-T12-es.mp4',
    );
  });
});
