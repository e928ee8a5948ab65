// The packet inspector's view of a header stack: named layers, field rows,
// which of them the last step changed and what they were before, and the
// outer layers the step took off. "Changed" alone makes a reader diff two
// steps in their head; the old value next to the new one shows the rewrite.

import type { Header, Layer } from '../scene/model.ts';
import type { Change } from '../derive/types.ts';
import { quoteText } from '../derive/trace.ts';

export const LAYER_NAMES: Record<Layer, string> = {
  eth: 'Ethernet',
  arp: 'ARP',
  ipv4: 'IPv4',
  icmp: 'ICMP',
  tcp: 'TCP',
  udp: 'UDP',
  vxlan: 'VXLAN',
  ipip: 'IP-in-IP',
  dns: 'DNS',
  bgp: 'BGP',
};

export interface FieldView {
  name: string;
  value: string;
  changed: boolean;
  /** The value before this step, printed; absent when the field is not a rewrite (new layer, new field). */
  was?: string;
}

export interface LayerView {
  name: string;
  fields: FieldView[];
  /** The whole layer appeared at this step (an encap, a DNS answer). */
  isNew: boolean;
  /** Some field of it, or the whole layer, changed. */
  changed: boolean;
}

export function inspect(headers: Header[], changed: Change[]): LayerView[] {
  const counts = new Map<Layer, number>();
  for (const h of headers) counts.set(h.layer, (counts.get(h.layer) ?? 0) + 1);
  const seen = new Map<Layer, number>();
  return headers.map((h, i) => {
    const nth = seen.get(h.layer) ?? 0;
    seen.set(h.layer, nth + 1);
    const base = LAYER_NAMES[h.layer] ?? h.layer;
    // With encapsulation the same layer appears twice; say which one this is.
    const name = (counts.get(h.layer) ?? 0) > 1 ? `${base} (${nth === 0 ? 'outer' : 'inner'})` : base;
    const mine = changed.filter((c) => c.layer === i);
    const isNew = mine.some((c) => c.field === undefined);
    const fields = Object.entries(h)
      .filter(([k]) => k !== 'layer')
      .map(([k, v]): FieldView => {
        const c = mine.find((x) => x.field === k);
        // An ICMP error carries the start of the packet that caused it: one quoted packet, not an inner layer.
        if (h.layer === 'icmp' && k === 'quote') return { name: 'quotes', value: quoteText(h.quote!), changed: isNew };
        const f: FieldView = { name: k, value: show(v), changed: isNew || c !== undefined };
        if (c && 'was' in c) f.was = show(c.was);
        return f;
      });
    return { name, fields, isNew, changed: mine.length > 0 };
  });
}

export interface RemovedView {
  /** "Ethernet, IPv4, UDP, VXLAN": the summary line a reader sees while it is collapsed. */
  summary: string;
  layers: { name: string; fields: { name: string; value: string }[] }[];
}

/** The outer layers a step took off (a decap), outermost first; undefined when it took none. */
export function inspectRemoved(removed: Header[] | undefined): RemovedView | undefined {
  if (!removed || removed.length === 0) return undefined;
  const layers = removed.map((h) => ({
    name: LAYER_NAMES[h.layer] ?? h.layer,
    fields: Object.entries(h)
      .filter(([k]) => k !== 'layer')
      .map(([k, v]) => ({ name: k, value: show(v) })),
  }));
  return { summary: layers.map((l) => l.name).join(', '), layers };
}

function show(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (Array.isArray(v)) return v.length ? v.map(show).join(', ') : '(none)';
  return String(v);
}
