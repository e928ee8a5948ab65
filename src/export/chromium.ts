// Headless Chromium for the exports that need a rasteriser and WebCodecs:
// Debian's browser through Playwright, the same launch
// arguments as the browser tests. The page is served by Playwright itself
// at http://127.0.0.1 — a secure context, which WebCodecs needs and
// about:blank is not — and no request ever leaves the process.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { exportRuntime } from './build.ts';
import type { RuntimeApi } from './runtime.ts';

import { LAUNCH_ARGS } from './launch-args.ts';

export { LAUNCH_ARGS };

const ORIGIN = 'http://127.0.0.1:9';

/** A problem the person running the CLI can fix (no stack trace for these). */
export class ExportError extends Error {}

/** CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own download, whichever exists. */
export async function findChromium(env: Record<string, string | undefined> = process.env, exists: (path: string) => boolean = existsSync): Promise<string> {
  const { chromium } = await import('playwright-core');
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', bundled].filter((p): p is string => !!p);
  const found = candidates.find((p) => exists(p));
  if (found) return found;
  throw new ExportError(
    'this export needs Chromium, and none was found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary, or run `npx playwright install chromium`. ' +
      `Looked in: ${candidates.join(', ')}`,
  );
}

export interface ExportPage {
  page: Page;
  /** Calls one of the runtime's functions in the page (arguments travel as JSON; bytes come back as Uint8Array). */
  call<M extends keyof RuntimeApi>(method: M, ...args: Parameters<RuntimeApi[M]>): Promise<Awaited<ReturnType<RuntimeApi[M]>>>;
}

/** Launches Chromium, opens a page holding runtime.ts, runs `work`, and always closes the browser. */
export async function withExportPage<T>(work: (p: ExportPage) => Promise<T>, onProgress?: (done: number, total: number) => void): Promise<T> {
  const executablePath = await findChromium();
  const [{ chromium }, runtime] = await Promise.all([import('playwright-core'), exportRuntime()]);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  } catch (e) {
    throw new ExportError(`Chromium at ${executablePath} would not start (is it a Chromium or Chrome binary?): ${firstLine(e)}`);
  }
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>kubehop export</title>' }),
    );
    if (onProgress) await page.exposeFunction('kubehopProgress', onProgress);
    await page.goto(`${ORIGIN}/export.html`);
    await page.addScriptTag({ content: runtime });
    const call: ExportPage['call'] = (method, ...args) =>
      page.evaluate(
        // Only data crosses: the runtime is found in the page by its global name.
        ([m, a]) => {
          const api = (globalThis as unknown as { kubehopExport: { api: Record<string, (...x: unknown[]) => unknown> } }).kubehopExport.api;
          return api[m]!(...a);
        },
        [method, args as unknown[]] as const,
      ) as never;
    return await work({ page, call });
  } finally {
    await browser.close();
  }
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0] ?? '';
}
