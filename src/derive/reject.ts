// derive: the packet the kernel sends back when an iptables rule REJECTs —
// built as ipt_REJECT builds it (nf_send_unreach → icmp_send, nf_send_reset).
import type { Header, IcmpQuote, Ipv4Header, RejectWith } from '../scene/model.ts';

/** Where the reject happens: the element's own addresses and the host's. */
export interface RejectPlace {
  mac?: string;
  ip?: string;
  /** Every address of the host the element belongs to. */
  hostIps: string[];
}

export type Answer = { ok: true; headers: Header[] } | { ok: false; message: string };

const CODES: Record<Exclude<RejectWith, 'tcp-reset'>, string> = {
  'icmp-net-unreachable': 'net-unreachable',
  'icmp-host-unreachable': 'host-unreachable',
  'icmp-proto-unreachable': 'protocol-unreachable',
  'icmp-port-unreachable': 'port-unreachable',
  'icmp-net-prohibited': 'net-prohibited',
  'icmp-host-prohibited': 'host-prohibited',
  'icmp-admin-prohibited': 'admin-prohibited',
};

export function rejectAnswer(hs: Header[], how: RejectWith, place: RejectPlace): Answer {
  // The answer goes to the sender of the packet as it is now: a tunnel's outer header, when still wrapped.
  const ipAt = hs.findIndex((h) => h.layer === 'ipv4');
  const ip = hs[ipAt] as Ipv4Header | undefined;
  if (!ip) return { ok: false, message: 'reject needs an IPv4 header to answer' };
  const l4 = hs[ipAt + 1];
  const eth = hs.slice(0, ipAt).find((h) => h.layer === 'eth');
  if (!place.mac) return { ok: false, message: 'reject: the element where it happens has no MAC to send the answer from' };
  const l2: Header = { layer: 'eth', src: place.mac, dst: eth?.layer === 'eth' ? eth.src : '00:00:00:00:00:00' };
  const local = place.hostIps.includes(ip.dst);
  if (how === 'tcp-reset') {
    if (l4?.layer !== 'tcp') return { ok: false, message: "reject with tcp-reset answers only TCP (iptables accepts it only with '-p tcp'), but this packet is not TCP" };
    // nf_send_reset: the RST comes "from" the address the packet was sent to, whoever rejected it.
    const flags = l4.flags.includes('ACK') ? 'RST' : 'RST,ACK';
    return { ok: true, headers: [l2, { layer: 'ipv4', src: ip.dst, dst: ip.src, ttl: 64 }, { layer: 'tcp', sport: l4.dport, dport: l4.sport, flags }] };
  }
  // The kernel never answers an ICMP error with another (RFC 1122), so there is nothing to send.
  if (l4?.layer === 'icmp' && l4.type !== 'echo-request' && l4.type !== 'echo-reply') return { ok: false, message: 'reject: the kernel sends no ICMP error about an ICMP error' };
  // icmp_send: a packet for this host is answered from its destination; a forwarded one from the
  // address routing picks towards the sender, which is the rejecting device's own.
  const src = local ? ip.dst : place.ip;
  if (!src) return { ok: false, message: 'reject: the element where it happens has no IP address to send the ICMP error from' };
  // ip_forward lowers the TTL before the FORWARD hook runs, so a forwarded packet is quoted with it lowered.
  const quote: IcmpQuote = { src: ip.src, dst: ip.dst, ttl: local ? ip.ttl : ip.ttl - 1, protocol: l4?.layer === 'tcp' || l4?.layer === 'udp' ? l4.layer : 'icmp' };
  if (l4?.layer === 'tcp' || l4?.layer === 'udp') Object.assign(quote, { sport: l4.sport, dport: l4.dport });
  return {
    ok: true,
    headers: [l2, { layer: 'ipv4', src, dst: ip.src, ttl: 64 }, { layer: 'icmp', type: 'destination-unreachable', code: CODES[how], quote }],
  };
}
