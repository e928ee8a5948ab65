// The GIF writer on its own, in Node: frames in, a GIF out that a decoder
// reads back pixel for pixel, looping forever, with the delays asked for —
// and the same bytes every time. (The browser test checks a whole scene.)
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- omggif ships no types; the test uses GifReader only.
import omggif from 'omggif';
import { GifWriter, gifPalette, nearest, samplePixels } from '../../src/export/gif.ts';

interface Reader {
  width: number;
  height: number;
  numFrames(): number;
  loopCount(): number | null;
  frameInfo(i: number): { delay: number; disposal: number; transparent_index: number | null };
  decodeAndBlitFrameRGBA(i: number, pixels: Uint8Array): void;
}
const GifReader = (omggif as { GifReader: new (b: Uint8Array) => Reader }).GifReader;

const W = 40;
const H = 24;
const PAPER = [247, 247, 247];
const INK = [27, 31, 36];
const PACKET = [230, 97, 0];

/** A still "diagram" (two boxes) with a packet square at x. */
function frame(x: number): Uint8ClampedArray {
  const px = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let i = 0; i < W; i++) {
      const box = (i > 2 && i < 14 && y > 4 && y < 18) || (i > 25 && i < 37 && y > 4 && y < 18);
      const packet = i >= x && i < x + 4 && y >= 10 && y < 14;
      const c = packet ? PACKET : box ? INK : PAPER;
      px.set([...c, 255], (y * W + i) * 4);
    }
  }
  return px;
}

function encode(xs: number[], cs: number[]): Uint8Array {
  const frames = xs.map(frame);
  const gif = new GifWriter(W, H, gifPalette(frames));
  frames.forEach((f, i) => gif.add(f, cs[i]!));
  return gif.finish();
}

describe('GifWriter', () => {
  const xs = [0, 6, 12, 18, 24, 30, 36];
  const cs = [200, 5, 5, 5, 5, 5, 300];
  const bytes = encode(xs, cs);

  it('writes a GIF89a that loops forever', () => {
    expect(new TextDecoder().decode(bytes.slice(0, 6))).toBe('GIF89a');
    const r = new GifReader(bytes);
    expect(r.numFrames()).toBe(xs.length);
    expect(r.loopCount()).toBe(0);
    expect([r.width, r.height]).toEqual([W, H]);
  });

  it('keeps each delay, in centiseconds', () => {
    const r = new GifReader(bytes);
    expect(xs.map((_, i) => r.frameInfo(i).delay)).toEqual(cs);
  });

  it('decodes back to exactly the frames given (flat colours survive the palette)', () => {
    const r = new GifReader(bytes);
    const canvas = new Uint8Array(W * H * 4);
    xs.forEach((x, i) => {
      r.decodeAndBlitFrameRGBA(i, canvas);
      expect(Buffer.from(canvas).equals(Buffer.from(frame(x)))).toBe(true);
    });
  });

  it('stores only what changed after the first frame (the rest is transparent over it)', () => {
    const r = new GifReader(bytes);
    expect(r.frameInfo(0).transparent_index).toBeNull();
    for (let i = 1; i < xs.length; i++) {
      expect(r.frameInfo(i).transparent_index).not.toBeNull();
      expect(r.frameInfo(i).disposal).toBe(1);
    }
  });

  it('gives the same bytes for the same frames', () => {
    expect(Buffer.from(encode(xs, cs)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('maps a colour to the same palette entry in every frame, whatever comes first', () => {
    // 246 and 244 grey share gifenc's 5-bit bin; its applyPalette caches per call by bin, so
    // whichever came first in a frame decided both, and a still box flickered between greys.
    const palette = [[0, 0, 0], [250, 250, 250], [240, 240, 240]];
    const grey = (v: number): number[] => [v, v, v, 255];
    const a = new Uint8ClampedArray([...grey(246), ...grey(244)]);
    const b = new Uint8ClampedArray([...grey(244), ...grey(246)]);
    const gif = new GifWriter(2, 1, palette);
    gif.add(a, 5);
    gif.add(b, 5);
    const r = new GifReader(gif.finish());
    const px = new Uint8Array(8);
    r.decodeAndBlitFrameRGBA(0, px);
    expect([px[0], px[4]]).toEqual([250, 240]);
    r.decodeAndBlitFrameRGBA(1, px);
    expect([px[0], px[4]]).toEqual([240, 250]);
    expect(nearest(palette, 246, 246, 246)).toBe(1);
  });

  it('refuses a frame of the wrong size', () => {
    const gif = new GifWriter(W, H, [[0, 0, 0]]);
    expect(() => gif.add(new Uint8ClampedArray(8), 5)).toThrow(/expected 40×24/);
  });
});

describe('samplePixels', () => {
  it('takes every n-th pixel, whole', () => {
    const px = new Uint8ClampedArray([1, 1, 1, 255, 2, 2, 2, 255, 3, 3, 3, 255, 4, 4, 4, 255, 5, 5, 5, 255]);
    expect([...samplePixels(px, 2)]).toEqual([1, 1, 1, 255, 3, 3, 3, 255, 5, 5, 5, 255]);
    expect(samplePixels(px, 1)).toEqual(px);
  });
});
