// `npx tsx bench/editor-typing.ts [scene] [--build]`: what typing in the editor
// costs the page. Opens the editor on a bundled scene (clusterip-dnat by
// default), types five words into its title at a person's pace, and reports the
// longest main-thread task while typing (PerformanceObserver 'longtask':
// tasks over 50 ms) and how long after the last keystroke, less the editor's
// 300 ms pause, the preview is up to date again. Twice: with the layout in
// its Web Worker (src/worker/) and with workers forbidden by the page's
// policy (the layout on the page, as before), side by side in one run.
// Prints figures; asserts nothing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { launch, median, serve } from './lib.ts';

const args = process.argv.slice(2);
const scene = args.find((a) => !a.startsWith('-')) ?? 'clusterip-dnat';
const out = join(tmpdir(), 'kubehop-bench-app');
const DEBOUNCE_MS = 300;
const ROUNDS = 3;

if (args.includes('--build') || !existsSync(join(out, 'index.html'))) {
  console.error(`building the app into ${out} …`);
  execSync(`npx vite build --outDir ${JSON.stringify(out)}`, { stdio: 'ignore' });
}

interface Round {
  longestTaskMs: number;
  tasksOver50: number;
  catchUpMs: number;
}

async function round(page: Page, k: number): Promise<Round> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
  });
  // The end of the title line: the drawn diagram carries the title (its <title>), so the update is seen there, after a whole rebuild.
  const lines = await page.locator('.cm-line').allTextContents();
  await page.locator('.cm-content').click();
  // Go to line: wrapped lines make arrows move by rows.
  await page.keyboard.press('Control+Alt+g');
  await page.getByRole('textbox', { name: 'Go to line' }).fill(`${lines.findIndex((l) => l.startsWith('title:')) + 1}:999`);
  await page.keyboard.press('Enter');
  // Words of this round only: the title must be seen to change.
  const words = [' one', ' more', ' word', ' typed', ` here${k}`];
  for (const word of words) await page.keyboard.type(word, { delay: 70 });
  const typed = Date.now();
  const expected = words.join('');
  await page.waitForFunction((end) => document.querySelector('[data-testid=stage] svg > title')?.textContent?.endsWith(end) ?? false, expected, { timeout: 60_000, polling: 5 });
  const catchUpMs = Date.now() - typed - DEBOUNCE_MS;
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  return { longestTaskMs: Math.max(0, ...long), tasksOver50: long.length, catchUpMs };
}

async function measure(forbidWorkers: boolean): Promise<Round[]> {
  const served = await serve({ '/': out }, {});
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    if (forbidWorkers) {
      await page.route('**/*', async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        if ((headers['content-type'] ?? '').includes('text/html')) headers['content-security-policy'] = "worker-src 'none'";
        await route.fulfill({ response, headers });
      });
    }
    await page.goto(`${served.base}/#/edit/${scene}`);
    await page.getByTestId('build-status').and(page.locator('[data-state=ok]')).waitFor({ timeout: 60_000 });
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await round(page, i));
    return rounds;
  } finally {
    await browser.close();
    served.close();
  }
}

const ms = (n: number): string => `${Math.round(n)} ms`;
const rows: [string, Round[]][] = [
  ['layout in a Web Worker', await measure(false)],
  ['layout on the page (workers forbidden)', await measure(true)],
];
console.log(`editor typing on ${scene}, ${ROUNDS} rounds of 5 words at 70 ms a key (median; longest task: the worst round)`);
for (const [name, rs] of rows) {
  console.log(
    `  ${name.padEnd(42)} longest main-thread task ${ms(Math.max(...rs.map((r) => r.longestTaskMs)))} · tasks over 50 ms ${median(rs.map((r) => r.tasksOver50))} · preview up to date ${ms(median(rs.map((r) => r.catchUpMs)))} after the pause`,
  );
}
