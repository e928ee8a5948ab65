// Rules that change part-way through a scene. A step's `rows:` may swap
// kube-proxy's REJECT for a DNAT (the Service got an endpoint): the run builds
// the iptables rules as the tables stand at the first step of the first packet
// it sends, and before each later packet whose first step finds them
// otherwise, rewrites that node's table whole as they then stand (as
// kube-proxy's iptables-restore does). A change between two hops of one
// packet cannot be applied between sends; those hops are "not verified", as
// is everything after a change the run cannot make (a row that is no rule).
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Cmd, Send } from './types.ts';
import { isRule, ruleCommands, type RowsOf, type RulePlan } from './rules.ts';
import { natCommands, natRows } from './nat.ts';
import { routeRow, linkLayerRow } from './rows.ts';
import { builtFromStart, tableCommands } from './table-commands.ts';

type NetnsOf = (id: string) => string | undefined;

/** The routes, neighbours, FDB entries and rules for the tables as they stand after step k; `extra` (masq.ts's, which do not change) go with the nat table. */
export function rulesAt(scene: Scene, steps: DerivedStep[], netnsOf: NetnsOf, built: Set<string>, uplinks: Set<string>, extra: Cmd[], k: number): { setup: Cmd[]; rules: RulePlan } {
  const at = steps[k]?.tables;
  const rowsOf: RowsOf | undefined = at && ((t) => (at[t.id] ?? []).filter((r) => r.state !== 'removed'));
  const routes = tableCommands(scene, netnsOf, built, rowsOf);
  const rules = ruleCommands(scene, netnsOf, uplinks, rowsOf);
  const nat = natCommands(scene, steps, netnsOf, at);
  // nat.ts and masq.ts both make KUBE-POSTROUTING and the jump to it: once.
  const made = new Set<string>();
  const once = [...nat.setup, ...extra].filter((c) => !made.has(c.argv.join(' ')) && made.add(c.argv.join(' ')));
  return { setup: [...routes.setup, ...rules.setup, ...once], rules };
}

const iptTable = (c: Cmd) => (c.argv[4] === 'iptables' ? `${c.argv[3]} ${c.argv[7]}` : undefined);

/** The command that takes back a route, neighbour or FDB entry the run installed, or undefined (a sysctl stays). */
export function undo(c: Cmd): Cmd | undefined {
  const [ip, n, ns, what, verb, ...rest] = c.argv;
  if (n !== '-n' || ns === undefined) return undefined;
  const head = [ip!, n, ns, what!];
  if (what === 'route' && verb === 'replace') return { argv: [...head, 'del', ...rest], why: `removed: ${c.why}` };
  if (what === 'neigh' && verb === 'replace') return { argv: [...head, 'del', rest[0]!, 'dev', rest[rest.indexOf('dev') + 1]!], why: `removed: ${c.why}` };
  if (what === 'fdb' && verb === 'append') return { argv: [...head, 'del', ...rest.filter((w) => w !== 'permanent')], why: `removed: ${c.why}` };
  return undefined;
}

/**
 * From one state's commands to another's: routes, neighbours and FDB entries gone are taken back first; each
 * (namespace, iptables table) that differs is emptied and written again whole; other new commands run.
 */
export function transition(from: Cmd[], to: Cmd[]): Cmd[] {
  const key = (c: Cmd) => c.argv.join(' ');
  const had = new Set(from.map(key));
  const will = new Set(to.map(key));
  const out = from.filter((c) => !iptTable(c) && !will.has(key(c))).flatMap((c) => undo(c) ?? []);
  out.push(...to.filter((c) => !iptTable(c) && !had.has(key(c))));
  for (const g of new Set([...from, ...to].map(iptTable).filter((g) => g !== undefined))) {
    const of = (list: Cmd[]) => list.filter((c) => iptTable(c) === g);
    if (of(from).map(key).join('\n') === of(to).map(key).join('\n')) continue;
    const [ns, table] = g.split(' ') as [string, string];
    const ipt = (...a: string[]) => ['ip', 'netns', 'exec', ns, 'iptables', '-w', '-t', table, ...a];
    out.push({ argv: ipt('-F'), why: `${table} table emptied, to be written as the rows now stand` }, { argv: ipt('-X'), why: `${table} table's own chains removed` }, ...of(to));
  }
  return out;
}

const BUILT = new Set(['iptables', 'routes', 'neigh', 'fdb']);

/** What a step's `rows:` do to the tables the run builds, in words (`node1/filter#reject removed, node1/nat#svc added`). */
export function changesAt(scene: Scene, step: number): string[] {
  return (scene.steps[step]?.rows ?? []).filter((c) => BUILT.has(scene.elements[c.table]?.type ?? '')).map((c) => `${c.table}#${c.row} ${c.op === 'add' ? 'added' : c.op === 'remove' ? 'removed' : 'changed'}`);
}

/** Why the run cannot make a step's change to the kernel's state, or undefined when it can (or the table is none it builds). */
export function unappliable(scene: Scene, step: number): string | undefined {
  for (const c of scene.steps[step]?.rows ?? []) {
    const t = scene.elements[c.table];
    const text = c.op === 'change' ? c.text : t?.rows?.find((r) => r.id === c.row)?.text ?? '';
    const name = `${c.table}#${c.row} (“${text}”)`;
    if (t?.type === 'iptables') {
      const nat = natRows([text]);
      if (!isRule(text) && nat.services.length + nat.nodePorts.length + nat.seps.length + nat.jumps.size === 0 && !nat.mark) return `step ${step + 1} ${c.op === 'remove' ? 'removes' : c.op === 'add' ? 'adds' : 'changes'} ${name}, which is neither a rule as \`iptables -S\` prints it nor a kube-proxy nat row the run reads: the kernel's rules stay as they were`;
    } else if (t?.type === 'routes') {
      const r = routeRow(text);
      if (r.kind !== 'route') return `step ${step + 1} ${c.op}s ${name}, which is no route the run can install (${r.kind === 'skip' ? r.reason : 'not a route'}): the kernel's routes stay as they were`;
    } else if (t?.type === 'neigh' || t?.type === 'fdb') {
      const r = linkLayerRow(text);
      if (r.kind === 'skip') return `step ${step + 1} ${c.op}s ${name}, which is no entry the run can install (${r.reason}): the kernel's stay as they were`;
    }
  }
  return undefined;
}

export interface Phases {
  /** The rule commands built with the topology: the state at the first send's first step. */
  setup: Cmd[];
  /** Per send (same order), the commands run just before it. */
  before: Cmd[][];
  notes: string[];
  /** Steps whose rules the run cannot have in force, with the reason. */
  unverified: Record<number, string>;
}

/**
 * `stateAt(k)`: the rule commands after step k. `made(send)`: the packets one send makes (a lookup's queries).
 * Packets no send makes (the kernel's answers) go with the last send that starts no later than they do.
 */
export function phases(scene: Scene, steps: DerivedStep[], sends: Send[], made: (s: Send) => string[], stateAt: (k: number) => Cmd[], unsupported: Record<string, string>): Phases {
  const first = (packet: string) => steps.find((s) => s.packet === packet)?.index ?? 0;
  const starts = sends.map((s) => first(s.packet));
  const sig = steps.map((s) => stateAt(s.index).map((c) => c.argv.join(' ')).join('\n'));
  const out: Phases = { setup: stateAt(starts[0] ?? 0), before: sends.map(() => []), notes: [], unverified: {} };
  let now = out.setup;
  sends.forEach((s, i) => {
    if (i === 0 || sig[starts[i]!] === sig[starts[i - 1]!]) return;
    const next = stateAt(starts[i]!);
    out.before[i] = transition(now, next);
    now = next;
    const what = steps.filter((x) => x.index > Math.min(starts[i - 1]!, starts[i]!) && x.index <= Math.max(starts[i - 1]!, starts[i]!) && changesAt(scene, x.index).length > 0).map((x) => `step ${x.index + 1}: ${changesAt(scene, x.index).join(', ')}`);
    const tables = [...new Set(out.before[i]!.filter((c) => c.argv.at(-1) === '-F').map((c) => `${c.argv[3]!.replace(/^kh-[0-9a-f]+-/, '')} ${c.argv[7]}`))];
    const others = out.before[i]!.filter((c) => c.argv[1] === '-n').length;
    const done = [
      tables.length > 0 && `the ${tables.join(' and ')} table${tables.length > 1 ? 's are' : ' is'} written again, whole, as kube-proxy's iptables-restore rewrites a table`,
      others > 0 && `${others} route, neighbour or FDB entr${others > 1 ? 'ies' : 'y'} installed or taken back`,
    ].filter(Boolean);
    out.notes.push(`before ${s.what}: the kernel is brought to the tables as they stand at step ${starts[i]! + 1} (${what.join('; ') || 'its rows changed'}): ${done.join('; ')}`);
  });
  const carrier = (packet: string) => {
    const i = sends.findIndex((s) => made(s).includes(packet));
    if (i >= 0) return starts[i]!;
    const earlier = starts.filter((k) => k <= first(packet));
    return earlier.length > 0 ? earlier.at(-1)! : (starts[0] ?? 0);
  };
  for (const s of steps) {
    if (unsupported[s.packet]) continue;
    const k = carrier(s.packet);
    if (sig[s.index] === sig[k]) continue;
    const [lo, hi] = [Math.min(k, s.index), Math.max(k, s.index)];
    const c = steps.find((x) => x.index > lo && x.index <= hi && sig[x.index] !== sig[x.index - 1])?.index ?? hi;
    const rows = changesAt(scene, c).join(', ') || 'its rows change';
    out.unverified[s.index] = s.index > k
      ? `the rules change at step ${c + 1} (${rows}) while this packet is on its way (the run sends it at step ${k + 1}): the run changes rules only before it sends a packet`
      : `the rules change at step ${c + 1} (${rows}), between this step and step ${k + 1}, where the run sends the packet that makes it: the kernel has step ${k + 1}'s rules here`;
  }
  // A change the run cannot make leaves the kernel's state behind the scene's from there on.
  for (const c of steps) {
    const why = unappliable(scene, c.index);
    if (!why) continue;
    for (const s of steps) if (s.index >= c.index && !unsupported[s.packet]) out.unverified[s.index] ??= why;
  }
  return out;
}
