import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';
import { LAUNCH_ARGS } from './src/export/launch-args.ts';

// Playwright cannot download its own browser on these machines: use Debian's Chromium, or whatever CHROMIUM_PATH names,
// or Playwright's own install where one exists.
function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', safe(() => chromium.executablePath())];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (found) return found;
  throw new Error(
    'No Chromium for the browser tests. Install one (`apt-get update && apt-get install -y chromium`), ' +
      'or set CHROMIUM_PATH to a Chromium/Chrome binary, or run `npx playwright install chromium` where downloads work. ' +
      `Looked in: ${candidates.filter(Boolean).join(', ')}`,
  );
}

function safe(f: () => string): string | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/**
 * The preview server's port: KUBEHOP_E2E_PORT, else 4173. The server is never
 * reused (below), so two checkouts testing at once each need their own port.
 */
export function e2ePort(env: Record<string, string | undefined> = process.env): number {
  const raw = env.KUBEHOP_E2E_PORT?.trim();
  if (!raw) return 4173;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`KUBEHOP_E2E_PORT must be a port number (1–65535), not ${JSON.stringify(raw)}`);
  }
  return port;
}

const PORT = e2ePort();

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // Playwright empties its outputDir on start: keep it apart from test-results/unit.json,
  // which vitest writes first in CI; .ci/summary.mjs reads both JSON reports.
  outputDir: 'test-results/e2e-artifacts',
  reporter: process.env.CI ? [['line'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: LAUNCH_ARGS,
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: `npm run build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    // Always test a fresh build of this tree, never a server someone else left running.
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
