// The derived steps as a public output: JSON for tools, and one
// tcpdump-like line per step for people.
import type { Header, IcmpQuote, Milestone } from '../scene/model.ts';
import type { DerivedStep, PacketEnd } from './types.ts';
import type { ShownRow, TableStates } from './tables.ts';

/** A table row as the picture shows it at a step (the renderer's `version` left out). */
export type TraceRow = Omit<ShownRow, 'version'>;

export interface TraceJson {
  scene: string;
  steps: TraceStep[];
}

export interface TraceStep {
  index: number;
  packet: string;
  at: string;
  ops: string[];
  caption: string;
  /** The point of the journey the step reaches, when the scene names one. */
  milestone?: Milestone;
  headers: Header[];
  tables: Record<string, TraceRow[]>;
  /** Present on a packet's last step: why it was dropped, or how it was rejected. */
  end?: PacketEnd;
  wait?: { ms: number; reason?: string };
  /** Elements and links that come into existence at this step (`create:`, with what is inside them). */
  created?: string[];
}

export function traceJson(sceneId: string, steps: DerivedStep[]): TraceJson {
  return {
    scene: sceneId,
    steps: steps.map((s) => {
      const t: TraceStep = { index: s.index, packet: s.packet, at: s.at, ops: s.ops, caption: s.caption, headers: s.headers, tables: traceTables(s.tables ?? {}) };
      if (s.milestone) t.milestone = s.milestone;
      if (s.end) t.end = s.end;
      if (s.wait) t.wait = s.wait;
      if (s.appeared) t.created = s.appeared;
      return t;
    }),
  };
}

/** What ended the packet, in words: `dropped: no policy allows it`, `rejected with icmp-port-unreachable → refused`. */
export function endText(end: PacketEnd): string {
  if (end.how === 'drop') return `dropped: ${end.reason}`;
  return `rejected with ${end.with} → ${end.answer}${end.reason ? `: ${end.reason}` : ''}`;
}

/** What happens to the packet at this step beyond its headers, said before the caption: `Dropped: …`, `Waits 1 s: …`. */
export function fateText(step: Pick<DerivedStep, 'end' | 'wait'>): string | undefined {
  if (step.end) {
    const t = endText(step.end);
    return t.charAt(0).toUpperCase() + t.slice(1);
  }
  if (step.wait) return `Waits ${waitText(step.wait.ms)}${step.wait.reason ? `: ${step.wait.reason}` : ''}`;
  return undefined;
}

/** The step's words as a reader gets them: the fate (if any), then the caption. */
export function narration(step: Pick<DerivedStep, 'end' | 'wait' | 'caption'>): string {
  const fate = fateText(step);
  return fate ? `${fate}. ${step.caption}` : step.caption;
}

/** An ICMP error's quoted original, as tcpdump would print the packet: `TCP 10.244.1.2:40312 > 10.96.0.50:80 ttl 63`. */
export function quoteText(q: IcmpQuote): string {
  const port = (p: number | undefined) => (p === undefined ? '' : `:${p}`);
  return `${q.protocol.toUpperCase()} ${q.src}${port(q.sport)} > ${q.dst}${port(q.dport)} ttl ${q.ttl}`;
}

/** `1 s`, `200 ms`, `1.5 s`. */
export function waitText(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${ms / 1000} s`;
}

function traceTables(tables: TableStates): Record<string, TraceRow[]> {
  return Object.fromEntries(Object.entries(tables).map(([id, rows]) => [id, rows.map(({ version: _, ...row }) => row)]));
}

export function formatHeader(h: Header): string {
  switch (h.layer) {
    case 'eth':
      return `eth ${h.src} > ${h.dst}`;
    case 'arp':
      return h.op === 'request' ? `ARP who-has ${h.targetIp} tell ${h.senderIp}` : `ARP reply ${h.senderIp} is-at ${h.senderMac}`;
    case 'ipv4':
      return `IP ${h.src} > ${h.dst} ttl ${h.ttl}`;
    case 'icmp': {
      const quoted = h.quote ? ` quoting [${quoteText(h.quote)}]` : '';
      return `ICMP ${h.type}${h.code ? ` ${h.code}` : ''}${quoted}`;
    }
    case 'tcp':
      return `TCP ${h.sport} > ${h.dport} [${h.flags}]`;
    case 'udp':
      return `UDP ${h.sport} > ${h.dport}`;
    case 'vxlan':
      return `VXLAN vni ${h.vni}`;
    case 'ipip':
      // The outer IPv4 header's protocol field says 4 (IPPROTO_IPIP); no UDP follows.
      return 'IPIP (proto 4)';
    case 'dns':
      return `DNS ${h.id} ${h.rcode ? `${h.rcode} ${h.qtype} ${h.qname}${h.answers?.length ? ` → ${h.answers.join('; ')}` : ''}` : `${h.qtype}? ${h.qname}`}`;
    case 'bgp':
      return `BGP ${h.type}${h.prefix ? ` ${h.prefix}` : ''}${h.nextHop ? ` next-hop ${h.nextHop}` : ''}`;
  }
}

/**
 * `  3  ping  node1/cni0     [bridge]  eth … | IP … | ICMP …`, numbered from 1
 * like the player's "Step 3 of 20" and the validator's messages (the JSON
 * trace keeps its 0-based `index`).
 */
export function traceLines(steps: DerivedStep[]): string[] {
  const atWidth = Math.max(...steps.map((s) => s.at.length));
  const pkWidth = Math.max(...steps.map((s) => s.packet.length));
  const opWidth = Math.max(...steps.map((s) => (s.ops.length ? s.ops.join(',').length + 2 : 0)));
  return steps.map((s) => {
    const ops = s.ops.length ? `[${s.ops.join(',')}]` : '';
    const wait = s.wait ? `  (waits ${waitText(s.wait.ms)}${s.wait.reason ? `: ${s.wait.reason}` : ''})` : '';
    const end = s.end ? `  ✕ ${endText(s.end)}` : '';
    // A step on the topology has no headers: it says what it brought into existence.
    const made = s.appeared ? `creates ${s.appeared.join(', ')}` : '';
    return `${String(s.index + 1).padStart(3)}  ${s.packet.padEnd(pkWidth)}  ${s.at.padEnd(atWidth)}  ${ops.padEnd(opWidth)}  ${s.headers.map(formatHeader).join(' | ')}${made}${wait}${end}`.trimEnd();
  });
}
