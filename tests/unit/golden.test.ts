// Golden pictures: every bundled scene's Geometry (rounded JSON) and its
// still (the SVG a page shows without JavaScript, drawn by render and
// timeline) are kept under tests/golden/. A change to layout, render or the
// card shows up here as a diff a reviewer can look at: on a mismatch the new
// file is written beside the old one as <scene>.changed.<ext> (ignored by
// git) and the test fails. `npm run golden` rewrites them on purpose.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleScene } from '../../src/bundle/bundle.ts';
import { stillSvg } from '../../src/bundle/still-svg.ts';
import type { Geometry } from '../../src/layout/types.ts';

const DIR = 'tests/golden';
const WRITE = Boolean(process.env.UPDATE_GOLDEN);
const SCENES = readdirSync('scenes')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();

/** Tenths of a unit: far below what a reader can see, far above float noise. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 10) / 10;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

function geometryText(g: Geometry): string {
  return `${JSON.stringify(rounded(g), null, 1)}\n`;
}

/** Compares `actual` with the golden file; a mismatch leaves the new text beside it for review and says so. */
function checkGolden(name: string, ext: string, actual: string): string | undefined {
  const file = join(DIR, `${name}.${ext}`);
  const changed = join(DIR, `${name}.changed.${ext}`);
  if (WRITE) {
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return undefined;
  }
  const expected = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (expected === actual) {
    rmSync(changed, { force: true });
    return undefined;
  }
  writeFileSync(changed, actual);
  return `${file} ${expected === undefined ? 'is missing' : 'differs'}: the new one is ${changed}`;
}

describe('golden pictures', () => {
  it('has a golden geometry and still for every bundled scene, and none for a scene that is gone', () => {
    const kept = readdirSync(DIR).filter((f) => !f.includes('.changed.') && (f.endsWith('.geometry.json') || f.endsWith('.svg')));
    const expected = SCENES.flatMap((s) => [`${s}.geometry.json`, `${s}.svg`]).sort();
    if (!WRITE) expect(kept.sort()).toEqual(expected);
  });

  for (const name of SCENES) {
    it(`${name}: geometry and still match tests/golden/`, async () => {
      const file = `scenes/${name}.yaml`;
      const built = await bundleScene(readFileSync(file, 'utf8'), file);
      if (!built.ok) expect.fail(`${file} does not build`);
      // Both are compared before failing, so a reviewer gets both new files at once.
      const found = [checkGolden(name, 'geometry.json', geometryText(built.geometry)), checkGolden(name, 'svg', stillSvg(built))];
      const problems = found.filter((p) => p !== undefined);
      if (problems.length) expect.fail(`${problems.join('; ')} — compare them; if the change is meant, run \`npm run golden\``);
    });
  }
});
