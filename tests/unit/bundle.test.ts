import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { bundleScene, BUNDLE_FORMAT } from '../../src/bundle/bundle.ts';
import { sceneMeta } from '../../src/bundle/meta.ts';
import { publishedJson } from '../../src/bundle/publish.ts';
import { stillSvg } from '../../src/bundle/still-svg.ts';
import { checkBundle } from '../../src/embed/bundle-check.ts';
import { RESERVED } from '../../src/app/route.ts';

const files = readdirSync('scenes').filter((f) => f.endsWith('.yaml'));

describe('scene bundles', () => {
  it('survive JSON: a bundle read back is the scene, steps and geometry the pipeline built', async () => {
    const file = 'scenes/cross-node-vxlan.yaml';
    const b = await bundleScene(readFileSync(file, 'utf8'), file);
    expect(b.format).toBe(BUNDLE_FORMAT);
    expect(b.ok).toBe(true);
    if (!b.ok) return;
    const back = JSON.parse(JSON.stringify(b)) as typeof b;
    expect(back).toEqual(b);
    expect(back.geometry.boxes.length).toBeGreaterThan(10);
    expect(back.steps).toHaveLength(b.steps.length);
  });

  it('carry diagnostics, not a half scene, for a broken file, naming it by its base name only', async () => {
    const b = await bundleScene('apiVersion: kubehop/v1\nkind: Scene\nid: x\n', '/home/someone/scenes/x.yaml');
    expect(b.ok).toBe(false);
    expect(b.file).toBe('x.yaml');
    expect(b.diagnostics[0]?.file).toBe('x.yaml');
  });
});

describe('published bundles', () => {
  it.each(['scenes/cross-node-vxlan.yaml', 'scenes/dns-service.yaml'])('%s: leaner, and drawn exactly as the whole bundle', async (file) => {
    const b = await bundleScene(readFileSync(file, 'utf8'), file);
    if (!b.ok) throw new Error(`${file} should build`);
    const text = publishedJson(b);
    expect(text.length).toBeLessThan(JSON.stringify(b).length * 0.9);
    expect(text).not.toContain('"pos"');
    const back = JSON.parse(text);
    expect(back.scene.steps).toBeUndefined();
    const checked = checkBundle(back, 'x.json');
    if (!checked.ok) throw new Error(checked.message);
    // The still runs the render and timeline stages: anything they read that publishing dropped would change it.
    expect(stillSvg(checked.shown)).toBe(stillSvg(b));
    expect(stillSvg(checked.shown, b.steps.length - 1)).toBe(stillSvg(b, b.steps.length - 1));
    expect(publishedJson(b)).toBe(text);
  }, 60_000);

  it('leave out speaker notes (the element has no notes view) unless asked to keep them', async () => {
    const file = 'scenes/dns-external.yaml';
    const b = await bundleScene(readFileSync(file, 'utf8'), file);
    if (!b.ok) throw new Error(`${file} should build`);
    const noted = b.steps.filter((s) => s.notes).length;
    expect(noted).toBeGreaterThan(0);
    expect(JSON.parse(publishedJson(b)).steps.filter((s: { notes?: string }) => s.notes)).toHaveLength(0);
    expect(JSON.parse(publishedJson(b, { notes: true })).steps.filter((s: { notes?: string }) => s.notes)).toHaveLength(noted);
  }, 60_000);

  it('a broken scene keeps its diagnostics, for the element to show', async () => {
    const b = await bundleScene('apiVersion: kubehop/v1\nkind: Scene\nid: x\n', 'x.yaml');
    expect(JSON.parse(publishedJson(b)).diagnostics.length).toBeGreaterThan(0);
  });
});

describe('scene cards', () => {
  it.each(files)('%s has a title, a summary and a topic, and an id that is not a page name', (f) => {
    const m = sceneMeta(readFileSync(`scenes/${f}`, 'utf8'), `scenes/${f}`);
    expect(m.id).toBe(f.replace(/\.yaml$/, ''));
    expect(m.title).not.toBe(m.id);
    expect(m.summary.length).toBeGreaterThan(20);
    expect(m.topic).toBeTruthy();
    expect(RESERVED as readonly string[]).not.toContain(m.id);
  });

  it('fall back to the file name for unreadable YAML', () => {
    expect(sceneMeta('title: [unclosed', 'scenes/bad.yaml')).toEqual({ id: 'bad', file: 'scenes/bad.yaml', title: 'bad', summary: '', topic: undefined, order: undefined });
    expect(sceneMeta('title: T\norder: -1\n', 'x/y.yml')).toMatchObject({ id: 'y', title: 'T', order: undefined });
  });
});
