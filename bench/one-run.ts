// What a layout in one ELK run would save: `npx tsx bench/one-run.ts [LAYOUTS]`.
// For each bundled scene, two fresh processes, one after the other: one lays
// the scene out LAYOUTS times (default 4) with `layoutScene` (two ELK runs
// for most scenes: one to measure, one at the chosen table widths), the
// other as often with `measuringLayout` (the first run alone, no choice and
// no rows lined up: the cost a layout in one run would have). Prints wall
// time of the first layout (cold) and the median of the rest (warm), ELK's
// memo off in both, and the ratio. A fresh process per figure keeps "cold"
// and "warm" honest (bench/layout-child.ts says why warm is not steady).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { median } from './lib.ts';

const [flag, file, mode] = process.argv.slice(2);

if (flag === '--child') {
  const { checkScene } = await import('../src/pipeline.ts');
  const { layoutScene, measuringLayout } = await import('../src/layout/layout.ts');
  const { elkMemo } = await import('../src/layout/elk-memo.ts');
  elkMemo.enabled = false;
  const checked = checkScene(readFileSync(file!, 'utf8'), file!);
  if (!checked.ok) throw new Error(`${file} does not check`);
  const times: number[] = [];
  for (let i = 0; i < Number(process.argv[5] ?? 4); i++) {
    const t0 = performance.now();
    await (mode === 'one' ? measuringLayout(checked.scene) : layoutScene(checked.scene));
    times.push(performance.now() - t0);
  }
  console.log(JSON.stringify(times));
} else {
  const layouts = Math.max(2, Number(flag ?? 4));
  const child = (f: string, m: string): number[] =>
    JSON.parse(execFileSync('npx', ['tsx', 'bench/one-run.ts', '--child', f, m, String(layouts)], { encoding: 'utf8' }).trim().split('\n').pop()!);
  console.log(`one ELK run against layoutScene, wall ms: first · median of layouts 2–${layouts}`);
  const warm = { two: [] as number[], one: [] as number[] };
  for (const f of readdirSync('scenes').filter((n) => n.endsWith('.yaml')).sort()) {
    const [two, one] = [child(`scenes/${f}`, 'two'), child(`scenes/${f}`, 'one')];
    const [w2, w1] = [median(two.slice(1)), median(one.slice(1))];
    warm.two.push(w2);
    warm.one.push(w1);
    const fmt = (xs: number[], w: number): string => `${xs[0]!.toFixed(0).padStart(4)} · ${w.toFixed(0).padStart(4)}`;
    console.log(`${f.replace(/\.yaml$/, '').padEnd(22)} layoutScene ${fmt(two, w2)}   one run ${fmt(one, w1)}   warm ×${(w1 / w2).toFixed(2)}`);
  }
  const range = (xs: number[]): string => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;
  console.log(`warm: layoutScene ${range(warm.two)}, ${warm.two.filter((w) => w > 100).length} scenes over 100 ms; one run ${range(warm.one)}, ${warm.one.filter((w) => w > 100).length} over 100 ms`);
}
