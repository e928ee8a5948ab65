// What the packet card on the stage says at a step: the fields that decide
// this hop, what the step rewrote (old value kept beside the new), and the
// tunnel's outer headers as a band around the card. Pure data from the
// derived step, so a still, an export and the player all show the same card.
import type { Header } from '../scene/model.ts';
import type { Change, DerivedStep } from '../derive/types.ts';
import { waitText } from '../derive/trace.ts';

/** The packet's kind, read from its innermost payload; the card's shape follows it. */
export type PacketKind = 'arp' | 'icmp' | 'tcp' | 'udp' | 'dns' | 'bgp' | 'ip';

export interface CardLine {
  /** Field name as printed (`src`, `dst`, `eth`, `who-has`…). */
  label: string;
  value: string;
  /** The value before this step, struck through on the card. */
  was?: string;
  /** What rewrote it (`DNAT`, `route`…), printed after the new value. */
  tag?: string;
  /** The field a lit table row matched at this step: lit with the row, in the same colour and marker. */
  lit?: boolean;
}

export interface CardPart {
  title: string;
  /** `ttl 63`, on the title bar's right; absent without IPv4. */
  ttl?: string;
  ttlWas?: string;
  lines: CardLine[];
}

export interface CardView {
  packet: string;
  kind: PacketKind;
  inner: CardPart;
  /** The tunnel's outer headers: `new` at the encap, `removed` at the decap that took them off. */
  band?: CardPart & { state: 'new' | 'kept' | 'removed' };
  /** The packet's fate at this step, in a bar under the card: dropped, rejected, or waiting. */
  fate?: CardFate;
  /** The card read as one sentence: its accessible name. */
  summary: string;
}

export interface CardFate {
  kind: 'drop' | 'reject' | 'wait';
  /** `DROPPED`, `REJECTED`, `WAITS 1 s`: the bar's title. */
  head: string;
  /** Why, as the scene says it; and for a reject, what the kernel answers. */
  lines: string[];
}

/** MAC address → a name a student recognises (`pod-a/eth0`); other MACs are printed as they are. */
export type MacNames = Record<string, string>;

const TUNNEL_LAYERS = new Set(['vxlan', 'ipip']);
const NAME_TABLES = new Set(['resolv', 'corefile', 'cache']);

/** Which operation of a step rewrote a field, for the tag after the new value. */
const FIELD_OPS: Record<string, { ops: string[]; tag: string }[]> = {
  dst: [
    // No packet was rewritten: the socket was connected to the backend in connect().
    { ops: ['dnat@socket'], tag: 'connect() at the socket' },
    { ops: ['dnat'], tag: 'DNAT' },
    { ops: ['unsnat'], tag: 'un-SNAT (conntrack)' },
    { ops: ['reply', 'dns-answer'], tag: 'reply' },
  ],
  src: [
    { ops: ['masquerade'], tag: 'MASQUERADE' },
    { ops: ['snat'], tag: 'SNAT' },
    { ops: ['undnat'], tag: 'un-DNAT (conntrack)' },
    { ops: ['reply', 'dns-answer'], tag: 'reply' },
  ],
  eth: [
    { ops: ['route'], tag: 'route' },
    { ops: ['bridge'], tag: 'br_netfilter' },
    { ops: ['reply', 'dns-answer', 'arp-reply'], tag: 'reply' },
  ],
};

export function cardView(step: DerivedStep, names: MacNames = {}): CardView {
  const hs = step.headers;
  const split = lastIndex(hs, (h) => TUNNEL_LAYERS.has(h.layer));
  const innerStart = split + 1;
  const inner = part(hs.slice(innerStart), innerStart, step, names, false);
  const view: CardView = { packet: step.packet, kind: kindOf(hs.slice(innerStart)), inner, summary: '' };
  if (split >= 0) {
    const isNew = step.changed.some((c) => c.layer <= split && c.field === undefined);
    view.band = { ...part(hs.slice(0, innerStart), 0, step, names, true), state: isNew ? 'new' : 'kept' };
  } else if (step.removed && step.removed.length > 0) {
    // Show what the decap took off once, struck, so the unwrapping is seen.
    view.band = { ...part(step.removed, -1, { ...step, changed: [] }, names, true), state: 'removed' };
  }
  if (step.highlight.length > 0) {
    // A rule lit at a decap (cali-INPUT's accept of IP-in-IP from a known node) matched the outer packet the step takes off.
    const outer = step.ops.includes('decap') ? view.band : undefined;
    const line = (outer ?? inner).lines.find((l) => l.label === (outer ? 'outer' : matchedField(step, view.kind)));
    if (line) line.lit = true;
  }
  const fate = fateOf(step);
  if (fate) view.fate = fate;
  view.summary = summarise(view);
  return view;
}

function fateOf(step: DerivedStep): CardFate | undefined {
  const end = step.end;
  if (end?.how === 'drop') return { kind: 'drop', head: 'DROPPED', lines: [end.reason] };
  if (end?.how === 'reject') {
    const answer = end.with === 'tcp-reset' ? 'answer: TCP RST' : `answer: ICMP ${end.with.replace(/^icmp-/, '')}`;
    return { kind: 'reject', head: 'REJECTED', lines: [...(end.reason ? [end.reason] : []), answer] };
  }
  if (step.wait) return { kind: 'wait', head: `WAITS ${waitText(step.wait.ms)}`, lines: step.wait.reason ? [step.wait.reason] : [] };
  return undefined;
}

/**
 * Which field a lit row was matched against: a bridge's FDB looks up the
 * destination MAC, a neighbour table the asked-for address, CoreDNS and
 * resolv.conf the name; routes, iptables rules
 * and conntrack entries all key on the destination first.
 */
function matchedField(step: DerivedStep, kind: PacketKind): string {
  // flannel.1's FDB maps the inner destination MAC (the remote VTEP) to the node that has it.
  if (step.ops.includes('encap')) return 'eth';
  if (step.ops.includes('bridge') && !step.ops.includes('route')) return 'eth';
  if (kind === 'arp') return 'who-has';
  // A resolver's files and caches look up the name; iptables, conntrack and routes the address, whatever the payload.
  const byName = step.highlight.some((h) => h.type === undefined || NAME_TABLES.has(h.type));
  if (kind === 'dns' && byName) {
    const dns = step.headers.find((h) => h.layer === 'dns');
    if (dns) return dns.qtype;
  }
  if (kind === 'bgp') return 'prefix';
  return 'dst';
}

function kindOf(hs: Header[]): PacketKind {
  const layers = new Set(hs.map((h) => h.layer));
  for (const k of ['dns', 'bgp', 'arp', 'tcp', 'icmp', 'udp'] as const) if (layers.has(k)) return k;
  return 'ip';
}

/**
 * One card part from a slice of the stack. `offset` is the slice's index in
 * the full stack (changes are indexed against it); -1 means "no changes".
 */
function part(hs: Header[], offset: number, step: DerivedStep, names: MacNames, outer: boolean): CardPart {
  const changes = offset < 0 ? [] : step.changed;
  const at = (i: number): Change[] => changes.filter((c) => c.layer === offset + i);
  const was = (i: number, field: string): unknown => at(i).find((c) => c.field === field)?.was;
  const ipIdx = hs.findIndex((h) => h.layer === 'ipv4');
  const ip = ipIdx >= 0 ? (hs[ipIdx] as Extract<Header, { layer: 'ipv4' }>) : undefined;
  const l4Idx = hs.findIndex((h) => h.layer === 'tcp' || h.layer === 'udp');
  const l4 = l4Idx >= 0 ? (hs[l4Idx] as Extract<Header, { layer: 'tcp' | 'udp' }>) : undefined;
  const lines: CardLine[] = [];
  const out: CardPart = { title: outer ? tunnelTitle(hs, l4) : innerTitle(hs, l4), lines };
  if (ip) {
    out.ttl = `ttl ${ip.ttl}`;
    const t = was(ipIdx, 'ttl');
    if (t !== undefined) out.ttlWas = `ttl ${String(t)}`;
    if (outer) {
      // The band is one line of outer addresses: the tunnel's endpoints, node to node.
      const line: CardLine = { label: 'outer', value: `${ip.src} → ${ip.dst}` };
      lines.push(line);
    }
    for (const [field, pf] of outer ? [] : ([['src', 'sport'], ['dst', 'dport']] as const)) {
      const now = endpoint(ip[field], l4?.[pf]);
      const ipWas = was(ipIdx, field);
      const portWas = l4 ? was(l4Idx, pf) : undefined;
      const line: CardLine = { label: field, value: now };
      if (ipWas !== undefined || portWas !== undefined) {
        line.was = endpoint(String(ipWas ?? ip[field]), (portWas as number | undefined) ?? l4?.[pf]);
        line.tag = tagFor(field, step.ops);
      }
      lines.push(line);
    }
  }
  for (const [i, h] of hs.entries()) {
    if (h.layer === 'icmp') lines.push(...icmpLines(h));
    if (h.layer === 'arp') lines.push(...arpLines(h, names));
    if (h.layer === 'dns') lines.push(...dnsLines(h, at(i)));
    if (h.layer === 'bgp') {
      if (h.prefix) lines.push({ label: 'prefix', value: h.prefix });
      if (h.nextHop) lines.push({ label: 'next-hop', value: h.nextHop });
    }
  }
  const ethIdx = hs.findIndex((h) => h.layer === 'eth');
  if (ethIdx >= 0) {
    const eth = hs[ethIdx] as Extract<Header, { layer: 'eth' }>;
    const line: CardLine = { label: 'eth', value: `${macName(eth.src, names)} → ${macName(eth.dst, names)}` };
    const s = was(ethIdx, 'src');
    const d = was(ethIdx, 'dst');
    if (s !== undefined || d !== undefined) {
      line.was = `${macName(String(s ?? eth.src), names)} → ${macName(String(d ?? eth.dst), names)}`;
      line.tag = tagFor('eth', step.ops);
    }
    lines.push(line);
  }
  return out;
}

function innerTitle(hs: Header[], l4: Extract<Header, { layer: 'tcp' | 'udp' }> | undefined): string {
  const dns = hs.find((h) => h.layer === 'dns');
  if (dns) return dns.rcode ? `DNS answer ${dns.rcode}` : `DNS query ${dns.qtype}?`;
  const bgp = hs.find((h) => h.layer === 'bgp');
  if (bgp) return `BGP ${bgp.type.toUpperCase()}`;
  const arp = hs.find((h) => h.layer === 'arp');
  if (arp) return `ARP ${arp.op}`;
  const icmp = hs.find((h) => h.layer === 'icmp');
  if (icmp) return `ICMP ${icmp.type === 'destination-unreachable' ? 'dest unreachable' : icmp.type}`;
  if (l4?.layer === 'tcp') return `TCP ${l4.flags}`;
  if (l4) return 'UDP';
  return hs.some((h) => h.layer === 'ipv4') ? 'IPv4' : 'Ethernet';
}

function tunnelTitle(hs: Header[], l4: Extract<Header, { layer: 'tcp' | 'udp' }> | undefined): string {
  const vx = hs.find((h) => h.layer === 'vxlan');
  if (vx) return `VXLAN vni ${vx.vni}${l4 ? ` · UDP ${l4.sport} → ${l4.dport}` : ''}`;
  return 'IP-in-IP (IP protocol 4)';
}

/** An error's code, and what it quotes of the packet that caused it (the original, not a tunnel's inner packet). */
function icmpLines(h: Extract<Header, { layer: 'icmp' }>): CardLine[] {
  const lines: CardLine[] = h.code ? [{ label: 'code', value: h.code }] : [];
  const q = h.quote;
  if (q) lines.push({ label: 'quotes', value: `${q.protocol.toUpperCase()} ${endpoint(q.src, q.sport)} → ${endpoint(q.dst, q.dport)}, ttl ${q.ttl}` });
  return lines;
}

function arpLines(h: Extract<Header, { layer: 'arp' }>, names: MacNames): CardLine[] {
  if (h.op === 'request') return [{ label: 'who-has', value: h.targetIp }, { label: 'tell', value: h.senderIp }];
  return [
    { label: h.senderIp, value: `is-at ${macName(h.senderMac, names)}` },
    { label: 'to', value: h.targetIp },
  ];
}

function dnsLines(h: Extract<Header, { layer: 'dns' }>, changed: Change[]): CardLine[] {
  const lines: CardLine[] = [{ label: h.qtype, value: h.qname }];
  if (h.rcode !== undefined) {
    const answers = h.answers && h.answers.length > 0 ? h.answers.join(', ') : h.rcode;
    const line: CardLine = { label: '→', value: answers };
    if (changed.some((c) => c.field === 'answers' || c.field === 'rcode')) line.tag = 'answer';
    lines.push(line);
  }
  return lines;
}

/** A DNAT not done by iptables (`dnat@ipvs`, `undnat@tc`) is tagged with what did it: `DNAT (ipvs)`. */
function tagFor(field: 'src' | 'dst' | 'eth', ops: string[]): string | undefined {
  for (const r of FIELD_OPS[field]!) {
    const op = ops.find((o) => r.ops.includes(o) || r.ops.includes(o.split('@')[0]!));
    if (op) return r.ops.includes(op) ? r.tag : `${r.tag.split(' (')[0]} (${op.split('@')[1]})`;
  }
  return undefined;
}

function endpoint(ip: string, port: number | undefined): string {
  return port === undefined ? ip : `${ip}:${port}`;
}

export function macName(mac: string, names: MacNames): string {
  if (mac === 'ff:ff:ff:ff:ff:ff') return 'broadcast';
  return names[mac] ?? mac;
}

function lastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i]!)) return i;
  return -1;
}

function summarise(v: CardView): string {
  const partText = (p: CardPart): string =>
    [
      p.title,
      p.ttl && (p.ttlWas ? `${p.ttl} (was ${p.ttlWas.replace('ttl ', '')})` : p.ttl),
      ...p.lines.map((l) => `${l.label} ${l.value}${l.was ? ` (was ${l.was}${l.tag ? `, ${l.tag}` : ''})` : ''}`),
    ]
      .filter(Boolean)
      .join(', ');
  const band = v.band
    ? v.band.state === 'removed'
      ? `; outer headers removed: ${partText(v.band)}`
      : `; wrapped in ${partText(v.band)}`
    : '';
  const fate = v.fate ? `; ${v.fate.head}${v.fate.lines.length ? `: ${v.fate.lines.join(', ')}` : ''}` : '';
  return `Packet ${v.packet}: ${partText(v.inner)}${band}${fate}`;
}
