// VXLAN's outer UDP source port comes from a hash of the inner flow
// (udp_flow_src_port in the kernel), so every packet of one connection gets
// the same port and ECMP on the underlay keeps the flow on one path. The
// kernel hashes with jhash and a boot-time seed; we use FNV-1a, which keeps
// what matters to a student (same flow → same port, in the ephemeral range).
import type { Header } from '../scene/model.ts';

const PORT_MIN = 32768;
const PORT_MAX = 60999; // net.ipv4.ip_local_port_range default

export function flowSourcePort(inner: Header[]): number {
  const ip = inner.find((h) => h.layer === 'ipv4');
  const l4 = inner.find((h) => h.layer === 'tcp' || h.layer === 'udp');
  const key = [ip?.src, ip?.dst, l4?.layer ?? inner.at(-1)?.layer, l4?.sport, l4?.dport].join('|');
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Same scaling as the kernel: the hash picks a point in [min, max).
  return Math.floor((h * (PORT_MAX - PORT_MIN)) / 2 ** 32) + PORT_MIN;
}
