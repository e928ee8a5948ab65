// What differs in the packet's headers where two scenes reach the same
// milestone: the tunnel around it, the header stack, whether its source and
// destination are as sent or rewritten, its TTL. Computed from the derived
// headers; the addresses themselves differ between any two scenes, so rows
// are compared by what happened to them, not by their values.
import type { Header, Ipv4Header, Milestone } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import { milestoneSteps } from './align.ts';
import { isReply } from './milestones.ts';

export type Aspect = 'tunnel' | 'stack' | 'source' | 'destination' | 'ttl';

/** One side's cell: what is shown, and what it is compared by. */
export interface Cell {
  text: string;
  kind: string;
}

export interface DiffRow {
  aspect: Aspect;
  label: string;
  a: Cell;
  b: Cell;
  differs: boolean;
}

type Steps = readonly Pick<DerivedStep, 'milestone' | 'headers' | 'ops'>[];

const LABELS: Record<Aspect, string> = {
  tunnel: 'Tunnel',
  stack: 'Header stack',
  source: 'Source address',
  destination: 'Destination address',
  ttl: 'TTL',
};

/** The rows for milestone `m`, reached at step `ka` of `a` and `kb` of `b`. */
export function headerDiff(m: Milestone, a: Steps, ka: number, b: Steps, kb: number): DiffRow[] {
  const pa = profile(a, ka, m);
  const pb = profile(b, kb, m);
  return (Object.keys(LABELS) as Aspect[]).map((aspect) => ({
    aspect,
    label: LABELS[aspect],
    a: pa[aspect],
    b: pb[aspect],
    differs: pa[aspect].kind !== pb[aspect].kind,
  }));
}

/** The rows that differ, named in one sentence for the screen reader: "Differs: tunnel, source address." */
export function diffSummary(rows: readonly DiffRow[]): string {
  const d = rows.filter((r) => r.differs).map((r) => inSentence(r.label));
  return d.length ? `Differs: ${d.join(', ')}.` : 'The headers change the same way on both sides.';
}

/** A row's label inside a sentence: "source address", but "TTL". */
export function inSentence(label: string): string {
  return /^.[a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function profile(steps: Steps, k: number, m: Milestone): Record<Aspect, Cell> {
  const here = steps[k]!.headers;
  const start = journeyStart(steps, k, m);
  const inner = innerIp(here);
  const sent = innerIp(steps[start]!.headers);
  return {
    tunnel: tunnel(here),
    stack: { text: here.map(layerName).join(' · '), kind: here.map((h) => h.layer).join(' ') },
    source: address(steps, start, k, 'src', inner, sent),
    destination: address(steps, start, k, 'dst', inner, sent),
    ttl: inner ? { text: String(inner.ttl), kind: String(inner.ttl) } : { text: '—', kind: 'none' },
  };
}

/** The step the journey (request or reply) began at: its sent milestone, else the first step of the packet. */
function journeyStart(steps: Steps, k: number, m: Milestone): number {
  const at = milestoneSteps(steps).get(isReply(m) ? 'reply-sent' : 'sent');
  return at !== undefined && at <= k ? at : 0;
}

function tunnel(hs: readonly Header[]): Cell {
  const vx = hs.findIndex((h) => h.layer === 'vxlan');
  const ipip = hs.findIndex((h) => h.layer === 'ipip');
  const outer = hs.find((h): h is Ipv4Header => h.layer === 'ipv4');
  const ends = outer ? `, outer ${outer.src} → ${outer.dst}` : '';
  if (vx >= 0) {
    const udp = hs[vx - 1];
    const vni = hs[vx]!.layer === 'vxlan' ? (hs[vx] as { vni: number }).vni : 0;
    const port = udp?.layer === 'udp' ? `UDP ${udp.dport}, ` : '';
    return { text: `VXLAN (${port}VNI ${vni})${ends}`, kind: 'vxlan' };
  }
  if (ipip >= 0) return { text: `IP-in-IP (protocol 4)${ends}`, kind: 'ipip' };
  return { text: 'none', kind: 'none' };
}

/** The innermost IPv4 header: the packet's own, inside any tunnel. */
function innerIp(hs: readonly Header[]): Ipv4Header | undefined {
  return hs.filter((h): h is Ipv4Header => h.layer === 'ipv4').at(-1);
}

// The operations that rewrite each address, in the words the card uses.
// [kind, words]: a DNAT done by IPVS or eBPF (`dnat@ipvs`) is the same
// rewrite of the header, so its kind is iptables' (alike), while its words
// say what did it.
const REWRITES: Record<'src' | 'dst', Record<string, [kind: string, words: string]>> = {
  src: {
    masquerade: ['masqueraded', 'masqueraded'],
    snat: ['SNAT', 'SNAT'],
    undnat: ['un-DNAT by conntrack', 'un-DNAT by conntrack'],
    'undnat@ipvs': ['un-DNAT by conntrack', 'un-DNAT by IPVS'],
    'undnat@tc': ['un-DNAT by conntrack', 'un-DNAT by eBPF at tc'],
  },
  dst: {
    dnat: ['DNAT', 'DNAT'],
    'dnat@ipvs': ['DNAT', 'DNAT by IPVS'],
    'dnat@tc': ['DNAT', 'DNAT by eBPF at tc'],
    'dnat@socket': ['DNAT', 'DNAT at the socket'],
    unsnat: ['un-SNAT by conntrack', 'un-SNAT by conntrack'],
  },
};

function address(steps: Steps, start: number, k: number, field: 'src' | 'dst', now: Ipv4Header | undefined, sent: Ipv4Header | undefined): Cell {
  if (!now) return { text: '—', kind: 'none' };
  if (!sent || sent[field] === now[field]) return { text: `${now[field]}, as sent`, kind: 'kept' };
  const by = rewriters(steps, start, k, field);
  const words = by.map(([, w]) => w);
  const kinds = by.map(([k]) => k);
  return { text: `${now[field]}, ${words.length ? words.join(' + ') : 'rewritten'}; sent as ${sent[field]}`, kind: kinds.join('+') || 'rewritten' };
}

/** The operations between the journey's start and step k that changed the address. */
function rewriters(steps: Steps, start: number, k: number, field: 'src' | 'dst'): [kind: string, words: string][] {
  const names: [string, string][] = [];
  for (let j = start + 1; j <= k; j++) {
    const before = innerIp(steps[j - 1]!.headers)?.[field];
    if (before === innerIp(steps[j]!.headers)?.[field]) continue;
    for (const op of steps[j]!.ops) {
      const rewrite = REWRITES[field][op];
      if (rewrite && !names.some(([, w]) => w === rewrite[1])) names.push(rewrite);
    }
  }
  return names;
}

function layerName(h: Header): string {
  const names: Partial<Record<Header['layer'], string>> = { eth: 'Ethernet', ipv4: 'IPv4', ipip: 'IP-in-IP' };
  return names[h.layer] ?? h.layer.toUpperCase();
}
