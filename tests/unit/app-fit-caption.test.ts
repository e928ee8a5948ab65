import { describe, expect, it } from 'vitest';
import { fitSize } from '../../src/app/fit-caption.ts';

// A caption of `chars` characters in a box `width` wide: lines × line height, as a browser would wrap it (roughly).
const wrap = (chars: number, width: number, leading = 1.3) => ({
  heightAt: (px: number) => Math.ceil((chars * px * 0.55) / width) * px * leading,
});

describe('fitSize', () => {
  it('keeps the largest size when the caption fits at it', () => {
    expect(fitSize(wrap(40, 900), 100, 24, 30)).toBe(30);
  });

  it('shrinks a caption that would need another line, but only as far as it must', () => {
    const m = wrap(200, 900);
    // At 30 px: 4 lines (156 px) do not fit 120 px; at the found size they do, and a pixel more would not.
    const px = fitSize(m, 120, 24, 30);
    expect(px).toBeLessThan(30);
    expect(px).toBeGreaterThanOrEqual(24);
    expect(m.heightAt(px)).toBeLessThanOrEqual(120);
    expect(m.heightAt(px + 1)).toBeGreaterThan(120);
  });

  it('never goes below the smallest size, even when nothing fits', () => {
    expect(fitSize(wrap(2000, 300), 50, 24, 30)).toBe(24);
    expect(fitSize(wrap(2000, 300), 50, 16.8, 20.8)).toBe(16.8);
  });

  it('with no range to search, returns that size without measuring', () => {
    let calls = 0;
    expect(fitSize({ heightAt: () => (calls++, 1e6) }, 10, 16.8, 16.8)).toBe(16.8);
    expect(calls).toBe(0);
  });
});
