// `kubehop/bundle`: the function a site generator calls, and the types the
// package publishes for it (lib/bundle.d.ts), which must say what the
// source does — `npm run check` fails on the assignments below when they differ.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type * as Published from '../../lib/bundle.js';
import { bundle, type BundleOptions, type BundleResult } from '../../src/bundle/index.ts';
import { checkBundle } from '../../src/embed/bundle-check.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameResult: Same<Published.BundleResult, BundleResult> = true;
const sameOptions: Same<Published.BundleOptions, BundleOptions> = true;
const sameFunction: typeof Published.bundle = bundle;

const MINI = readFileSync('tests/fixtures/valid/mini.yaml', 'utf8');

describe('kubehop/bundle', () => {
  it('publishes types that match the source', () => {
    expect([sameResult, sameOptions, typeof sameFunction]).toEqual([true, true, 'function']);
  });

  it('turns YAML text into the published bundle and its still, with nothing of the path it was given', async () => {
    const r = await bundle(MINI, { file: '/home/someone/drafts/mini.yaml' });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.steps).toBeGreaterThan(0);
    expect(r.width).toBeGreaterThan(0);
    expect(r.height).toBeGreaterThan(0);
    const json: unknown = JSON.parse(r.json);
    expect(checkBundle(json, 'mini.json').ok).toBe(true);
    expect(r.svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(r.json).not.toContain('/home/someone');
    expect(r.svg).not.toContain('/home/someone');
    // Same scene, same bytes.
    const again = await bundle(MINI, { file: 'elsewhere/mini.yaml' });
    expect(again.ok && again.json).toBe(r.json);
  });

  it('returns the problems of a broken scene under the name it was given', async () => {
    const r = await bundle('scene:\n  id: x\n', { file: 'drafts/broken.yaml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) expect(e).toMatch(/^drafts\/broken\.yaml:\d+:\d+: /);
  });
});
