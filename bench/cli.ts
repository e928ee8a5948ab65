// The command line's start-up, wall time of whole processes: `node -e 0`
// (Node itself), `kubehop --version` (the CLI loaded, nothing checked) and
// `kubehop validate` of one bundled scene (parse → validate → derive), each
// as `node bin/kubehop.js …`, the way npx runs it. Runs are interleaved
// round by round, so a burst of load on this shared machine hits all alike;
// the ratio to `node -e 0` is the figure to read.
//
//   npx tsx bench/cli.ts [runs] [--build]    (npm run bench prints the same in its table)
//
// bin/kubehop.js runs the compiled CLI (dist/cli) when it is up to date; it
// is compiled first if not (--build: always). The last row forces the
// TypeScript sources through tsx, for comparison.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { compiledCli } from '../bin/compiled.js';
import { median } from './lib.ts';

export const CLI_SCENE = 'scenes/same-node-bridge.yaml';

export interface CliCase {
  key: 'node' | 'version' | 'validate' | 'validateSource';
  label: string;
  args: string[];
  env?: Record<string, string>;
}

export const CLI_CASES: CliCase[] = [
  { key: 'node', label: 'node -e 0', args: ['-e', '0'] },
  { key: 'version', label: 'node bin/kubehop.js --version', args: ['bin/kubehop.js', '--version'] },
  { key: 'validate', label: `node bin/kubehop.js validate ${CLI_SCENE}`, args: ['bin/kubehop.js', 'validate', CLI_SCENE] },
  { key: 'validateSource', label: `the same, KUBEHOP_CLI=source (tsx)`, args: ['bin/kubehop.js', 'validate', CLI_SCENE], env: { KUBEHOP_CLI: 'source' } },
];

export interface CliResult {
  runs: number;
  /** Whether bin/kubehop.js ran the compiled CLI (dist/cli/kubehop.js, up to date) or the sources through tsx. */
  compiled: boolean;
  medianMs: Record<CliCase['key'], number>;
  allMs: Record<CliCase['key'], number[]>;
  /** validate's median over node -e 0's: the issue's bound is 3. */
  validateRatio: number;
}

function once(c: CliCase): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, c.args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...c.env } });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${c.label} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

/** Compiles the CLI (as `npm run build:cli` does) unless bin/kubehop.js would already run an up-to-date build. */
export function ensureCompiledCli(force: boolean, log: (s: string) => void = () => {}): void {
  if (!force && compiledCli(process.cwd()) !== undefined) return;
  log('compiling the CLI into dist/cli …');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '-c', 'vite.cli.config.ts'], { stdio: 'ignore' });
}

export function measureCli(runs: number, log: (s: string) => void = () => {}): CliResult {
  if (!existsSync('bin/kubehop.js')) throw new Error('run from the project folder');
  const all = Object.fromEntries(CLI_CASES.map((c) => [c.key, [] as number[]])) as CliResult['allMs'];
  // One unrecorded round: the file cache warm for every case alike.
  for (const c of CLI_CASES) once(c);
  for (let r = 0; r < runs; r++) {
    if (r % 5 === 0) log(`cli round ${r + 1}/${runs}`);
    for (const c of CLI_CASES) all[c.key].push(once(c));
  }
  const medianMs = Object.fromEntries(CLI_CASES.map((c) => [c.key, median(all[c.key])])) as CliResult['medianMs'];
  return { runs, compiled: compiledCli(process.cwd()) !== undefined, medianMs, allMs: all, validateRatio: medianMs.validate / medianMs.node };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 15);
  ensureCompiledCli(process.argv.includes('--build'), (s) => console.error(s));
  const r = measureCli(runs, (s) => console.error(s));
  console.log(`kubehop CLI start-up, median of ${runs} runs (${r.compiled ? 'compiled CLI, dist/cli' : 'NOT compiled: the sources through tsx — run npm run build:cli'})`);
  for (const c of CLI_CASES) {
    const ms = r.medianMs[c.key];
    console.log(`  ${c.label.padEnd(62)} ${ms.toFixed(0).padStart(5)} ms  ${(ms / r.medianMs.node).toFixed(2)}× node -e 0`);
  }
}
