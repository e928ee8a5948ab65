// Layout timing: `npx tsx bench/layout.ts [runs]`. Prints the first (cold)
// layout and the median of the warm ones for each fixture and bundled scene,
// with the drawing's size and its font once scaled into the app's stage
// (layout/fit.ts: each layout is a short search over table widths).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { effectiveFont } from '../src/layout/fit.ts';
import { layoutScene } from '../src/layout/layout.ts';
import type { Geometry } from '../src/layout/types.ts';
import { loadScene } from '../src/scene/load.ts';
import type { Scene } from '../src/scene/model.ts';
import { fixtures } from '../tests/unit/layout-fixtures.ts';

const runs = Number(process.argv[2] ?? 20);

function bundledScenes(): Record<string, Scene> {
  const out: Record<string, Scene> = {};
  for (const f of readdirSync('scenes').filter((n) => n.endsWith('.yaml')).sort()) {
    const loaded = loadScene(readFileSync(join('scenes', f), 'utf8'), `scenes/${f}`);
    if (loaded.ok) out[`scenes/${f}`] = loaded.scene;
  }
  return out;
}

const scenes: Record<string, Scene> = {
  ...Object.fromEntries(Object.entries(fixtures).map(([k, make]) => [`fixture ${k}`, make()])),
  ...bundledScenes(),
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

for (const [name, scene] of Object.entries(scenes)) {
  const times: number[] = [];
  let g: Geometry | undefined;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    g = await layoutScene(scene);
    times.push(performance.now() - t0);
  }
  const [cold, ...warm] = times;
  const fit = `${g!.width}×${g!.height}, ${effectiveFont(g!).toFixed(2)} px on stage`;
  console.log(`${name.padEnd(36)} cold ${cold!.toFixed(1).padStart(6)} ms   warm median ${median(warm).toFixed(1).padStart(5)} ms (${runs} runs)   ${fit}`);
}
