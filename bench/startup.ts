// Navigation → first drawn diagram in Chromium, cold (a fresh browser context
// per load, so nothing is cached), for three pages showing the same topology
// (cross-node-vxlan): the embed with a precompiled bundle, the embed with the
// raw YAML (pipeline + elkjs loaded and run in the page), and Mermaid
// rendering a hand-written flowchart of it. Loads are interleaved round by
// round, so a burst of load on this shared machine hits all three alike.
// Also the bytes each page loaded: every response the server answered from a
// file (the bench page itself excluded), gzipped at level 9 in Node.
import { statSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { gzFile, median, type Served } from './lib.ts';

export interface StartupCase {
  key: string;
  label: string;
  path: string;
  /** The mark that says "module evaluated" and "drawn". */
  moduleMark: string;
  drawnMark: string;
}

export interface StartupResult {
  key: string;
  label: string;
  loads: number;
  navToDrawnMs: number;
  moduleToDrawnMs: number;
  navToDrawnAll: number[];
  files: number;
  bytesGz: number;
  bytesRaw: number;
}

async function once(browser: Browser, served: Served, c: StartupCase): Promise<{ nav: number; mod: number; files: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const files = new Set<string>();
  page.on('requestfinished', (r) => {
    const f = served.fileFor(r.url());
    if (f) files.add(f);
  });
  await page.goto(`${served.base}${c.path}`, { waitUntil: 'commit' });
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, c.drawnMark, { timeout: 90_000 });
  const t = await page.evaluate(
    ([a, b]) => ({ mod: performance.getEntriesByName(a!)[0]?.startTime ?? NaN, drawn: performance.getEntriesByName(b!)[0]!.startTime }),
    [c.moduleMark, c.drawnMark],
  );
  // Anything still in flight (a lazy chunk fetched after drawing) is counted too.
  await page.waitForLoadState('networkidle').catch(() => {});
  await context.close();
  return { nav: t.drawn, mod: t.drawn - t.mod, files: [...files] };
}

export async function measureStartup(browser: Browser, served: Served, cases: StartupCase[], rounds: number, log: (s: string) => void): Promise<StartupResult[]> {
  const runs = new Map<string, { nav: number[]; mod: number[]; files: string[] }>(cases.map((c) => [c.key, { nav: [], mod: [], files: [] }]));
  for (let r = 0; r < rounds; r++) {
    log(`startup round ${r + 1}/${rounds}`);
    for (const c of cases) {
      const got = await once(browser, served, c);
      const acc = runs.get(c.key)!;
      acc.nav.push(got.nav);
      acc.mod.push(got.mod);
      acc.files = got.files;
    }
  }
  return cases.map((c) => {
    const acc = runs.get(c.key)!;
    return {
      key: c.key,
      label: c.label,
      loads: rounds,
      navToDrawnMs: median(acc.nav),
      moduleToDrawnMs: median(acc.mod),
      navToDrawnAll: acc.nav,
      files: acc.files.length,
      bytesGz: acc.files.reduce((n, f) => n + gzFile(f), 0),
      bytesRaw: acc.files.reduce((n, f) => n + statSync(f).size, 0),
    };
  });
}
