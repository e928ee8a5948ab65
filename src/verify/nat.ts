// The iptables rules a scene's `dnat` steps imply, in the node's namespace
// and in the chains kube-proxy uses: KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-…
// with the DNAT. Where the scene draws kube-proxy's nat table, its rows are
// the rules (the Service's match, the endpoint's address and port): a step
// whose op disagrees with them then fails against the kernel, as it would on
// a real node. Only the endpoint the step picked is installed, so the run is
// deterministic where kube-proxy picks at random.
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { TableStates } from '../derive/tables.ts';
import type { Cmd } from './types.ts';
import { bareIp } from './names.ts';

export interface NatPlan {
  setup: Cmd[];
  /** Packet → why its NAT cannot be built (its steps are then not verified). */
  unbuilt: Record<string, string>;
  /** Notes the report shows once: where the run differs from kube-proxy on purpose. */
  notes: string[];
  /** Step index → the DNAT rule built for it, said with where it came from (for a ✗'s why). */
  rules: Record<number, string>;
}

const CHAIN = /^[A-Z][A-Z0-9-]{0,27}$/;
const MARK_MASQ = 'KUBE-MARK-MASQ';
/** kube-proxy's --iptables-masquerade-bit defaults to 14: the mark 0x4000. */
export const DEFAULT_MARK = '0x4000';

/** The chains from one to another along the rows' jumps (KUBE-MARK-MASQ is a side trip, not a step), or undefined. */
export function chainPath(jumps: Map<string, string[]>, from: string, to: string): string[] | undefined {
  const queue: string[][] = [[from]];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const at = path.at(-1)!;
    if (at === to) return path;
    for (const n of jumps.get(at) ?? []) if (n !== MARK_MASQ && !path.includes(n)) queue.push([...path, n]);
  }
  return undefined;
}

interface Rows {
  services: { ip: string; port: number; svc: string; proto: 'tcp' | 'udp' }[];
  /** `KUBE-NODEPORTS: tcp dpt:30080 → KUBE-EXT-…`. */
  nodePorts: { port: number; ext: string }[];
  seps: { chain: string; ip: string; port: number }[];
  /** Each chain's jumps in the order its rows name them (`KUBE-EXT-…: → KUBE-MARK-MASQ (mark 0x4000), → KUBE-SVC-…`). */
  jumps: Map<string, string[]>;
  /** The masquerade mark the rows show (`(mark 0x4000)`, `KUBE-POSTROUTING: mark 0x4000 → MASQUERADE`). */
  mark?: string;
}

/** kube-proxy's nat rows as the scenes abridge them (`KUBE-SEP-7PWN6ZQT: DNAT to 10.244.2.5:8080`). */
export function natRows(texts: string[]): Rows {
  const out: Rows = { services: [], nodePorts: [], seps: [], jumps: new Map() };
  for (const t of texts) {
    const head = /^(\S+): /.exec(t)?.[1];
    const targets = [...t.matchAll(/→ (KUBE-[A-Z0-9-]+)/g)].map((m) => m[1]!).filter((c) => CHAIN.test(c));
    if (head && CHAIN.test(head) && targets.length > 0) out.jumps.set(head, [...(out.jumps.get(head) ?? []), ...targets]);
    out.mark ??= /\bmark (0x[0-9a-f]{1,8})\b/i.exec(t)?.[1];
    const svc = /^KUBE-SERVICES: -d ([\d.]+) (tcp|udp) dpt:(\d+) → (\S+)$/.exec(t);
    if (svc && CHAIN.test(svc[4]!)) out.services.push({ ip: svc[1]!, port: Number(svc[3]), svc: svc[4]!, proto: svc[2] as 'tcp' | 'udp' });
    const np = /^KUBE-NODEPORTS: tcp dpt:(\d+) → (\S+)$/.exec(t);
    if (np && CHAIN.test(np[2]!)) out.nodePorts.push({ port: Number(np[1]), ext: np[2]! });
    const sep = /^(\S+): DNAT to ([\d.]+):(\d+)$/.exec(t);
    if (sep && CHAIN.test(sep[1]!)) out.seps.push({ chain: sep[1]!, ip: sep[2]!, port: Number(sep[3]) });
  }
  return out;
}

/**
 * `at`: the tables as they stand when a packet is sent (phases.ts). A step's
 * DNAT is built from the rows drawn at that step, and only while its Service
 * and endpoint rows stand as drawn there: a Service whose rules appear
 * part-way has none before.
 */
export function natCommands(scene: Scene, steps: DerivedStep[], netnsOf: (id: string) => string | undefined, at?: TableStates): NatPlan {
  const plan: NatPlan = { setup: [], unbuilt: {}, notes: [], rules: {} };
  const ready = new Set<string>();
  const made = new Set<string>();
  const chain = (ns: string, c: string) => {
    if (!made.has(`${ns} ${c}`)) plan.setup.push({ argv: ipt(ns, '-N', c), why: `chain ${c}` });
    made.add(`${ns} ${c}`);
  };
  const ipt = (ns: string, ...args: string[]) => ['ip', 'netns', 'exec', ns, 'iptables', '-w', '-t', 'nat', ...args];
  const markMasq = (ns: string, mark: string | undefined) => {
    chain(ns, MARK_MASQ);
    // kube-proxy's own rule (`iptables -S` prints --or-mark as --set-xmark 0x4000/0x4000).
    plan.setup.push({ argv: ipt(ns, '-A', MARK_MASQ, '-j', 'MARK', '--or-mark', mark ?? DEFAULT_MARK), why: `KUBE-MARK-MASQ sets the mark ${mark ?? DEFAULT_MARK}` });
    if (!mark) plan.notes.push(`the rows name KUBE-MARK-MASQ with no mark: the run uses kube-proxy's default, ${DEFAULT_MARK}`);
  };
  for (const s of steps) {
    const op = scene.steps[s.index]?.ops.find((o) => o.op === 'dnat');
    // A socket rewrite is no rule in any table (socket-lb.ts).
    if (op?.op !== 'dnat' || op.by === 'socket') continue;
    const ns = netnsOf(s.at);
    const ipAt = s.headers.findIndex((h) => h.layer === 'ipv4');
    const l4 = s.headers[ipAt + 1];
    const was = (layer: number, field: string) => s.changed.find((c) => c.layer === layer && c.field === field)?.was;
    const vip = was(ipAt, 'dst') ?? (s.headers[ipAt] as { dst: string }).dst;
    const vport = was(ipAt + 1, 'dport') ?? (l4 as { dport?: number }).dport;
    if (!ns || (l4?.layer !== 'tcp' && l4?.layer !== 'udp') || typeof vip !== 'string' || typeof vport !== 'number') {
      plan.unbuilt[s.packet] = `the DNAT at step ${s.index + 1} rewrites a packet with no TCP or UDP header; only TCP and UDP Services are built in this slice`;
      continue;
    }
    const proto = l4.layer;
    const toIp = bareIp(scene.elements[op.to]?.ip ?? op.to);
    const table = Object.values(scene.elements).find((e) => e.kind === 'table' && e.type === 'iptables' && netnsOf(e.id) === ns && (e.rows ?? []).some((r) => /^KUBE-/.test(r.text)));
    // The rows as drawn at this step: a Service's rules may appear part-way through a scene.
    const shown = table && s.tables?.[table.id];
    const texts = shown ? shown.filter((r) => r.state !== 'removed').map((r) => r.text) : (table?.rows ?? []).filter((r) => !r.absent).map((r) => r.text);
    const rows = natRows(texts);
    const nodePort = rows.services.some((r) => r.ip === vip) ? undefined : rows.nodePorts.find((r) => r.port === vport);
    // A Service row for another protocol is not this packet's rule: kube-proxy writes one per port and protocol.
    const serviceRow = rows.services.find((r) => r.ip === vip && r.proto === proto);
    const sepRow = rows.seps.find((r) => r.ip === toIp);
    const service = serviceRow ?? { ip: vip, port: vport, svc: nodePort?.ext ?? 'KUBE-SVC-KUBEHOP', proto };
    const sep = sepRow ?? { chain: 'KUBE-SEP-KUBEHOP', ip: toIp, port: op.port ?? vport };
    if (table && at) {
      // The rows this rule comes from, found again in the state asked for: absent (or changed) there, no rule then.
      const now = natRows((at[table.id] ?? []).filter((r) => r.state !== 'removed').map((r) => r.text));
      const same = (a: object | undefined, list: object[]) => a === undefined || list.some((x) => JSON.stringify(x) === JSON.stringify(a));
      const np = nodePort && rows.nodePorts.find((r) => r === nodePort);
      if (!same(serviceRow, now.services) || !same(sepRow, now.seps) || !same(np, now.nodePorts)) continue;
    }
    if (table && !rows.seps.some((r) => r.ip === toIp)) plan.notes.push(`${table.id} has no DNAT row to ${toIp}: step ${s.index + 1}'s rule is built from its op alone`);
    plan.rules[s.index] = `${sep.chain}: DNAT to ${sep.ip}:${sep.port} (${table && rows.seps.some((r) => r.ip === toIp) ? `${table.id}'s row` : 'built from the op'})`;
    const why = `step ${s.index + 1}'s DNAT: ${service.ip}:${service.port} → ${sep.ip}:${sep.port}${table ? ` (from ${table.id}'s rows)` : ''}`;
    if (!ready.has(ns)) {
      ready.add(ns);
      // A DNAT between two ports of one bridge happens only if the bridge hands its frames to iptables.
      plan.setup.push({ argv: ['ip', 'netns', 'exec', ns, 'sysctl', '-q', '-e', '-w', 'net.bridge.bridge-nf-call-iptables=1'], why: 'br_netfilter on, where the host has loaded it (without it a DNAT between two ports of one bridge never happens, and the scene fails there)' });
      for (const c of ['KUBE-SERVICES', 'KUBE-POSTROUTING']) chain(ns, c);
      // kube-proxy jumps to KUBE-SERVICES from PREROUTING (traffic through the node) and OUTPUT (its own).
      plan.setup.push({ argv: ipt(ns, '-A', 'PREROUTING', '-j', 'KUBE-SERVICES'), why: 'PREROUTING → KUBE-SERVICES' });
      plan.setup.push({ argv: ipt(ns, '-A', 'OUTPUT', '-j', 'KUBE-SERVICES'), why: 'OUTPUT → KUBE-SERVICES' });
      plan.setup.push({ argv: ipt(ns, '-A', 'POSTROUTING', '-j', 'KUBE-POSTROUTING'), why: 'POSTROUTING → KUBE-POSTROUTING' });
    }
    for (const c of [service.svc, sep.chain]) chain(ns, c);
    if (nodePort) {
      // A NodePort: any of the node's own addresses, as kube-proxy matches it (last in KUBE-SERVICES).
      chain(ns, 'KUBE-NODEPORTS');
      plan.setup.push({ argv: ipt(ns, '-A', 'KUBE-SERVICES', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'KUBE-NODEPORTS'), why });
      plan.setup.push({ argv: ipt(ns, '-A', 'KUBE-NODEPORTS', '-p', 'tcp', '--dport', String(nodePort.port), '-j', nodePort.ext), why });
    } else plan.setup.push({ argv: ipt(ns, '-A', 'KUBE-SERVICES', '-d', `${service.ip}/32`, '-p', proto, '--dport', String(service.port), '-j', service.svc), why });
    const path = chainPath(rows.jumps, service.svc, sep.chain);
    if (!path) plan.notes.push(`${service.svc} jumps straight to ${sep.chain}: ${table ? `no chain of jumps between them in ${table.id}'s rows` : 'the scene draws no nat table'}`);
    for (const [i, c] of (path ?? [service.svc, sep.chain]).slice(0, -1).entries()) {
      const next = (path ?? [service.svc, sep.chain])[i + 1]!;
      for (const t of path ? rows.jumps.get(c)! : [next]) {
        if (t === MARK_MASQ) {
          markMasq(ns, rows.mark);
          plan.setup.push({ argv: ipt(ns, '-A', c, '-j', MARK_MASQ), why });
        } else if (t === next) chain(ns, next), plan.setup.push({ argv: ipt(ns, '-A', c, '-j', next), why });
      }
    }
    plan.setup.push({ argv: ipt(ns, '-A', sep.chain, '-p', proto, '-j', 'DNAT', '--to-destination', `${sep.ip}:${sep.port}`), why });
    if (rows.seps.length > 1) plan.notes.push(`${service.svc} jumps straight to ${sep.chain}, the endpoint step ${s.index + 1} picks (kube-proxy picks at random)`);
  }
  // Two steps of one connection imply one rule, not two.
  const seen = new Set<string>();
  plan.setup = plan.setup.filter((c) => !seen.has(c.argv.join(' ')) && seen.add(c.argv.join(' ')));
  plan.notes = [...new Set(plan.notes)];
  return plan;
}
