// `npx tsx bench/editor-typing.ts [scene] [--build] [--base=<git ref>] [--rounds=N] [--no-worker]`:
// what typing in the editor costs the page. Opens the editor on a bundled scene
// (clusterip-dnat by default) and makes two realistic edits per round: 30
// keystrokes at the end of the first folded (`>-`) caption and 30 inside the
// text of the first one-line table row, in words at a person's pace (120 ms a
// key, a pause longer than the editor's 300 ms between words, so the preview
// rebuilds while the next word is typed). It reports, over all edits:
//   - the longest main-thread task and the count over 50 ms, in wall time
//     (PerformanceObserver 'longtask') and in CPU time (a Chromium trace: on a
//     loaded machine the wall time is mostly the wait for a core);
//   - the CPU time of the tasks that handle a keystroke and of those that
//     redraw the preview with a build from the worker (median and longest);
//   - the longest keystroke from keydown to the next paint (Event Timing);
//   - catch-up: from the debounce firing (the last key + 300 ms) to the first
//     frame whose preview shows the whole edit (median and max).
// With --base it also builds that git ref (from `git archive`, beside this
// tree's node_modules) and measures both in the same run, round by round in
// turn, with the ratios. --no-worker forbids workers by the page's policy
// (the layout then runs on the page). This tree is rebuilt when its sources
// are newer than the last build, or with --build. Prints figures; asserts nothing.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, realpathSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { launch, median, newestSource, serve, type Served } from './lib.ts';
import { startTrace } from './editor-trace.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const scene = args.find((a) => !a.startsWith('-')) ?? 'clusterip-dnat';
const base = opt('base');
const ROUNDS = Number(opt('rounds') ?? 3);
const DEBOUNCE_MS = 300;
const KEY_MS = 120;
const WORD_PAUSE_MS = 450;

/** Builds the app from `dir` into `out` unless that build is there and newer than its sources (or --build). */
function buildApp(dir: string, out: string): void {
  const built = join(out, 'index.html');
  const fresh = existsSync(built) && statSync(built).mtimeMs > Math.max(...['src', 'scenes', 'static'].map((d) => newestSource(join(dir, d))));
  if (!args.includes('--build') && fresh) return;
  console.error(`building ${dir} into ${out} …`);
  execSync(`npx vite build --outDir ${JSON.stringify(out)} --emptyOutDir`, { cwd: dir, stdio: 'ignore' });
}

/** A checkout of `ref` in a temporary folder, sharing this tree's node_modules. */
function checkout(ref: string): string {
  const sha = execSync(`git rev-parse --short ${JSON.stringify(ref)}`, { encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `kubehop-bench-src-${sha}`);
  if (!existsSync(join(dir, 'package.json'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execSync(`git archive ${sha} | tar -x -C ${JSON.stringify(dir)}`);
    symlinkSync(realpathSync('node_modules'), join(dir, 'node_modules'));
  }
  return dir;
}

interface Edit {
  longestTaskMs: number;
  tasksOver50: number;
  /** The same from a trace, in the main thread's CPU time: what the page itself spent, less the waits a loaded machine adds. */
  longestCpuMs: number;
  cpuOver50: number;
  /** Each keystroke's task and each preview redraw's, in CPU time. */
  keyCpuMs: number[];
  previewCpuMs: number[];
  longestKeyMs: number;
  catchUpMs: number;
}

/** The words typed into one place: 30 keys; `tag` and the round make the text new, so its arrival is seen. */
const wordsFor = (tag: string, k: number): string[] => [` ${tag}${k}x`, ' then', ' more', ' text', ' typed', ' in'];

const source = readFileSync(join('scenes', `${scene}.yaml`), 'utf8').split('\n');
/** The first step's folded caption (`caption: >-`) ends two lines down; the first table row is a one-line `{ id, text }`. */
const CAPTION_LINE = source.findIndex((l) => /^ {4}caption: >-$/.test(l)) + 3;
const ROW_LINE = source.findIndex((l) => /^ +- \{ id: [^,]+, text: ".*" \}$/.test(l)) + 1;
if (CAPTION_LINE < 3 || ROW_LINE < 1) {
  console.error(`scenes/${scene}.yaml: this bench needs a step whose caption is folded (\`caption: >-\`) and a table row written \`- { id: …, text: "…" }\``);
  process.exit(2);
}

/** Moves the cursor to the end of 1-based `line`, less `back` characters (Go to line: wrapped lines make Up and Down move by rows). */
async function goTo(page: Page, line: number, back: number): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Alt+g');
  await page.getByRole('textbox', { name: 'Go to line' }).fill(`${line}:999`);
  await page.keyboard.press('Enter');
  for (let i = 0; i < back; i++) await page.keyboard.press('ArrowLeft');
}

async function edit(page: Page, where: 'caption' | 'row', k: number): Promise<Edit> {
  // Inside the row's quotes: before `" }`.
  await goTo(page, where === 'caption' ? CAPTION_LINE : ROW_LINE, where === 'caption' ? 0 : 3);
  const typed = wordsFor(where === 'caption' ? 'cap' : 'row', k);
  // The caption under the stage, or the table's text on the stage.
  const at = where === 'caption' ? '[data-testid=caption]' : '[data-testid=stage] svg';
  await page.evaluate(`window.__kh.watch(${JSON.stringify(at)}, ${JSON.stringify(typed.join(''))})`);
  const trace = await startTrace(page);
  for (const word of typed) {
    await page.keyboard.type(word, { delay: KEY_MS });
    await page.waitForTimeout(WORD_PAUSE_MS);
  }
  await page.waitForFunction(() => (window as unknown as { __kh: Hooks }).__kh.shownAt > 0, undefined, { timeout: 60_000, polling: 50 });
  // A moment for a task that ended with the update to be reported.
  await page.waitForTimeout(200);
  const cpu = await trace();
  const r = await page.evaluate(() => {
    const { long, keys, lastKey, shownAt } = (window as unknown as { __kh: Hooks }).__kh;
    return { long, keys, lastKey, shownAt };
  });
  return {
    longestTaskMs: Math.max(0, ...r.long),
    tasksOver50: r.long.length,
    longestCpuMs: Math.max(0, ...cpu.all),
    cpuOver50: cpu.all.filter((t) => t > 50).length,
    keyCpuMs: cpu.keys,
    previewCpuMs: cpu.preview,
    longestKeyMs: Math.max(0, ...r.keys),
    catchUpMs: r.shownAt - r.lastKey - DEBOUNCE_MS,
  };
}

interface Hooks {
  long: number[];
  keys: number[];
  lastKey: number;
  shownAt: number;
}

/** The page hooks the measures read: long tasks, keystroke durations, the last keystroke's time, the editor's text. */
const HOOKS = `(() => {
  const kh = (window.__kh = { long: [], keys: [], lastKey: 0, shownAt: 0 });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => kh.long.push(e.duration))).observe({ type: 'longtask' });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (e.name === 'keydown') kh.keys.push(e.duration); })).observe({ type: 'event', durationThreshold: 16 });
  addEventListener('keydown', () => (kh.lastKey = performance.now()), true);
  // Polled every frame; spaces folded, as the diagram may break a row's text into lines.
  kh.watch = (at, wanted) => {
    Object.assign(kh, { long: [], keys: [], lastKey: 0, shownAt: 0 });
    const want = wanted.replace(/\\s+/g, '');
    const poll = () => {
      const shown = (document.querySelector(at)?.textContent ?? '').replace(/\\s+/g, '');
      if (kh.lastKey > 0 && shown.includes(want)) kh.shownAt = performance.now();
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  };
})()`;

interface Variant {
  name: string;
  out: string;
  served?: Served;
  browser?: Browser;
  page?: Page;
  edits: Edit[];
}

async function open(v: Variant): Promise<void> {
  v.served = await serve({ '/': v.out }, {});
  v.browser = await launch();
  const page = (v.page = await v.browser.newPage({ viewport: { width: 1280, height: 800 } }));
  if (args.includes('--no-worker')) {
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      if ((headers['content-type'] ?? '').includes('text/html')) headers['content-security-policy'] = "worker-src 'none'";
      await route.fulfill({ response, headers });
    });
  }
  await page.addInitScript(HOOKS);
  await page.goto(`${v.served.base}/#/edit/${scene}`);
  await page.getByTestId('build-status').and(page.locator('[data-state=ok]')).waitFor({ timeout: 60_000 });
}

const here = resolve('.');
const variants: Variant[] = [{ name: 'this tree', out: join(tmpdir(), `kubehop-bench-app-${basename(here)}`), edits: [] }];
buildApp(here, variants[0]!.out);
if (base) {
  const dir = checkout(base);
  variants.unshift({ name: `base ${base}`, out: join(tmpdir(), `kubehop-bench-app-${base.replace(/\W/g, '_')}`), edits: [] });
  buildApp(dir, variants[0]!.out);
}
try {
  for (const v of variants) await open(v);
  for (let k = 0; k < ROUNDS; k++) {
    for (const v of variants) {
      v.edits.push(await edit(v.page!, 'caption', k));
      if (process.env.KH_DEBUG) console.error(v.name, 'caption', v.edits.at(-1));
      v.edits.push(await edit(v.page!, 'row', k));
      if (process.env.KH_DEBUG) console.error(v.name, 'row', v.edits.at(-1));
    }
  }
} finally {
  for (const v of variants) {
    await v.browser?.close();
    v.served?.close();
  }
}

const ms = (n: number): string => `${Math.round(n)} ms`;
const ms1 = (n: number): string => `${n.toFixed(1)} ms`;
interface Figures {
  longest: number;
  over50: number;
  cpu: number;
  cpuOver50: number;
  keyCpu: number;
  keyCpuMed: number;
  previewCpu: number;
  previewCpuMed: number;
  key: number;
  catchMed: number;
  catchMax: number;
}
const figures = (es: Edit[]): Figures => ({
  longest: Math.max(...es.map((e) => e.longestTaskMs)),
  over50: es.reduce((s, e) => s + e.tasksOver50, 0),
  cpu: Math.max(...es.map((e) => e.longestCpuMs)),
  cpuOver50: es.reduce((s, e) => s + e.cpuOver50, 0),
  keyCpu: Math.max(...es.flatMap((e) => e.keyCpuMs)),
  keyCpuMed: median(es.flatMap((e) => e.keyCpuMs)),
  previewCpu: Math.max(...es.flatMap((e) => e.previewCpuMs)),
  previewCpuMed: median(es.flatMap((e) => e.previewCpuMs)),
  key: Math.max(...es.map((e) => e.longestKeyMs)),
  catchMed: median(es.map((e) => e.catchUpMs)),
  catchMax: Math.max(...es.map((e) => e.catchUpMs)),
});
console.log(
  `editor typing on ${scene}${args.includes('--no-worker') ? ' (workers forbidden)' : ''}: ${ROUNDS} rounds × 2 edits of 30 keys ` +
    `(a caption, a table row) at ${KEY_MS} ms a key, ${WORD_PAUSE_MS} ms between words; load ${execSync('cat /proc/loadavg', { encoding: 'utf8' }).split(' ')[0]}`,
);
const all = variants.map((v) => [v.name, figures(v.edits)] as const);
const rows: [string, (f: Figures) => number, (n: number) => string][] = [
  ['longest main-thread task (wall)', (f) => f.longest, ms],
  ['tasks over 50 ms (wall)', (f) => f.over50, String],
  ['longest main-thread task (CPU)', (f) => f.cpu, ms],
  ['tasks over 50 ms (CPU)', (f) => f.cpuOver50, String],
  ['keystroke task (CPU), median', (f) => f.keyCpuMed, ms1],
  ['keystroke task (CPU), longest', (f) => f.keyCpu, ms1],
  ['preview redraw task (CPU), median', (f) => f.previewCpuMed, ms1],
  ['preview redraw task (CPU), longest', (f) => f.previewCpu, ms1],
  ['longest keystroke to paint (wall)', (f) => f.key, ms],
  ['preview after the debounce, median', (f) => f.catchMed, ms],
  ['preview after the debounce, max', (f) => f.catchMax, ms],
];
console.log(`  ${''.padEnd(36)}${all.map(([name]) => name.padStart(18)).join('')}${all.length === 2 ? 'this/base'.padStart(12) : ''}`);
for (const [label, get, show] of rows) {
  const values = all.map(([, f]) => get(f));
  const ratio = values.length === 2 && values[0]! > 0 ? `${(values[1]! / values[0]!).toFixed(2)}×`.padStart(12) : '';
  console.log(`  ${label.padEnd(36)}${values.map((v) => show(v).padStart(18)).join('')}${ratio}`);
}
