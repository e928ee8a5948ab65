// SVG export, drawn in jsdom exactly as `kubehop export --format svg` draws
// it: the file parses as XML, carries the scene's boxes and the step's
// caption as text, and needs nothing from outside itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { bundleScene } from '../../src/bundle/bundle.ts';
import { svgFiles } from '../../src/export/svg-node.ts';
import { bandLayout, stepLabel, wrapText, MIN_CAPTION_PX } from '../../src/export/caption.ts';
import { pixelSize } from '../../src/export/picture.ts';
import type { Shown } from '../../src/show.ts';

let built: Pick<Shown, 'scene' | 'steps' | 'geometry'>;

beforeAll(async () => {
  const b = await bundleScene(readFileSync('scenes/same-node-bridge.yaml', 'utf8'), 'scenes/same-node-bridge.yaml');
  if (!b.ok) throw new Error('scene does not build');
  built = b;
}, 60_000);

function parse(text: string): Document {
  const { window } = new JSDOM('');
  return new window.DOMParser().parseFromString(text, 'image/svg+xml');
}

describe('svg export', () => {
  it('is an XML file with a declaration, one svg root and no parse errors', async () => {
    const [text] = await svgFiles(built, [12], { theme: 'light', width: 1280 });
    expect(text!.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = parse(text!);
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('svg');
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
    // The namespace is written once (jsdom would duplicate the renderer's own xmlns attribute).
    expect(text!.match(/xmlns="/g)).toHaveLength(1);
  });

  it("has every box's label and the step's caption and counter as text", async () => {
    const [text] = await svgFiles(built, [12], { theme: 'light', width: 1280 });
    const doc = parse(text!);
    const all = [...doc.querySelectorAll('text')].map((t) => t.textContent).join('\n');
    for (const box of built.geometry.boxes) for (const line of box.label) expect(all).toContain(line);
    const lines = [...doc.querySelectorAll('.kh-caption-line')].map((t) => t.textContent);
    expect(lines.join(' ')).toBe(built.steps[12]!.caption.trim().split(/\s+/).join(' '));
    expect(doc.querySelector('.kh-caption-step')!.textContent).toBe('Step 13 of 20');
  });

  it('has a title and a description naming the step', async () => {
    const [text] = await svgFiles(built, [12], { theme: 'light', width: 1280 });
    const doc = parse(text!);
    expect(doc.querySelector('svg > title')!.textContent).toBe(`${built.scene.title} — step 13 of 20`);
    expect(doc.querySelector('svg > desc')!.textContent).toContain(built.steps[12]!.caption);
    expect(doc.documentElement.getAttribute('aria-labelledby')).toMatch(/-title .*-desc$/);
  });

  it('draws the packet where step k leaves it, and only that packet', async () => {
    const [text] = await svgFiles(built, [12], { theme: 'light', width: 1280 });
    const doc = parse(text!);
    const shown = [...doc.querySelectorAll('g.kh-packet')].filter((g) => g.getAttribute('visibility') === 'visible');
    expect(shown.map((g) => g.getAttribute('data-packet'))).toEqual([built.steps[12]!.packet]);
    expect(doc.documentElement.getAttribute('data-step')).toBe('12');
  });

  it('is self-contained: styles inside, nothing fetched', async () => {
    const [text] = await svgFiles(built, [0], { theme: 'light', width: 1280 });
    expect(text).toContain('<style>');
    expect(text).not.toMatch(/@import|url\(\s*['"]?(https?:|\/\/)|(xlink:)?href="(https?:)?\/\//);
    expect(text).not.toMatch(/<foreignObject|<script|<image/);
  });

  it('has the requested width, a height that fits scene and caption band, and the theme class', async () => {
    const [light, dark, projector] = await Promise.all(
      (['light', 'dark', 'projector'] as const).map(async (theme) => parse((await svgFiles(built, [3], { theme, width: 900 }))[0]!)),
    );
    const band = bandLayout(built.steps.map((s) => s.caption), built.geometry.width, 900);
    const size = pixelSize(built.geometry.width, built.geometry.height + band.height, { width: 900 });
    expect(light!.documentElement.getAttribute('width')).toBe('900');
    expect(light!.documentElement.getAttribute('height')).toBe(String(size.height));
    expect(light!.documentElement.getAttribute('class')).toBe('kh-scene');
    expect(dark!.documentElement.getAttribute('class')).toBe('kh-scene kh-theme-dark');
    expect(projector!.documentElement.getAttribute('class')).toBe('kh-scene kh-theme-projector');
  });

  it('gives every step of a scene the same size (slides do not jump)', async () => {
    const files = await svgFiles(built, built.steps.map((_, k) => k), { theme: 'light', width: 1280 });
    const sizes = new Set(files.map((f) => /width="(\d+)" height="(\d+)"/.exec(f)![0]));
    expect(sizes.size).toBe(1);
  });
});

describe('caption band', () => {
  it('wraps at spaces and never past the column count', () => {
    expect(wrapText('the frame leaves pod A', 10)).toEqual(['the frame', 'leaves pod', 'A']);
    for (const line of wrapText(built.steps[5]!.caption, 30)) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('cuts a word longer than a line rather than letting it run off', () => {
    expect(wrapText('KUBE-SEP-ABCDEFGHIJKLMNOP ok', 10)).toEqual(['KUBE-SEP-A', 'BCDEFGHIJK', 'LMNOP ok']);
  });

  it('keeps caption text at least MIN_CAPTION_PX on the output, however small the picture', () => {
    const w = built.geometry.width;
    for (const px of [240, 480, 1280, 3840]) {
      const band = bandLayout(['x'], w, px);
      expect((band.fontSize * px) / w).toBeGreaterThanOrEqual(MIN_CAPTION_PX - 1e-9);
    }
  });

  it('is tall enough for the longest caption of the scene', () => {
    const captions = ['short', 'a much longer caption that will need more than one line at this width'];
    const band = bandLayout(captions, 400, 400);
    expect(band.lines).toBe(Math.max(...captions.map((c) => wrapText(c, band.columns).length)));
  });

  it('counts like the player', () => {
    expect(stepLabel(0, 20)).toBe('Step 1 of 20');
    expect(stepLabel(19, 20)).toBe('Step 20 of 20');
  });
});
