// Helpers shared by `npm run bench` (bench/run.ts) and its parts: statistics,
// gzip sizes, a private build of the embed, a tiny static server and Chromium.
// The same approach as bench/embed.ts (which runs on import, so it is not imported).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { LAUNCH_ARGS } from '../src/export/launch-args.ts';

export const median = (xs: number[]): number => quantile(xs, 0.5);

/** Nearest-rank quantile (q in 0…1); NaN for no data. */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

export const gzipBytes = (buf: Buffer | string): number => gzipSync(buf, { level: 9 }).length;
export const gzFile = (path: string): number => gzipBytes(readFileSync(path));

export const round = (n: number, digits = 1): number => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);

// ---- a private build of the embed ----------------------------------------------------

export function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds the embed (kubehop.js, its lazy chunks, the scene bundles) into `out`
 * unless it is there and newer than the sources. A folder of its own, not
 * dist/app: other work on this machine may rebuild dist/app mid-run.
 */
export function ensureBuild(out: string, force: boolean): void {
  const entry = join(out, 'embed', 'kubehop.js');
  const stale = !existsSync(entry) || statSync(entry).mtimeMs < Math.max(newestSource('src'), newestSource('scenes'), newestSource('static'));
  if (!force && !stale) return;
  console.error(`building the embed into ${out} …`);
  execSync(`npx vite build -c vite.embed.config.ts --outDir ${JSON.stringify(out)} --emptyOutDir false`, { stdio: 'ignore' });
}

// ---- a static server -----------------------------------------------------------------

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
  '.yaml': 'application/yaml',
  '.mmd': 'text/plain; charset=utf-8',
};

export interface Served {
  base: string;
  server: Server;
  /** The file on disk behind a URL this server answers (undefined for generated pages). */
  fileFor(url: string): string | undefined;
  close(): void;
}

/**
 * Serves `mounts` (URL prefix → folder) and `pages` (path → generated HTML) on
 * 127.0.0.1 at a port the system picks: private, never 4173.
 */
export function serve(mounts: Record<string, string>, pages: Record<string, string>): Promise<Served> {
  const fileFor = (url: string): string | undefined => {
    const path = decodeURIComponent(new URL(url, 'http://x').pathname);
    const prefix = Object.keys(mounts)
      .filter((p) => path.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix === undefined) return undefined;
    const file = join(mounts[prefix]!, normalize(path.slice(prefix.length)));
    const target = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
    return existsSync(target) ? target : undefined;
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const page = pages[path];
    if (page !== undefined) return void res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' }).end(page);
    const file = fileFor(req.url ?? '/');
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      ok({ base, server, fileFor, close: () => server.close() });
    }),
  );
}

// ---- Chromium --------------------------------------------------------------------------

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launched as playwright.config.ts does, plus what lets performance.memory report real numbers. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...LAUNCH_ARGS, '--enable-precise-memory-info'],
  });
}

export function chromiumVersion(): string {
  try {
    return execSync(`${JSON.stringify(CHROMIUM)} --version`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}
