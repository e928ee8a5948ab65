// Layout before and after a change, side by side in one run:
// `npx tsx bench/layout-compare.ts BEFORE_DIR [RUNS]`, where BEFORE_DIR is a
// checkout of the old version with its node_modules (for example
// `git archive <commit> | tar -x -C /tmp/before` and a node_modules link).
// Each bundled scene of this checkout is laid out in a fresh process by each
// version's own bench/layout-child.ts (--steady), the two versions taking
// turns at going first, scene by scene, so the load of a shared machine falls
// on both alike. Prints CPU ms of one layoutScene: the first layout, the
// median of layouts 2..RUNS (warm) and of layouts 41–50 (steady), and the
// ratios after/before, as a Markdown table.
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { child, row, type LayoutRow } from './layout-scaling.ts';

const [beforeArg, runsArg] = process.argv.slice(2);
if (!beforeArg) {
  console.error('usage: npx tsx bench/layout-compare.ts BEFORE_DIR [RUNS]');
  process.exit(2);
}
const before = resolve(beforeArg);
const after = resolve('.');
const runs = Math.max(2, Number(runsArg ?? 6));
const TIMEOUT = 180_000;
const only = process.env.KUBEHOP_BENCH_SCENES?.split(',');
const scenes = readdirSync('scenes')
  .filter((f) => f.endsWith('.yaml') && (!only || only.includes(f.replace(/\.yaml$/, ''))))
  .sort();
const load = (): string => loadavg().map((n) => n.toFixed(1)).join(' ');
console.error(`${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${load()}; before ${before}, after ${after}`);

const results: { scene: string; before: LayoutRow; after: LayoutRow }[] = [];
for (const [i, f] of scenes.entries()) {
  const scene = f.replace(/\.yaml$/, '');
  // The same scene file for both: what is compared is the code.
  const file = join(after, 'scenes', f);
  const order = i % 2 === 0 ? [before, after] : [after, before];
  const got = new Map<string, LayoutRow>();
  for (const dir of order) got.set(dir, row(scene, await child(file, runs, TIMEOUT, false, true, dir), runs, TIMEOUT));
  results.push({ scene, before: got.get(before)!, after: got.get(after)! });
  const b = got.get(before)!;
  const a = got.get(after)!;
  console.error(`${scene}: steady ${b.steadyCpuMs?.toFixed(0)} → ${a.steadyCpuMs?.toFixed(0)} ms, warm ${b.warmCpuMs?.toFixed(0)} → ${a.warmCpuMs?.toFixed(0)} ms (load ${load()})`);
}

const ms = (n: number | undefined): string => (n === undefined ? '—' : n.toFixed(0));
const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`);
const trio = (r: LayoutRow): string => (r.note ? r.note : `${ms(r.coldCpuMs)} · ${ms(r.warmCpuMs)} · ${ms(r.steadyCpuMs)}`);
console.log(`\nCPU ms of one layoutScene, fresh process per scene and version; first · warm (median of layouts 2–${runs}) · steady (median of layouts 41–50); load ${load()} at the end\n`);
console.log('| scene | ELK runs | before: first · warm · steady | after: first · warm · steady | warm after/before | steady after/before | after, unchanged graph |');
console.log('|---|---|---|---|---|---|---|');
for (const { scene, before: b, after: a } of results) {
  const runsCell = b.elkRuns === a.elkRuns ? `${a.elkRuns ?? '?'}` : `${b.elkRuns ?? '?'} → ${a.elkRuns ?? '?'}`;
  console.log(`| ${scene} | ${runsCell} | ${trio(b)} | ${trio(a)} | ${ratio(a.warmCpuMs, b.warmCpuMs)} | ${ratio(a.steadyCpuMs, b.steadyCpuMs)} | ${ms(a.repeatCpuMs)} |`);
}
