// After the run: do the scene's route, neighbour and FDB rows, as the last
// step shows them, match what `ip route`, `ip neigh` and `bridge fdb` print
// in that node or pod? A row matches a line that starts with the same
// destination and has every `key value` pair and flag the row has, in any
// order (the kernel adds its own: `proto kernel`, `src …`, `PERMANENT`).
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import { linkLayerRow } from './rows.ts';
import { ctRowDiffers } from './conntrack.ts';

export type StateSource = 'route' | 'neigh' | 'fdb' | 'conntrack';
/** `chosen`: ports the kernel picks (a DNS client's), compared by rule. */
export interface TableCheck { table: string; row: string; netns: string; source: StateSource; chosen?: number[] }
export type TableResult = { table: string; row: string } & ({ status: 'ok' } | { status: 'differs'; reason: string } | { status: 'not-verified'; reason: string });
/** What each namespace printed after the run (only the commands its rows need). */
export type KernelState = Record<string, Partial<Record<StateSource, string>>>;

export const STATE_COMMANDS: Record<StateSource, (ns: string) => string[]> = {
  route: (ns) => ['ip', '-n', ns, 'route', 'show'],
  neigh: (ns) => ['ip', '-n', ns, 'neigh', 'show'],
  fdb: (ns) => ['bridge', '-n', ns, 'fdb', 'show'],
  conntrack: (ns) => ['ip', 'netns', 'exec', ns, 'conntrack', '-L'],
};
const SHOWN_BY: Record<StateSource, string> = { route: 'ip route', neigh: 'ip neigh', fdb: 'bridge fdb', conntrack: 'conntrack -L' };
const ROUTE_TYPES = new Set(['blackhole', 'unreachable', 'prohibit']);
const FLAGS = new Set(['onlink', 'self', 'permanent', 'PERMANENT']);

/** The rows to check, and those that cannot be: their table is of another kind, or a step this run does not reproduce adds them. */
export function tableChecks(scene: Scene, steps: DerivedStep[], netnsOf: (id: string) => string | undefined, unsupported: Record<string, string>): { checks: TableCheck[]; unchecked: TableResult[] } {
  const checks: TableCheck[] = [];
  const unchecked: TableResult[] = [];
  const final = steps.at(-1)?.tables ?? {};
  for (const [table, rows] of Object.entries(final)) {
    const t = scene.elements[table];
    const ns = netnsOf(table);
    if (!t || !ns || (t.type !== 'routes' && t.type !== 'fdb' && t.type !== 'neigh' && t.type !== 'conntrack')) continue;
    for (const r of rows.filter((r) => r.state !== 'removed')) {
      const adder = scene.steps.find((s) => s.rows?.some((c) => c.table === table && c.row === r.id && c.op !== 'remove'));
      if (adder && unsupported[adder.packet]) {
        unchecked.push({ table, row: r.text, status: 'not-verified', reason: `step ${adder.index + 1} adds it: ${unsupported[adder.packet]}` });
        continue;
      }
      if (t.type === 'conntrack') {
        // A DNS client's port is the kernel's pick; every other port in the scenes is set by the run (a connect from the scene's port).
        const chosen = [...new Set(scene.packets.flatMap((p) => (p.headers.some((h) => h.layer === 'dns') ? p.headers.flatMap((h) => (h.layer === 'udp' && h.dport === 53 ? [h.sport] : [])) : [])))];
        checks.push({ table, row: r.text, netns: ns, source: 'conntrack', chosen });
        continue;
      }
      const kind = t.type === 'routes' ? 'route' : linkLayerRow(r.text).kind;
      if (kind === 'skip') unchecked.push({ table, row: r.text, status: 'not-verified', reason: 'not a row verify can read' });
      else checks.push({ table, row: r.text, netns: ns, source: kind === 'route' ? 'route' : kind === 'neigh' ? 'neigh' : 'fdb' });
    }
  }
  return { checks, unchecked };
}

/** The row's destination and its other words: `key value` pairs and flags. */
function parts(text: string): { head: string; pairs: Set<string> } {
  const w = text.trim().split(/\s+/);
  const head = ROUTE_TYPES.has(w[0]!) ? `${w.shift()} ${w.shift()}` : w.shift()!;
  const pairs = new Set<string>();
  for (let i = 0; i < w.length; i++) pairs.add(FLAGS.has(w[i]!) ? w[i]!.toLowerCase() : `${w[i]} ${w[++i] ?? ''}`);
  return { head, pairs };
}

export function rowShown(row: string, output: string): boolean {
  const want = parts(row);
  return output.split('\n').some((line) => {
    if (!line.trim()) return false;
    const got = parts(line);
    // `proto bird` says who installed a route; the run installed it itself.
    return got.head === want.head && [...want.pairs].every((p) => got.pairs.has(p) || p.startsWith('proto '));
  });
}

export function checkTables(checks: TableCheck[], state: KernelState): TableResult[] {
  return checks.map((c) => {
    const output = state[c.netns]?.[c.source] ?? '';
    if (c.source === 'conntrack') {
      const why = ctRowDiffers(c.row, output, new Set(c.chosen));
      return why === undefined ? { table: c.table, row: c.row, status: 'ok' } : { table: c.table, row: c.row, status: 'differs', reason: why };
    }
    if (rowShown(c.row, output)) return { table: c.table, row: c.row, status: 'ok' };
    const head = parts(c.row).head;
    const near = output.split('\n').filter((l) => l.trim() && parts(l).head === head);
    return { table: c.table, row: c.row, status: 'differs', reason: `${SHOWN_BY[c.source]} there shows ${near.length ? near.map((l) => `“${l.trim()}”`).join(', ') : `nothing for ${head}`}` };
  });
}
