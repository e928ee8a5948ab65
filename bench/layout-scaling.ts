// Layout time in Node: each bundled scene cold (a fresh process) and warm
// (median of the following runs), and synthetic scenes 1×, 10× and 50× the
// largest bundled one (bench/synthetic.ts), to show how cost grows with size.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './lib.ts';
import { largestScene, multiplyScene } from './synthetic.ts';
import { LIMITS } from '../src/scene/limits.ts';

export interface LayoutRow {
  scene: string;
  elements?: number;
  links?: number;
  size?: string;
  coldMs?: number;
  warmMs?: number;
  /** The same in CPU time of the process (user + system). */
  coldCpuMs?: number;
  warmCpuMs?: number;
  warmRuns: number;
  /** CPU per layout once the JIT has settled (layouts 41–50 in one process; layout-child.ts --steady). */
  steadyCpuMs?: number;
  /** CPU of a layout whose ELK graphs were laid out before (ELK's answers kept). */
  repeatCpuMs?: number;
  /** ELK runs in one layoutScene. */
  elkRuns?: number;
  note?: string;
}

export interface ChildResult {
  times?: number[];
  cpu?: number[];
  steadyCpu?: number[];
  /** CPU of a layout of the same scene loaded afresh, ELK's answers kept (layout-child.ts). */
  repeatCpu?: number;
  elements?: number;
  links?: number;
  size?: string;
  error?: string[];
  timedOut?: boolean;
  elkRuns?: number;
}

/** bench/layout-child.ts in a process of its own; `cwd` picks the checkout whose code it runs (layout-compare.ts). */
export function child(file: string, runs: number, timeoutMs: number, lift = false, steady = false, cwd = '.'): Promise<ChildResult> {
  return new Promise((ok) => {
    // node --import tsx, not npx: npx costs seconds per process on a loaded machine.
    const args = ['--import', 'tsx', 'bench/layout-child.ts', file, String(runs), ...(lift ? ['--lift-limits'] : []), ...(steady ? ['--steady'] : [])];
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], detached: true, cwd });
    let out = '';
    let timedOut = false;
    p.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      timedOut = true;
      // Only the process group this started.
      try {
        process.kill(-p.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    p.on('close', () => {
      clearTimeout(timer);
      if (timedOut) return ok({ timedOut: true });
      try {
        ok(JSON.parse(out.trim().split('\n').pop()!));
      } catch {
        ok({ error: [`no result: ${out.slice(-200)}`] });
      }
    });
  });
}

export function row(scene: string, r: ChildResult, runs: number, timeoutMs: number, note?: string): LayoutRow {
  if (r.timedOut) return { scene, warmRuns: 0, note: `did not finish in ${timeoutMs / 1000} s (killed)${note ? `; ${note}` : ''}` };
  if (r.error || !r.times) return { scene, warmRuns: 0, note: `failed: ${(r.error ?? []).join('; ')}` };
  const [cold, ...warm] = r.times;
  const [coldCpu, ...warmCpu] = r.cpu ?? [];
  return {
    scene,
    elements: r.elements,
    links: r.links,
    size: r.size,
    coldMs: cold,
    warmMs: warm.length ? median(warm) : undefined,
    coldCpuMs: coldCpu,
    warmCpuMs: warmCpu.length ? median(warmCpu) : undefined,
    warmRuns: warm.length,
    steadyCpuMs: r.steadyCpu?.length ? median(r.steadyCpu) : undefined,
    repeatCpuMs: r.repeatCpu,
    elkRuns: r.elkRuns,
    note,
  };
}

export async function measureLayout(quick: boolean, tmp: string, log: (s: string) => void): Promise<{ bundled: LayoutRow[]; scaling: LayoutRow[]; largest: ReturnType<typeof largestScene> }> {
  const runs = quick ? 2 : 4;
  const bundled: LayoutRow[] = [];
  for (const f of readdirSync('scenes').filter((n) => n.endsWith('.yaml')).sort()) {
    log(`layout ${f}`);
    bundled.push(row(f.replace(/\.yaml$/, ''), await child(join('scenes', f), runs, 120_000, false, !quick), runs, 120_000));
  }
  const largest = largestScene();
  mkdirSync(tmp, { recursive: true });
  const text = readFileSync(largest.file, 'utf8');
  const scaling: LayoutRow[] = [];
  for (const [n, runsN, timeout] of [
    [1, runs, 120_000],
    [10, quick ? 1 : 2, 180_000],
    [50, 1, quick ? 60_000 : 300_000],
  ] as const) {
    const file = join(tmp, `${largest.id}-x${n}.yaml`);
    writeFileSync(file, multiplyScene(text, n));
    log(`layout synthetic ×${n}`);
    // The largest scene has grown past 20 elements, so ×10 can be over the limit too.
    const over = largest.elements * n > LIMITS.elements || largest.links * n > LIMITS.links;
    const note = over ? `over the ${LIMITS.elements}-element scene limit (src/scene/limits.ts): checked and laid out with the limit lifted` : undefined;
    scaling.push(row(`${largest.id} ×${n}`, await child(file, runsN, timeout, over), runsN, timeout, note));
  }
  return { bundled, scaling, largest };
}
