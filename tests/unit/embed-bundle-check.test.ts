import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, bundleScene, type SceneBundle } from '../../src/bundle/bundle.ts';
import { checkBundle, diagnosticLines, READS_FORMAT } from '../../src/embed/bundle-check.ts';
import { fileName, readBundle, sourceKind } from '../../src/embed/load.ts';

const file = 'scenes/same-node-bridge.yaml';
let bundle: SceneBundle;
beforeAll(async () => {
  bundle = JSON.parse(JSON.stringify(await bundleScene(readFileSync(file, 'utf8'), file))) as SceneBundle;
}, 60_000);

const clone = (): Record<string, any> => JSON.parse(JSON.stringify(bundle));

describe('checking a fetched bundle', () => {
  it('reads the format the build writes', () => {
    expect(READS_FORMAT).toBe(BUNDLE_FORMAT);
  });

  it('accepts a real bundle and hands over scene, steps and geometry', () => {
    const r = checkBundle(bundle, 'x.json');
    expect(r.ok).toBe(true);
    if (r.ok && bundle.ok) {
      expect(r.shown.steps).toHaveLength(bundle.steps.length);
      expect(r.shown.geometry.width).toBe(bundle.geometry.width);
    }
  });

  it('says what is wrong, naming the file', () => {
    const msg = (data: unknown) => {
      const r = checkBundle(data, 'x.json');
      return r.ok ? 'ok' : r.message;
    };
    expect(msg([1, 2])).toBe('x.json is not a kubehop scene bundle (expected a JSON object).');
    expect(msg({ title: 'a' })).toMatch(/no "format" field/);
    expect(msg({ ...clone(), format: 1 })).toMatch(/format 1, but this kubehop.js reads format 2/);
    const noSteps = clone();
    delete noSteps.steps;
    expect(msg(noSteps)).toMatch(/damaged.*"steps" should be a list/);
    const badStep = clone();
    badStep.steps[3].caption = 7;
    expect(msg(badStep)).toMatch(/"steps\[3\]\.caption" should be text/);
    const badGeometry = clone();
    badGeometry.geometry.width = -1;
    expect(msg(badGeometry)).toMatch(/"geometry.width" should be a positive number/);
    const badBox = clone();
    badBox.geometry.boxes[2].x = 'left';
    expect(msg(badBox)).toMatch(/"geometry.boxes\[2\].x" should be a number/);
    const badCard = clone();
    expect(Array.isArray(badCard.geometry.cards), 'the build keeps the card places').toBe(true);
    badCard.geometry.cards[1] = 'here';
    expect(msg(badCard)).toMatch(/"geometry.cards\[1\]" should be a point or null/);
    const oldBundle = clone();
    delete oldBundle.geometry.cards;
    expect(msg(oldBundle), 'a bundle made before card places still loads').toBe('ok');
  });

  it('lists the diagnostics of a scene that did not build', async () => {
    const broken = await bundleScene('apiVersion: kubehop/v1\nkind: Scene\nid: x\n', 'scenes/x.yaml');
    const r = checkBundle(JSON.parse(JSON.stringify(broken)), 'x.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe('x.json holds a scene with errors:');
      // A bundle names its scene file by the base name only (no path of the author's machine is published).
      expect(r.details[0]).toMatch(/^x\.yaml:\d+:\d+: /);
    }
  }, 30_000);

  it('caps a long diagnostic list', () => {
    const d = { file: 'a.yaml', line: 1, col: 1, severity: 'error', code: 'KH1001', message: 'm' };
    const lines = diagnosticLines(Array.from({ length: 12 }, () => d));
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe('a.yaml:1:1: error KH1001: m');
    expect(lines.at(-1)).toBe('… and 4 more');
    expect(diagnosticLines('nonsense')).toEqual([]);
  });

  it('refuses text that is not JSON', () => {
    const r = readBundle('title: not json', 'x.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('x.json is not valid JSON, so it is not a scene bundle.');
  });
});

describe('which reader a source needs', () => {
  it('by extension, then content type, then the first character', () => {
    expect(sourceKind('https://a/b/scene.json?v=2', null, 'x')).toBe('bundle');
    expect(sourceKind('https://a/b/scene.yaml#x', null, '{')).toBe('yaml');
    expect(sourceKind('https://a/b/scene.YML', null, '')).toBe('yaml');
    expect(sourceKind('https://a/scene', 'application/json; charset=utf-8', '')).toBe('bundle');
    expect(sourceKind('https://a/scene', 'application/yaml', '{')).toBe('yaml');
    expect(sourceKind('https://a/scene', 'text/plain', '  {"format":1}')).toBe('bundle');
    expect(sourceKind('https://a/scene', null, 'apiVersion: kubehop/v1')).toBe('yaml');
  });

  it('names the file by the last part of its path', () => {
    expect(fileName('https://a/b/cross-node-vxlan.json?v=1')).toBe('cross-node-vxlan.json');
    expect(fileName('https://a/b/my%20scene.yaml')).toBe('my scene.yaml');
  });
});
