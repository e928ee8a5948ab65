// What a reader downloads for a post with one scene published by `kubehop
// bundle`: `npx tsx bench/bundle-page.ts [scene.yaml…] [--build]`.
//
// Bundles each scene (default: every scenes/*.yaml) with --runtime into a
// temporary folder, writes a page with exactly the HTML the command prints
// (script tag + element with its still), serves it and opens it in headless
// Chromium, and adds up, gzipped (zlib level 9), every file the page fetched
// until the scene was drawn. The budget (issue 14) is runtime + one scene's
// bundle ≤ 50 KB gzipped; the still is listed apart (a reader with JavaScript
// fetches it too, but it is what a reader without JavaScript gets instead).
// Prints, never asserts.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { bundleCommand } from '../src/cli/bundle.ts';
import { ensureBuild, gzFile, gzipBytes, launch, serve } from './lib.ts';

const BUDGET = 50 * 1024;
const args = process.argv.slice(2);
const scenes = args.filter((a) => !a.startsWith('--'));
const files = scenes.length ? scenes : readdirSync('scenes').filter((f) => f.endsWith('.yaml')).sort().map((f) => `scenes/${f}`);

const build = resolve(process.env.KUBEHOP_BENCH_OUT ?? join(tmpdir(), 'kubehop-bench-build'));
ensureBuild(build, args.includes('--build'));

const site = mkdtempSync(join(tmpdir(), 'kubehop-bundle-page-'));
const printed: string[] = [];
const code = await bundleCommand([...files, '-o', join(site, 'kubehop'), '--runtime'], { out: (s) => printed.push(s), err: (s) => console.error(s) }, join(build, 'embed'));
if (code !== 0) process.exit(code);

// The printed HTML: the script tag once, then one element per scene, in the order given.
const text = printed.join('\n');
const script = /<script type="module"[^>]*><\/script>/.exec(text)![0];
const snippets = [...text.matchAll(/<kubehop-scene [^]*?<\/kubehop-scene>/g)].map((m) => m[0]);
const page = (snippet: string): string =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><title>post</title>
<style>
kubehop-scene { display: block; container-type: inline-size; }
kubehop-scene > img { display: block; box-sizing: content-box; width: 100%; height: auto; max-height: 85vh; object-fit: contain; padding-bottom: 8em; }
@container (width < 560px) { kubehop-scene > img { min-height: min(100cqi, 85vh); padding-bottom: 13em; } }
</style>
${script}
<article style="max-width:44rem;margin:auto"><p>Text of the post.</p>${snippet}</article>`;

const served = await serve({ '/kubehop/': join(site, 'kubehop') }, Object.fromEntries(snippets.map((s, i) => [`/post-${i}.html`, page(s)])));
const browser = await launch();
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
console.log(`runtime kubehop.js: ${kb(gzFile(join(site, 'kubehop', 'kubehop.js')))} gzipped (budget for runtime + one scene: ${kb(BUDGET)})\n`);
console.log('scene                      page   runtime+bundle   still   fetched');
let worst = 0;
try {
  for (const [i, file] of files.entries()) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    const fetched: string[] = [];
    p.on('requestfinished', (r) => fetched.push(r.url()));
    await p.goto(`${served.base}/post-${i}.html`);
    await p.waitForFunction(() => performance.getEntriesByName('kubehop:drawn').length > 0, null, { timeout: 60_000 });
    const gz = (pred: (path: string) => boolean): number =>
      fetched.map((u) => served.fileFor(u)).filter((f): f is string => f !== undefined && pred(f)).reduce((sum, f) => sum + gzFile(f), 0);
    const html = gzipBytes(page(snippets[i]!));
    const code = gz((f) => f.endsWith('.js') || f.endsWith('.json'));
    const still = gz((f) => f.endsWith('.svg'));
    worst = Math.max(worst, code);
    const names = fetched.map((u) => basename(new URL(u).pathname)).join(' ');
    console.log(`${basename(file, '.yaml').padEnd(24)} ${kb(html + code + still).padStart(8)} ${kb(code).padStart(12)} ${code > BUDGET ? '✗' : '✓'} ${kb(still).padStart(8)}   ${names}`);
    await ctx.close();
  }
} finally {
  await browser.close();
  served.close();
  rmSync(site, { recursive: true, force: true });
}
console.log(`\nlargest runtime + one scene: ${kb(worst)} gzipped (${worst <= BUDGET ? "within" : "over"} ${kb(BUDGET)} by ${Math.abs(BUDGET - worst)} bytes)`);
