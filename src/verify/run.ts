// Executes a plan: builds the namespaces, captures on every device the path
// crosses, sends the packets, and always tears down — on success, on
// failure, on Ctrl+C — unless asked to keep the namespaces. Every command
// must name one of the run's own namespaces, or it is refused.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cmd, Plan } from './types.ts';
import { STATE_COMMANDS, type KernelState } from './table-check.ts';
import { DNS_SERVER } from './dns-server.ts';

/** Where `ip netns exec <ns>` finds the files it bind-mounts over /etc (resolv.conf). */
export const NETNS_ETC = '/etc/netns';

/** The run's own folder under /etc/netns for one of its namespaces, or a RunError: nothing else there is touched. */
export function etcDir(netns: string, prefix: string): string {
  if (!netns.startsWith(prefix) || !/^[a-z0-9._-]+$/.test(netns)) throw new RunError(`refused to write outside the run's own ${NETNS_ETC}/${prefix}… folders: ${netns}`);
  return join(NETNS_ETC, netns);
}

export class RunError extends Error {}
/** Ctrl+C (or SIGTERM) arrived: the run stopped and tore down; the CLI exits 128 + the signal's number. */
export class Interrupted extends RunError {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}; the scene's namespaces were removed`);
  }
}

/** A whole scene's run (build, capture, send) ends within this, or fails saying so. */
export const TIME_LIMIT_MS = 30_000;
const COMMAND_MS = 5_000;

export interface RunOptions {
  keep?: boolean;
  timeLimitMs?: number;
  log?: (line: string) => void;
}

export interface RunOutput {
  /** Raw pcap bytes by the scene's device id. */
  pcaps: Record<string, Uint8Array>;
  /** What each send printed or why it failed. */
  sendNotes: string[];
  /** `ip route`, `ip neigh`, `bridge fdb` of each namespace a table row is checked in, after the sends. */
  state: KernelState;
}

interface Ctx { prefix: string; deadline: number; limitMs: number; abort: AbortController; stopped?: NodeJS.Signals }

/** True when the command can only act inside the run's namespaces. */
export function confined(argv: string[], prefix: string): boolean {
  const ns = (i: number) => argv[i] !== undefined && argv[i]!.startsWith(prefix);
  if ((argv[0] === 'ip' || argv[0] === 'bridge') && argv[1] === '-n') return ns(2);
  if (argv[0] === 'ip' && argv[1] === 'netns' && ['add', 'exec', 'del'].includes(argv[2]!)) return ns(3);
  return false;
}

export async function runPlan(plan: Plan, opts: RunOptions = {}): Promise<RunOutput> {
  const limitMs = opts.timeLimitMs ?? TIME_LIMIT_MS;
  const ctx: Ctx = { prefix: plan.prefix, deadline: Date.now() + limitMs, limitMs, abort: new AbortController() };
  // Every capture listens for the abort for the whole run: one listener per device.
  setMaxListeners(plan.captures.length + 8, ctx.abort.signal);
  const log = opts.log ?? (() => {});
  const dir = await mkdtemp(join(tmpdir(), 'kubehop-verify-'));
  const captures: ChildProcess[] = [];
  // A signal only stops the run: the command in flight is killed, and the teardown below runs once it has exited.
  const onSignal = (sig: NodeJS.Signals) => {
    ctx.stopped = sig;
    ctx.abort.abort();
    for (const c of captures) c.kill('SIGTERM');
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const etcDirs: string[] = [];
  // /etc/netns itself is removed afterwards only if this run made it (and nothing else was put there meanwhile).
  const madeEtc = plan.resolvFiles.length > 0 && !existsSync(NETNS_ETC);
  try {
    for (const f of plan.resolvFiles) {
      const d = etcDir(f.netns, plan.prefix);
      etcDirs.push(d);
      await mkdir(d, { recursive: true });
      await writeFile(join(d, 'resolv.conf'), f.text);
    }
    for (const cmd of plan.setup) await exec(cmd, ctx);
    await settle(plan, ctx);
    const files: Record<string, string> = {};
    // All at once (each tcpdump takes a moment to start); every one that started is stopped in the end, even if another failed.
    const started = await Promise.allSettled(plan.captures.map((c, i) => {
      files[c.device] = join(dir, `${i}.pcap`);
      // -Z root: tcpdump otherwise drops to its own user before it opens the file; --immediate-mode:
      // without it libpcap hands frames over in blocks, and the block still filling when we stop is lost.
      const argv = ['ip', 'netns', 'exec', c.netns, 'tcpdump', '-Z', 'root', '-U', '--immediate-mode', '-n', '-s', '2048', '-i', c.ifname, '-w', files[c.device]!];
      return startCapture(argv, ctx);
    }));
    for (const r of started) if (r.status === 'fulfilled') captures.push(r.value);
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    for (const l of plan.listeners) {
      log(`listening: ${l.what}`);
      captures.push(await startCapture(['ip', 'netns', 'exec', l.netns, process.execPath, '-e', LISTEN, String(l.port)], ctx, 'the TCP listener'));
    }
    for (const d of plan.dnsServers) {
      log(`serving: ${d.what}`);
      captures.push(await startCapture(['ip', 'netns', 'exec', d.netns, process.execPath, '-e', DNS_SERVER, JSON.stringify(d.config)], ctx, 'the DNS server'));
    }
    const sendNotes: string[] = [];
    for (const s of plan.sends) {
      if (s.before) log(`changing the rules before: ${s.what}`);
      for (const c of s.before ?? []) await exec(c, ctx);
      log(`sending: ${s.what}`);
      const r = await exec({ argv: s.argv, why: s.what }, ctx, false);
      const said = r.stdout.trim() && s.argv.includes('getent') ? ` (${r.stdout.trim().split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).join('; ')})` : '';
      sendNotes.push(`${s.what}: ${r.code === 0 ? `answered${said}` : `exit ${r.code}${r.stderr ? ` (${r.stderr.trim()})` : ''}`}`);
    }
    // Let the last frames reach the files (-U writes each packet as it comes).
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all(captures.map((c) => new Promise<void>((res) => (c.exitCode !== null ? res() : (c.once('exit', () => res()), c.kill('SIGTERM'))))));
    const state: KernelState = {};
    for (const ns of new Set(plan.tableChecks.map((c) => c.netns))) {
      state[ns] = {};
      for (const source of new Set(plan.tableChecks.filter((c) => c.netns === ns).map((c) => c.source))) state[ns]![source] = (await run(STATE_COMMANDS[source](ns), ctx)).stdout;
    }
    const pcaps: Record<string, Uint8Array> = {};
    for (const [device, file] of Object.entries(files)) pcaps[device] = new Uint8Array(await readFile(file));
    if (opts.keep) log(`kept namespaces: ${plan.namespaces.join(' ')} (ip netns del each to remove)${etcDirs.length > 0 ? `; kept resolv.conf under ${etcDirs.join(' ')} (rm -r each to remove${madeEtc ? `, then rmdir ${NETNS_ETC}` : ''})` : ''}`);
    return { pcaps, sendNotes, state };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    for (const c of captures) if (c.exitCode === null) c.kill('SIGKILL');
    // Deleting a namespace deletes every device in it, and with them their routes and neighbours.
    // Kept, the namespaces keep their resolv.conf too: `ip netns exec` in one then resolves as the run did.
    const removing = !opts.keep || ctx.stopped !== undefined;
    if (removing) for (const ns of plan.namespaces) spawnSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
    if (removing) for (const d of etcDirs) await rm(d, { recursive: true, force: true });
    if (removing && madeEtc) await rmdir(NETNS_ETC).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

/** Throws once the run is interrupted or out of time; otherwise the time left. */
function checkpoint(ctx: Ctx): number {
  if (ctx.stopped) throw new Interrupted(ctx.stopped);
  const left = ctx.deadline - Date.now();
  if (left <= 0) throw new RunError(`the run's time limit of ${ctx.limitMs / 1000} s was reached`);
  return left;
}

function run(argv: string[], ctx: Ctx): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!confined(argv, ctx.prefix)) throw new RunError(`refused to run a command outside the run's namespaces: ${argv.join(' ')}`);
  const timeout = Math.min(COMMAND_MS, checkpoint(ctx));
  return new Promise((res) => {
    execFile(argv[0]!, argv.slice(1), { timeout, signal: ctx.abort.signal }, (err, stdout, stderr) => {
      res({ code: err ? (typeof err.code === 'number' ? err.code : 124) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  }).then((r) => (checkpoint(ctx), r as { code: number; stdout: string; stderr: string }));
}

async function exec(cmd: Cmd, ctx: Ctx, mustSucceed = true): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await run(cmd.argv, ctx);
  if (mustSucceed && r.code !== 0) throw new RunError(`could not build ${cmd.why}: \`${cmd.argv.join(' ')}\` said: ${r.stderr.trim() || `exit ${r.code}`}`);
  return r;
}

/**
 * Waits until every captured device is up. A bridge forwards nothing until
 * the kernel has seen its ports' carrier (an event it delivers up to a second
 * later): a frame sent before that is dropped, and the scene would fail for
 * a reason it does not show.
 */
async function settle(plan: Plan, ctx: Ctx): Promise<void> {
  const pending = new Set([...plan.captures.map((c) => `${c.netns} ${c.ifname}`), ...plan.switchPorts.flatMap((s) => s.ports.map((p) => `${s.netns} ${p}`))]);
  while (pending.size > 0) {
    for (const ns of new Set(plan.captures.map((c) => c.netns))) {
      const r = await run(['ip', '-n', ns, '-j', 'link', 'show'], ctx);
      const links = JSON.parse(r.stdout || '[]') as { ifname: string; operstate: string }[];
      for (const l of links) if (l.operstate === 'UP' || l.operstate === 'UNKNOWN') pending.delete(`${ns} ${l.ifname}`);
    }
    // A LAN switch's port forwards only once the bridge has seen its carrier, the same late event.
    for (const sw of plan.switchPorts) {
      const r = await run(['bridge', '-n', sw.netns, '-j', 'link', 'show'], ctx);
      const ports = JSON.parse(r.stdout || '[]') as { ifname: string; state?: string }[];
      for (const p of sw.ports) {
        if (ports.some((x) => x.ifname === p && x.state === 'forwarding')) pending.delete(`${sw.netns} ${p}`);
        else pending.add(`${sw.netns} ${p}`);
      }
    }
    if (pending.size === 0) break;
    if (checkpoint(ctx) < 100) throw new RunError(`these devices did not come up in time: ${[...pending].join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A backend's server: accepts each connection and closes it (the scenes show the handshake, not data). */
const LISTEN = `const port = +process.argv[1];
require('net').createServer((s) => { s.on('error', () => {}); s.end(); }).listen(port, () => console.error('listening on ' + port));`;

/** Starts tcpdump (or a listener) and waits until it says it is listening, so no frame comes before it. */
function startCapture(argv: string[], ctx: Ctx, what = 'tcpdump'): Promise<ChildProcess> {
  if (!confined(argv, ctx.prefix)) throw new RunError(`refused to capture outside the run's namespaces: ${argv.join(' ')}`);
  const timeout = Math.min(COMMAND_MS, checkpoint(ctx));
  return new Promise((res, rej) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], signal: ctx.abort.signal });
    let said = '';
    const timer = setTimeout(() => (child.kill('SIGKILL'), rej(new RunError(`${what} did not start within ${timeout} ms: ${said.trim()}`))), timeout);
    child.stderr!.on('data', (d: Buffer) => {
      said += d.toString();
      if (said.includes('listening on')) {
        clearTimeout(timer);
        res(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(ctx.stopped ? new Interrupted(ctx.stopped) : new RunError(`${what} exited (${code}) before it listened: ${said.trim()}`));
    });
    child.once('error', (e) => rej(ctx.stopped ? new Interrupted(ctx.stopped) : new RunError(`cannot start ${what}: ${e.message}`)));
  });
}
