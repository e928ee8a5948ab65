// `kubehop verify <scene.yaml…> [--json] [--keep]`: replays each scene on this
// machine's kernel and reports, per step, where the scene and the kernel agree.
import { readFile } from 'node:fs/promises';
import { checkScene } from '../pipeline.ts';
import { formatDiagnostic } from '../scene/diagnostic.ts';
import { HELP, readOptions } from './options.ts';
import { hostProblems, thisHost, type Host } from '../verify/host.ts';
import { Interrupted, RunError, TIME_LIMIT_MS } from '../verify/run.ts';
import { reportLines, tally } from '../verify/report.ts';
import { verifyScene, type Verified } from '../verify/verify.ts';

export interface VerifyIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const VERIFY_USAGE = `usage: kubehop verify <scene.yaml>... [--json] [--keep]

Builds each scene in Linux network namespaces (every node and pod one, named
kh-<run>-<name>), sends its packets, captures every device they cross with
tcpdump and compares each step's headers with the kernel's frame there.
Needs root and the Debian packages iproute2, iptables, tcpdump, conntrack and
iputils-ping. Each
scene's run ends within ${TIME_LIMIT_MS / 1000} s; its namespaces are deleted on exit,
on failure and on Ctrl+C (only a killed run leaves them: ip netns list | grep ^kh-).

options:
  --json   one JSON document with every step's verdict
  --keep   leave the namespaces, and the pods' /etc/netns/<name>/resolv.conf, for a
           look (ip netns list; ip netns del <name>; rm -r /etc/netns/<name>)

exit codes:
  0  every step verified here agrees with the kernel
  1  a step disagrees, a scene has errors, or the run failed
  2  the command line is wrong, or this machine cannot run verify`;

export async function verifyCommand(argv: string[], io: VerifyIo, host: Host = thisHost()): Promise<number> {
  const read = readOptions(argv, 'verify', { ...HELP, json: { type: 'boolean' }, keep: { type: 'boolean' } });
  if ('error' in read) return io.err(`kubehop: ${read.error}\n\n${VERIFY_USAGE}`), 2;
  const { files } = read;
  const flags = [...read.flags].map((f) => `--${f}`);
  if (flags.includes('--help')) return io.out(VERIFY_USAGE), 0;
  if (files.length === 0) return io.err(`kubehop: verify needs at least one scene file\n\n${VERIFY_USAGE}`), 2;
  const problems = hostProblems(host);
  if (problems.length > 0) {
    for (const p of problems) io.err(`kubehop verify: ${p}`);
    return 2;
  }
  const json = flags.includes('--json');
  let failed = false;
  const results: Verified[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      io.err(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      failed = true;
      continue;
    }
    const checked = checkScene(text, file);
    for (const d of checked.diagnostics) io.err(formatDiagnostic(d));
    if (!checked.ok) {
      failed = true;
      continue;
    }
    try {
      const v = await verifyScene(checked.scene, checked.steps, { keep: flags.includes('--keep'), log: (l) => io.err(`${file}: ${l}`) });
      results.push(v);
      if (tally(v.result.steps).differs > 0 || v.result.tables.some((t) => t.status === 'differs')) failed = true;
      if (!json) for (const l of reportLines(v.result, v.plan.skipped, v.sendNotes, v.plan.notes)) io.out(l);
    } catch (e) {
      if (!(e instanceof RunError)) throw e;
      io.err(`${file}: ${e.message}`);
      if (e instanceof Interrupted) return e.signal === 'SIGINT' ? 130 : 143;
      failed = true;
    }
  }
  if (json) io.out(JSON.stringify({ scenes: results.map((v) => ({ ...v.result, tally: tally(v.result.steps), notBuilt: v.plan.skipped, sent: v.sendNotes, notes: v.plan.notes })) }, null, 2));
  return failed ? 1 : 0;
}
