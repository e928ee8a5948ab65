// The embed's size and start-up time: `npx tsx bench/embed.ts [runs] [--build] [--out DIR]`.
//
// Prints, never asserts (figures vary by machine):
//   - gzipped size (zlib level 9) of embed/kubehop.js and of any chunk it
//     imports statically (what every page pays), of the lazy chunks a YAML
//     src pulls in (the pipeline, and elkjs behind it), and of the three
//     demo scenes' bundles;
//   - in headless Chromium, from navigation start and from the module's
//     evaluation ('kubehop:module') to the first drawn scene ('kubehop:drawn'),
//     on the demo post, median over `runs` cold loads (a fresh browser context
//     each, so nothing is cached), without and with 4× CPU throttling;
//   - the same for the demo post without its still <img> fallbacks (what
//     they cost a reader who has JavaScript), and for a raw YAML src, which
//     loads the pipeline and elkjs lazily;
//   - first, a calibration (a fixed JSON.parse workload in the page, and the
//     load average), to read the timings against this machine's speed.
//
// It builds first when the embed is missing or older than the sources, or
// with --build. --out serves another build folder than dist/app (useful when
// dist/app is being rebuilt by something else).
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { newestSource } from './lib.ts';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 9);
const outFlag = args.indexOf('--out');
const out = resolve(outFlag >= 0 ? args[outFlag + 1]! : 'dist/app');
const embed = join(out, 'embed');
const entry = join(embed, 'kubehop.js');

// ---- build when needed -------------------------------------------------------


const stale = !existsSync(entry) || statSync(entry).mtimeMs < Math.max(newestSource('src'), newestSource('scenes'), newestSource('static'));
if (args.includes('--build') || stale) {
  console.log(`building the embed into ${out} …`);
  execSync(`npx vite build -c vite.embed.config.ts --outDir ${JSON.stringify(out)}`, { stdio: 'ignore' });
}

// ---- sizes ---------------------------------------------------------------------

const gz = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;
const kb = (n: number): string => `${(n / 1024).toFixed(1).padStart(6)} KB`;

/** Chunks a module imports statically (`import … from "./x.js"`, `import "./x.js"`) or lazily (`import("./x.js")`). */
function imports(file: string): { statics: string[]; lazies: string[] } {
  const code = readFileSync(join(embed, file), 'utf8');
  const statics = [...code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => m[1]!);
  const lazies = [...code.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!);
  return { statics: [...new Set(statics)], lazies: [...new Set(lazies)] };
}

/** The file and everything it imports statically, transitively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const f of imports(file).statics) staticClosure(f, seen);
  return seen;
}

const eager = [...staticClosure('kubehop.js')];
const eagerGz = eager.reduce((n, f) => n + gz(join(embed, f)), 0);
console.log('\nSizes (minified, gzip -9)');
for (const f of eager) console.log(`  ${f.padEnd(40)} ${kb(gz(join(embed, f)))}   (raw ${kb(statSync(join(embed, f)).size)})`);
console.log(`  ${'every page pays (kubehop.js + static imports)'.padEnd(40)} ${kb(eagerGz)}   budget 50 KB: ${eagerGz < 50 * 1024 ? 'within' : 'OVER'}`);

const lazySeen = new Set<string>(eager);
const lazyQueue = eager.flatMap((f) => imports(f).lazies);
while (lazyQueue.length) {
  const f = lazyQueue.shift()!;
  if (lazySeen.has(f)) continue;
  lazySeen.add(f);
  console.log(`  lazy, only for a YAML src: ${f.padEnd(30)} ${kb(gz(join(embed, f)))}   (raw ${kb(statSync(join(embed, f)).size)})`);
  lazyQueue.push(...imports(f).lazies, ...imports(f).statics);
}
for (const id of ['same-node-bridge', 'cross-node-vxlan', 'clusterip-dnat']) {
  const p = join(embed, 'scenes', `${id}.json`);
  if (existsSync(p)) console.log(`  scene bundle ${`${id}.json`.padEnd(27)} ${kb(gz(p))}   (raw ${kb(statSync(p).size)})`);
}

// ---- a static server for the build, plus a YAML page ------------------------------

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
  '.yaml': 'application/yaml',
};

const YAML_PAGE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/embed/kubehop.js"></script>
<kubehop-scene src="/__bench/cross-node-vxlan.yaml" controls></kubehop-scene>`;

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/__bench/yaml.html') return void res.writeHead(200, { 'content-type': TYPES['.html']! }).end(YAML_PAGE);
    // The demo post without its still <img>s: what the fallbacks cost a reader who has JavaScript.
    if (path === '/demo/no-stills.html') {
      const html = readFileSync(join(out, 'demo', 'index.html'), 'utf8').replace(/<img\b[^>]*>/gs, '');
      return void res.writeHead(200, { 'content-type': TYPES['.html']! }).end(html);
    }
    const file = path.startsWith('/__bench/') ? resolve('scenes', path.slice('/__bench/'.length)) : join(out, normalize(path));
    const target = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
    if (!existsSync(target)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' }).end(readFileSync(target));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ---- start-up in Chromium ---------------------------------------------------------

interface Times {
  navToModule: number;
  moduleToFetched: number;
  fetchedToDrawn: number;
  moduleToDrawn: number;
  navToDrawn: number;
  navToAll: number;
}

async function measure(browser: Browser, url: string, expected: number, cpu: number): Promise<Times> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction((n) => performance.getEntriesByName('kubehop:drawn').length >= n, expected, { timeout: 60_000 });
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const t = await page.evaluate(() => ({
    module: performance.getEntriesByName('kubehop:module')[0]?.startTime ?? NaN,
    fetched: performance.getEntriesByName('kubehop:fetched')[0]?.startTime ?? NaN,
    drawn: performance.getEntriesByName('kubehop:drawn').map((e) => e.startTime),
  }));
  await context.close();
  return {
    navToModule: t.module,
    moduleToFetched: t.fetched - t.module,
    fetchedToDrawn: t.drawn[0]! - t.fetched,
    moduleToDrawn: t.drawn[0]! - t.module,
    navToDrawn: t.drawn[0]!,
    navToAll: Math.max(...t.drawn),
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (n: number): string => `${n.toFixed(1).padStart(7)} ms`;

async function report(browser: Browser, label: string, url: string, expected: number, cpu: number, n: number): Promise<void> {
  const all: Times[] = [];
  for (let i = 0; i < n; i++) all.push(await measure(browser, url, expected, cpu));
  const m = (k: keyof Times) => median(all.map((t) => t[k]));
  console.log(`\n${label} — median of ${n} cold loads${cpu > 1 ? `, CPU throttled ${cpu}×` : ''}`);
  console.log(`  navigation start → module evaluated        ${ms(m('navToModule'))}`);
  console.log(`  module evaluated → first scene drawn       ${ms(m('moduleToDrawn'))}   aim < 100 ms`);
  console.log(`    of which fetch + parse + check           ${ms(m('moduleToFetched'))}`);
  console.log(`    of which render + timeline               ${ms(m('fetchedToDrawn'))}`);
  console.log(`  navigation start → first scene drawn       ${ms(m('navToDrawn'))}`);
  if (expected > 1) console.log(`  navigation start → all ${expected} scenes drawn       ${ms(m('navToAll'))}`);
}

const server = await serve();
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
/** A fixed piece of work in the page, to read the other figures against: this machine's speed, right now. */
async function calibrate(): Promise<void> {
  const page = await browser.newPage();
  await page.goto(`${base}/embed/scenes/cross-node-vxlan.json`);
  const took = await page.evaluate(() => {
    const text = document.body.innerText;
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) JSON.parse(text);
    return performance.now() - t0;
  });
  await page.close();
  console.log(`\nCalibration: JSON.parse of cross-node-vxlan.json ×50 in the page took ${took.toFixed(1)} ms (load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`);
}

try {
  await calibrate();
  await report(browser, 'Demo post (3 precompiled scenes)', `${base}/demo/`, 3, 1, runs);
  await report(browser, 'Demo post without the still <img> fallbacks', `${base}/demo/no-stills.html`, 3, 1, runs);
  await report(browser, 'Demo post (3 precompiled scenes)', `${base}/demo/`, 3, 4, runs);
  await report(browser, 'One raw YAML scene (pipeline + elkjs loaded lazily)', `${base}/__bench/yaml.html`, 1, 1, Math.max(3, Math.ceil(runs / 3)));
} finally {
  await browser.close();
  server.close();
}
