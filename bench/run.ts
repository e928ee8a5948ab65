// `npm run bench [-- --quick] [-- --build]`: where kubehop stands, in one run,
// as figures and ratios (issue 8). Prints one table and writes it, with the
// raw figures, to bench/results/latest.json. Prints, never asserts: this is a
// loaded shared machine, so read the ratios (measured side by side in the same
// run) rather than the absolute times.
//
//   sizes           bench/sizes.ts          runtime gzipped; runtime + one scene
//   layout          bench/layout-scaling.ts per bundled scene cold/warm/steady (ELK's work, memo off) and an
//                                           unchanged graph (memo on); synthetic 1×/10×/50×
//   start-up        bench/startup.ts        navigation → first drawn: bundle, YAML, Mermaid
//   frame pacing    bench/pacing.ts         rAF intervals over the largest scene's playthrough
//   memory, idle    bench/memory.ts         JS heap with 20 embeds; off-screen activity
//   command line    bench/cli.ts            node -e 0 vs kubehop --version vs kubehop validate
//
// --quick: fewer loads and runs, a 20 s pacing window instead of the whole
// playthrough, shorter time limits. --build: rebuild the embed (and the
// compiled CLI) even if fresh.
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { captionHoldMs } from '../src/player/hold.ts';
import { stepDuration } from '../src/timeline/timeline.ts';
import type { DerivedStep } from '../src/derive/types.ts';
import { measureLayout } from './layout-scaling.ts';
import { CLI_CASES, ensureCompiledCli, measureCli } from './cli.ts';
import { chromiumVersion, ensureBuild, launch, round, serve } from './lib.ts';
import { measureMemory } from './memory.ts';
import { measurePacing, pacingPage } from './pacing.ts';
import { embedPage, manyEmbedsPage, mermaidPage } from './pages.ts';
import { measureSizes } from './sizes.ts';
import { measureStartup } from './startup.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const started = Date.now();
const log = (s: string): void => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);

const tmp = join(tmpdir(), `kubehop-bench-${process.pid}`);
const out = resolve(process.env.KUBEHOP_BENCH_OUT ?? join(tmpdir(), 'kubehop-bench-build'));
const MERMAID_SCENE = 'cross-node-vxlan';
const EMBEDS = 20;

function machine(): Record<string, string | number> {
  const cpu = cpus()[0]?.model ?? 'unknown';
  return {
    date: new Date().toISOString(),
    command: `npm run bench${quick ? ' -- --quick' : ''}`,
    nproc: Number(execSync('nproc', { encoding: 'utf8' }).trim()),
    cpu,
    node: process.version,
    chromium: chromiumVersion(),
    loadavgAtStart: loadavg().map((n) => n.toFixed(2)).join(' '),
  };
}

// ---- measure --------------------------------------------------------------------

const info = machine();
log(`machine: ${info.nproc} × ${info.cpu}, load ${info.loadavgAtStart}`);
ensureBuild(out, args.includes('--build'));
const sizes = measureSizes(out);
// Before Chromium starts: these are whole processes, timed against `node -e 0` beside them.
ensureCompiledCli(args.includes('--build'), log);
log('command line start-up');
const cli = measureCli(quick ? 11 : 21, log);
log(`command line: validate ${cli.medianMs.validate.toFixed(0)} ms, node -e 0 ${cli.medianMs.node.toFixed(0)} ms: ${cli.validateRatio.toFixed(2)}×${cli.compiled ? '' : ' (NOT the compiled CLI)'}`);
log('layout in Node (a fresh process per scene)');
const layout = await measureLayout(quick, tmp, log);
const largest = layout.largest.id;

const bundle = JSON.parse(readFileSync(join(out, 'embed', 'scenes', `${largest}.json`), 'utf8')) as { steps: DerivedStep[] };
/** What a playthrough at speed 1 should take: each step's caption hold plus its hop. */
const playthroughMs = bundle.steps.reduce((n, s) => n + captionHoldMs(s.caption ?? '') + stepDuration(s) * 1000, 0);

const sceneIds = Object.keys(sizes.bundleGz);
const served = await serve(
  { '/embed/': join(out, 'embed'), '/yaml/': resolve('scenes'), '/mermaid/': resolve('node_modules/mermaid/dist'), '/mmd/': resolve('bench/mermaid') },
  {
    '/__bench/bundle.html': embedPage(`/embed/scenes/${MERMAID_SCENE}.json`),
    '/__bench/yaml.html': embedPage(`/yaml/${MERMAID_SCENE}.yaml`),
    '/__bench/mermaid.html': mermaidPage(`/mmd/${MERMAID_SCENE}.mmd`),
    '/__bench/pacing.html': pacingPage(largest),
    '/__bench/many-0.html': manyEmbedsPage([], 0),
    [`/__bench/many-${EMBEDS}.html`]: manyEmbedsPage(
      sceneIds.map((id) => `/embed/scenes/${id}.json`),
      EMBEDS,
    ),
  },
);
const browser = await launch();
let startup, pacing, memory;
try {
  startup = await measureStartup(
    browser,
    served,
    [
      { key: 'bundle', label: 'kubehop embed, precompiled bundle', path: '/__bench/bundle.html', moduleMark: 'kubehop:module', drawnMark: 'kubehop:drawn' },
      { key: 'yaml', label: 'kubehop embed, raw YAML (elkjs in page)', path: '/__bench/yaml.html', moduleMark: 'kubehop:module', drawnMark: 'kubehop:drawn' },
      { key: 'mermaid', label: 'Mermaid flowchart, same topology', path: '/__bench/mermaid.html', moduleMark: 'mermaid:module', drawnMark: 'mermaid:drawn' },
    ],
    quick ? 3 : 5,
    log,
  );
  pacing = await measurePacing(browser, served, largest, playthroughMs, quick, log);
  memory = await measureMemory(browser, served, EMBEDS, quick ? 5000 : 10_000, log);
} finally {
  await browser.close();
  served.close();
}
rmSync(tmp, { recursive: true, force: true });
const loadavgAtEnd = loadavg().map((n) => n.toFixed(2)).join(' ');

// ---- the table --------------------------------------------------------------------

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? '—' : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(n < 10 ? 1 : 0)} ms`);
const x = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
const by = (k: string) => startup!.find((s) => s.key === k)!;
const [kBundle, kYaml, merm] = [by('bundle'), by('yaml'), by('mermaid')];

type Row = [string, string, string];
const rows: Row[] = [];
const section = (title: string): void => void rows.push([`**${title}**`, '', '']);
const add = (what: string, value: string, note = ''): void => void rows.push([what, value, note]);

section('Size (gzip -9)');
add('embed runtime (kubehop.js + static imports)', kb(sizes.runtimeGz), sizes.runtimeFiles.join(', '));
add(`one scene, bundle: runtime + ${largest}.json`, kb(sizes.runtimeGz + sizes.bundleGz[largest]!), `bundles ${kb(Math.min(...Object.values(sizes.bundleGz)))}–${kb(Math.max(...Object.values(sizes.bundleGz)))}`);
add(`one scene, raw YAML: runtime + pipeline + elkjs + ${largest}.yaml`, kb(sizes.runtimeGz + sizes.lazyGz + sizes.yamlGz[largest]!), `lazy chunks ${kb(sizes.lazyGz)}`);

section('Layout in Node (layoutScene; cold = first layout in a fresh process; CPU = the process\'s user+system time)');
for (const r of layout.bundled) {
  add(`${r.scene} (${r.elements ?? '?'} elements)`, `cold ${ms(r.coldMs)} · warm ${ms(r.warmMs)} · ${r.elkRuns ?? '?'} ELK runs`, r.note ?? `CPU cold ${ms(r.coldCpuMs)} · warm ${ms(r.warmCpuMs)} (median of ${r.warmRuns})${r.steadyCpuMs !== undefined ? ` · steady ${ms(r.steadyCpuMs)} (layouts 41–50)` : ''}${r.repeatCpuMs !== undefined ? ` · unchanged graph ${ms(r.repeatCpuMs)} (ELK's answers kept)` : ''}`);
}
// Like with like across sizes: the cold layout (each size in its own fresh process), wall and CPU.
const base = layout.scaling[0]!;
for (const r of layout.scaling) {
  const ratio = r.coldMs !== undefined && base.coldMs !== undefined ? ` · ${x(r.coldMs, base.coldMs)} wall, ${x(r.coldCpuMs!, base.coldCpuMs!)} CPU vs 1×` : '';
  const detail = [r.note, r.warmMs !== undefined ? `warm ${ms(r.warmMs)} (CPU ${ms(r.warmCpuMs)})` : '', r.size ? `drawing ${r.size} px` : ''].filter(Boolean).join(' · ');
  add(`synthetic ${r.scene} (${r.elements ?? '?'} elements, ${r.links ?? '?'} links)`, r.coldMs !== undefined ? `cold ${ms(r.coldMs)} (CPU ${ms(r.coldCpuMs)})${ratio}` : '—', detail);
}

section(`Start-up in Chromium: navigation → diagram drawn (${MERMAID_SCENE}, median of ${kBundle.loads} cold loads)`);
for (const s of [kBundle, kYaml, merm]) add(s.label, ms(s.navToDrawnMs), `module → drawn ${ms(s.moduleToDrawnMs)} · ${s.files} files, ${kb(s.bytesGz)} gzipped (${kb(s.bytesRaw)} raw)`);
add('kubehop (bundle) / Mermaid: time · bytes', `${x(kBundle.navToDrawnMs, merm.navToDrawnMs)} · ${x(kBundle.bytesGz, merm.bytesGz)}`, 'below 1 = kubehop lighter/faster');
add('kubehop (YAML) / Mermaid: time · bytes', `${x(kYaml.navToDrawnMs, merm.navToDrawnMs)} · ${x(kYaml.bytesGz, merm.bytesGz)}`, 'both lay out in the page');

section(`Frame pacing: ${pacing.scene}, ${pacing.mode} (${pacing.seconds.toFixed(0)} s)`);
const pace = (p: typeof pacing.all): string => `p50 ${ms(p.p50)} · p95 ${ms(p.p95)} · p99 ${ms(p.p99)} · >50 ms: ${p.over50}`;
add(`all frames (${pacing.all.frames})`, pace(pacing.all), `max ${ms(pacing.all.max)}`);
add(`frames while a hop moves (${pacing.moving.frames})`, pace(pacing.moving), `max ${ms(pacing.moving.max)}`);
add(`blank page, same browser (${pacing.blank.frames})`, pace(pacing.blank), 'the machine with nothing to draw');

section(`Memory and idle: ${memory.embeds} autoplaying embeds on one page`);
add('JS heap: runtime only → with 20 embeds', `${memory.heapBaselineMB.toFixed(1)} → ${memory.heapWithEmbedsMB.toFixed(1)} MB`, `≈ ${memory.perEmbedKB.toFixed(0)} KB per embed (after GC)`);
add(
  `off-screen embeds idle (watched ${memory.windowSeconds.toFixed(0)} s at the top of the page)`,
  memory.offScreenIdle ? 'yes' : 'NO',
  `${memory.offScreen.count} off screen: ${memory.offScreen.mutations} DOM mutations, ${memory.offScreen.withStepchanges} with step changes; on screen: ${memory.onScreen.map((o) => `#${o.index} ${o.mutations} mutations, ${o.stepchanges} steps`).join('; ')}`,
);
add('no embed on screen: rAF calls/s · main-thread busy', `${memory.allOffScreen.rafPerSecond.toFixed(1)} /s · ${memory.allOffScreen.taskMsPerSecond.toFixed(1)} ms/s`, `page scrolled past all 20, ${memory.idleWindowSeconds} s`);

section(`Command line start-up: wall time of the whole process (median of ${cli.runs}, interleaved)${cli.compiled ? '' : ' — NOT the compiled CLI'}`);
for (const c of CLI_CASES) add(c.label, ms(cli.medianMs[c.key]), c.key === 'node' ? 'Node alone' : `${x(cli.medianMs[c.key], cli.medianMs.node)} node -e 0${c.key === 'validate' ? ' (the bound: 3×)' : ''}`);

const header = `kubehop benchmark — ${info.date} — ${info.command}\n${info.nproc} × ${info.cpu}, Node ${info.node}, ${info.chromium}, load average ${info.loadavgAtStart} at start, ${loadavgAtEnd} at end`;
const cells = rows.filter((r) => r[1] !== '');
const w0 = Math.max(...cells.map((r) => r[0].length));
const w1 = Math.max(...cells.map((r) => r[1].length));
console.log(`\n${header}\n`);
for (const [a, b, c] of rows) console.log(b === '' ? `\n${a.replace(/\*\*/g, '')}` : `  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
const markdown = ['| measure | value | detail |', '|---|---|---|', ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`)].join('\n');

mkdirSync('bench/results', { recursive: true });
const result = {
  machine: { ...info, loadavgAtEnd },
  quick,
  sizes,
  layout: { largest: layout.largest, bundled: layout.bundled, scaling: layout.scaling },
  startup,
  ratios: {
    bundleVsMermaidTime: kBundle.navToDrawnMs / merm.navToDrawnMs,
    bundleVsMermaidBytes: kBundle.bytesGz / merm.bytesGz,
    yamlVsMermaidTime: kYaml.navToDrawnMs / merm.navToDrawnMs,
    yamlVsMermaidBytes: kYaml.bytesGz / merm.bytesGz,
    cliValidateVsNode: cli.validateRatio,
  },
  pacing,
  memory,
  cli,
  table: rows.map(([measure, value, detail]) => ({ measure, value, detail })),
  markdown,
};
writeFileSync('bench/results/latest.json', `${JSON.stringify(result, (_k, v) => (typeof v === 'number' ? round(v, 2) : v), 2)}\n`);
console.log(`\nwritten: bench/results/latest.json (${((Date.now() - started) / 1000).toFixed(0)} s)`);
