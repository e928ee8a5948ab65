import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { bundleScene } from '../../src/bundle/bundle.ts';
import { stillStep, stillSvg } from '../../src/bundle/still-svg.ts';

const steps = (...depths: number[]) => depths.map((d) => ({ headers: Array.from({ length: d }), highlight: [] as unknown[], ops: [] as unknown[] }));

describe('the still fallback', () => {
  it('shows the deepest header stack, nearest the middle', () => {
    expect(stillStep([])).toBe(0);
    expect(stillStep(steps(3, 3, 3, 3, 3))).toBe(2);
    expect(stillStep(steps(3, 6, 6, 3, 3, 3, 3, 3))).toBe(2);
    expect(stillStep(steps(3, 6, 3, 3, 3, 3, 3, 3))).toBe(1);
  });

  it('then the most rows lit, then an operation applied', () => {
    const s = steps(3, 3, 3, 3, 3, 3, 3);
    s[1] = { ...s[1]!, highlight: [1, 2] };
    s[5] = { ...s[5]!, highlight: [1], ops: ['dnat'] };
    expect(stillStep(s)).toBe(1);
    s[1] = { ...s[1]!, highlight: [1] };
    expect(stillStep(s)).toBe(5);
  });

  it('is a well-formed, self-contained SVG file with a title, a description and a size', async () => {
    const file = 'scenes/cross-node-vxlan.yaml';
    const b = await bundleScene(readFileSync(file, 'utf8'), file);
    if (!b.ok) throw new Error('scene does not build');
    const text = stillSvg(b);
    const { window } = new JSDOM('');
    const doc = new window.DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const svg = doc.documentElement;
    expect(svg.getAttribute('width')).toBe(String(b.geometry.width));
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${b.geometry.width} ${b.geometry.height}`);
    expect(svg.querySelector('title')?.textContent).toBe(b.scene.title);
    const k = stillStep(b.steps);
    expect(svg.querySelector('desc')?.textContent).toContain(`step ${k + 1} of ${b.steps.length}`);
    expect(svg.querySelector('style')?.textContent).toContain('prefers-color-scheme: dark');
    // Self-contained: nothing it would have to fetch.
    expect(text).not.toMatch(/(href|src)=|@import|url\(/);
    expect(svg.querySelectorAll('g.kh-packet[visibility="visible"]')).toHaveLength(1);
    // Layout runs here (elkjs): slow on a busy machine.
  }, 60_000);
});
