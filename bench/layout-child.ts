// One process, one scene: `tsx bench/layout-child.ts FILE RUNS [--lift-limits] [--steady]`.
// Prints JSON: the first layoutScene (cold: fresh process, elkjs and the JIT
// unwarmed) and RUNS-1 more (warm), and how many ELK runs one layout took. A process per scene keeps "cold" honest.
// --steady: then lays the scene out until it has done STEADY_AFTER layouts and
// measures STEADY_RUNS more. elkjs is compiled Java of several megabytes, and
// V8 needs some 40 layouts to optimise what it runs (docs/layout.md, "Speed"):
// "warm" right after the first layout is still mostly the JIT warming up,
// while an editor session, which lays out on every pause in typing, soon runs
// at the steady figure.
// Every timed layout runs ELK (the memo of ELK's answers, src/layout/elk-memo.ts,
// is off): what is timed is the work. Then, memo on, the scene is loaded
// afresh and laid out twice; the second, timed as repeatCpu, is what an
// edit that changes no box or link (a caption, a step) costs.
// --lift-limits: the synthetic 50× scene is over the 200-element cap of
// src/scene/limits.ts; lifting it measures what the cap protects against.
import { readFileSync } from 'node:fs';
import { checkScene } from '../src/pipeline.ts';
import { LIMITS } from '../src/scene/load.ts';

const [file, runsArg] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg ?? 1));
if (process.argv.includes('--lift-limits')) Object.assign(LIMITS as Record<string, number>, { elements: 1e9, links: 1e9, bytes: 1e9 });
const checked = checkScene(readFileSync(file!, 'utf8'), file!);
if (!checked.ok) {
  console.log(JSON.stringify({ error: checked.diagnostics.slice(0, 3).map((d) => d.message) }));
  process.exit(0);
}
const { elkRuns, layoutScene } = await import('../src/layout/layout.ts');
const { elkMemo } = await import('../src/layout/elk-memo.ts');
elkMemo.enabled = false;
const times: number[] = [];
/** CPU time of this process (user + system) per layout: less swayed than wall time by other work on a loaded machine. */
const cpu: number[] = [];
let size = '';
let elk = 0;
for (let i = 0; i < runs; i++) {
  elkRuns.count = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const g = await layoutScene(checked.scene);
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  size = `${Math.round(g.width)}×${Math.round(g.height)}`;
  elk = elkRuns.count;
}
const STEADY_AFTER = 40;
const STEADY_RUNS = 10;
const steadyCpu: number[] = [];
if (process.argv.includes('--steady')) {
  for (let i = runs; i < STEADY_AFTER + STEADY_RUNS; i++) {
    const c0 = process.cpuUsage();
    await layoutScene(checked.scene);
    const c = process.cpuUsage(c0);
    if (i >= STEADY_AFTER) steadyCpu.push((c.user + c.system) / 1000);
  }
}
elkMemo.enabled = true;
const again = checkScene(readFileSync(file!, 'utf8'), file!);
let repeatCpu: number | undefined;
if (again.ok) {
  await layoutScene(again.scene);
  const c0 = process.cpuUsage();
  await layoutScene(again.scene);
  const c = process.cpuUsage(c0);
  repeatCpu = (c.user + c.system) / 1000;
}
console.log(JSON.stringify({ times, cpu, steadyCpu, repeatCpu, elements: Object.keys(checked.scene.elements).length, links: checked.scene.links.length, size, elkRuns: elk }));
