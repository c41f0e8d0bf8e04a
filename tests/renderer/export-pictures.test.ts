// @vitest-environment jsdom
// Picture sizes are exact: `scale` pixels per canvas unit plus a scaled margin, never multiplied by
// the screen's pixel ratio, and shrunk only when a side would pass the browser's canvas limit.
import { describe, expect, it } from 'vitest';
import { drawOptions, MAX_PICTURE_SIDE, PICTURE_PADDING, pictureSize } from '../../renderer/export/pictures';
import { pictureName } from '../../renderer/export/exportRun';

describe('export pictures', () => {
  it('sizes a 2× picture at twice the 1× one, margin included', () => {
    const one = pictureSize({ w: 300.4, h: 120 }, 1);
    const two = pictureSize({ w: 300.4, h: 120 }, 2);
    expect(one).toEqual({ width: 301 + 2 * PICTURE_PADDING, height: 120 + 2 * PICTURE_PADDING, scale: 1 });
    expect(two).toEqual({ width: 2 * one.width, height: 2 * one.height, scale: 2 });
  });

  it('asks cytoscape for the full graph at the exact scale (a max size turns off the pixel-ratio multiplier)', () => {
    expect(drawOptions(4)).toMatchObject({ full: true, scale: 4 });
    expect(typeof drawOptions(4).maxWidth).toBe('number');
  });

  it('scales a picture down when a side would pass the canvas limit', () => {
    const size = pictureSize({ w: 9000, h: 100 }, 4);
    expect(size.scale).toBeLessThan(2);
    expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(MAX_PICTURE_SIDE);
  });

  it('names pictures after the investigation without folder characters', () => {
    expect(pictureName('Heron/../case.skein', 'svg', new Date('2025-06-01T00:00:00Z'))).toBe('Heron_.._case-view-2025-06-01.svg');
  });
});
