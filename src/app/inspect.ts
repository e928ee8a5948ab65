// The packet inspector's view of a header stack: named layers, field rows,
// and which of them the last step changed.

import type { Header, Layer } from '../scene/model.ts';
import type { Change } from '../derive/types.ts';

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
      .map(([k, v]) => ({ name: k, value: show(v), changed: isNew || mine.some((c) => c.field === k) }));
    return { name, fields, isNew, changed: mine.length > 0 };
  });
}

function show(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (Array.isArray(v)) return v.length ? v.map(show).join(', ') : '(none)';
  return String(v);
}
