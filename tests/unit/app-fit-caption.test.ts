import { describe, expect, it, onTestFinished } from 'vitest';
import { fitCaption, fitSize } from '../../src/app/fit-caption.ts';

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

describe('fitCaption', () => {
  // A page stand-in: the caption box is as tall as its text at the size set, 10 characters a line at 0.55 em each.
  function page(text: string, width: number) {
    let layouts = 0;
    const caption = { style: { fontSize: '' }, textContent: text } as unknown as HTMLElement;
    const box = {
      textContent: text,
      clientWidth: width,
      getBoundingClientRect: () => {
        layouts++;
        const px = parseFloat(caption.style.fontSize) || 30;
        return { height: Math.ceil((text.length * px * 0.55) / width) * px * 1.3 };
      },
    } as unknown as HTMLElement;
    const band = {} as HTMLElement;
    return { caption, box, band, layouts: () => layouts };
  }
  const styles = (el: unknown) =>
    ({
      fontSize: el && (el as { textContent?: string }).textContent !== undefined ? '30px' : '',
      minHeight: '120px',
      borderTopWidth: '0',
      fontFamily: 'sans-serif',
      lineHeight: 'normal',
      getPropertyValue: () => '24px',
    }) as unknown as CSSStyleDeclaration;

  it('measures a caption once, and sets the same size again without measuring for the same text, width and room', () => {
    const before = globalThis.getComputedStyle;
    globalThis.getComputedStyle = styles as typeof getComputedStyle;
    onTestFinished(() => void (globalThis.getComputedStyle = before));
    const a = page('x'.repeat(200), 900);
    fitCaption(a.band, a.box, a.caption);
    const size = a.caption.style.fontSize;
    expect(size).not.toBe('');
    expect(a.layouts()).toBeGreaterThan(1);
    // The same caption in a player drawn afresh.
    const b = page('x'.repeat(200), 900);
    fitCaption(b.band, b.box, b.caption);
    expect(b.caption.style.fontSize).toBe(size);
    expect(b.layouts()).toBe(0);
    // Another width is another fit.
    const c = page('x'.repeat(200), 600);
    fitCaption(c.band, c.box, c.caption);
    expect(c.layouts()).toBeGreaterThan(0);
  });
});
