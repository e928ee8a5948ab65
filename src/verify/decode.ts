// Frame bytes → the scene's own header shapes (src/scene/model.ts), outermost
// first, so a step's headers and the kernel's frame compare field by field.
// Ethernet, ARP, IPv4, ICMP, TCP, UDP, VXLAN (on the scene's VXLAN ports) and DNS (port 53).
import type { Header, IcmpHeader } from '../scene/model.ts';
import { decodeDns, DNS_PORT } from './dns-wire.ts';

export class DecodeError extends Error {}

const ICMP_TYPES: Record<number, string> = { 0: 'echo-reply', 3: 'destination-unreachable', 8: 'echo-request', 11: 'time-exceeded' };
const UNREACH_CODES: Record<number, string> = {
  0: 'net-unreachable', 1: 'host-unreachable', 2: 'proto-unreachable', 3: 'port-unreachable',
  9: 'net-prohibited', 10: 'host-prohibited', 13: 'admin-prohibited',
};
/** In the order tcpdump and the scenes write them: `SYN,ACK`, `PSH,ACK`, `RST,ACK`. */
const TCP_FLAGS: [number, string][] = [[0x02, 'SYN'], [0x01, 'FIN'], [0x04, 'RST'], [0x08, 'PSH'], [0x10, 'ACK'], [0x20, 'URG']];

const mac = (b: Uint8Array, o: number) => [...b.subarray(o, o + 6)].map((x) => x.toString(16).padStart(2, '0')).join(':');
const ipv4 = (b: Uint8Array, o: number) => [...b.subarray(o, o + 4)].join('.');

function need(b: Uint8Array, end: number, what: string): void {
  if (b.length < end) throw new DecodeError(`${what} cut short: ${b.length} bytes, needs ${end}`);
}

/** Decodes an Ethernet frame; `vxlanPorts` are the UDP destination ports whose payload is VXLAN. */
export function decodeFrame(b: Uint8Array, vxlanPorts: readonly number[] = []): Header[] {
  need(b, 14, 'Ethernet header');
  const out: Header[] = [{ layer: 'eth', src: mac(b, 6), dst: mac(b, 0) }];
  let type = (b[12]! << 8) | b[13]!;
  let o = 14;
  if (type === 0x8100) {
    need(b, 18, '802.1Q tag');
    type = (b[16]! << 8) | b[17]!;
    o = 18;
  }
  if (type === 0x0806) return [...out, decodeArp(b.subarray(o))];
  if (type === 0x0800) return [...out, ...decodeIpv4(b.subarray(o), vxlanPorts)];
  return out;
}

function decodeArp(b: Uint8Array): Header {
  need(b, 28, 'ARP packet');
  const op = (b[6]! << 8) | b[7]!;
  return { layer: 'arp', op: op === 2 ? 'reply' : 'request', senderMac: mac(b, 8), senderIp: ipv4(b, 14), targetMac: mac(b, 18), targetIp: ipv4(b, 24) };
}

function decodeIpv4(b: Uint8Array, vxlanPorts: readonly number[]): Header[] {
  need(b, 20, 'IPv4 header');
  const ihl = (b[0]! & 0x0f) * 4;
  need(b, ihl, 'IPv4 options');
  const proto = b[9]!;
  const ip: Header = { layer: 'ipv4', src: ipv4(b, 12), dst: ipv4(b, 16), ttl: b[8]! };
  const body = b.subarray(ihl);
  if (proto === 1) return [ip, decodeIcmp(body)];
  if (proto === 6) {
    need(body, 14, 'TCP header');
    const f = body[13]!;
    return [ip, { layer: 'tcp', sport: (body[0]! << 8) | body[1]!, dport: (body[2]! << 8) | body[3]!, flags: TCP_FLAGS.filter(([bit]) => f & bit).map(([, n]) => n).join(',') }];
  }
  if (proto === 17) {
    need(body, 8, 'UDP header');
    const udp: Header = { layer: 'udp', sport: (body[0]! << 8) | body[1]!, dport: (body[2]! << 8) | body[3]! };
    if ((udp.sport === DNS_PORT || udp.dport === DNS_PORT) && !vxlanPorts.includes(udp.dport)) {
      // A message the decoder cannot read is still the UDP datagram it rode in.
      try {
        return [ip, udp, decodeDns(body.subarray(8))];
      } catch (e) {
        if (e instanceof DecodeError) return [ip, udp];
        throw e;
      }
    }
    if (!vxlanPorts.includes(udp.dport)) return [ip, udp];
    need(body, 16, 'VXLAN header');
    const vni = (body[12]! << 16) | (body[13]! << 8) | body[14]!;
    return [ip, udp, { layer: 'vxlan', vni }, ...decodeFrame(body.subarray(16), vxlanPorts)];
  }
  if (proto === 4) return [ip, { layer: 'ipip' }, ...decodeIpv4(body, vxlanPorts)];
  return [ip];
}

function decodeIcmp(b: Uint8Array): IcmpHeader {
  need(b, 8, 'ICMP header');
  const type = ICMP_TYPES[b[0]!] ?? `type ${b[0]}`;
  const h: IcmpHeader = { layer: 'icmp', type };
  if (b[0] === 3) h.code = UNREACH_CODES[b[1]!] ?? `code ${b[1]}`;
  // An error quotes the original's IP header and its first 8 bytes: for TCP and UDP, the ports.
  if ((b[0] === 3 || b[0] === 11) && b.length >= 28) {
    const q = b.subarray(8);
    const proto = q[9] === 6 ? 'tcp' : q[9] === 17 ? 'udp' : q[9] === 1 ? 'icmp' : undefined;
    const ihl = (q[0]! & 0x0f) * 4;
    if (proto) {
      h.quote = { src: ipv4(q, 12), dst: ipv4(q, 16), ttl: q[8]!, protocol: proto };
      if (proto !== 'icmp' && q.length >= ihl + 4) Object.assign(h.quote, { sport: (q[ihl]! << 8) | q[ihl + 1]!, dport: (q[ihl + 2]! << 8) | q[ihl + 3]! });
    }
  }
  return h;
}
