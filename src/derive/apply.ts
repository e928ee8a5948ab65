// derive: what one operation does to a packet's header stack. Each function
// returns a new stack (headers are never mutated) or a problem to report.
import type { Header, Op, Ipv4Header, EthHeader, TunnelTtl, DnatBy } from '../scene/model.ts';
import { flowSourcePort } from './flow-hash.ts';
import { LIMITS } from '../scene/limits.ts';

/** What conntrack remembers of a NATed connection, to undo it on replies. */
export interface NatEntry {
  kind: 'dnat' | 'snat';
  /** What did a DNAT, and so undoes it on the reply; absent for iptables (conntrack). */
  by?: DnatBy;
  /** Address (and port) before and after translation, as seen on the original direction. */
  before: { ip: string; port?: number };
  after: { ip: string; port?: number };
}

export interface PacketState {
  headers: Header[];
  nat: NatEntry[];
  /** The packet has left where it was made: a socket can no longer rewrite what it sends. */
  moved?: boolean;
  /** connect() was rewritten to a backend at the socket: the address the application asked for. */
  socket?: { ip: string; port?: number };
}

export type Applied = { ok: true; state: PacketState } | { ok: false; message: string };

const fail = (message: string): Applied => ({ ok: false, message });

function outer<L extends Header['layer']>(hs: Header[], layer: L): { h: Extract<Header, { layer: L }>; i: number } | undefined {
  const i = hs.findIndex((h) => h.layer === layer);
  return i < 0 ? undefined : { h: hs[i] as Extract<Header, { layer: L }>, i };
}

function replace(hs: Header[], i: number, h: Header): Header[] {
  return hs.map((x, k) => (k === i ? h : x));
}

/** The transport header right after the outermost IPv4 header, if any. */
function l4Index(hs: Header[]): number {
  const ip = hs.findIndex((h) => h.layer === 'ipv4');
  const next = hs[ip + 1];
  return next && (next.layer === 'tcp' || next.layer === 'udp') ? ip + 1 : -1;
}

function withPort(hs: Header[], field: 'sport' | 'dport', port: number | undefined): Header[] {
  const i = l4Index(hs);
  if (port === undefined || i < 0) return hs;
  return replace(hs, i, { ...(hs[i] as Header & { sport: number; dport: number }), [field]: port });
}

function port(hs: Header[], field: 'sport' | 'dport'): number | undefined {
  const h = hs[l4Index(hs)] as { sport: number; dport: number } | undefined;
  return h?.[field];
}

export function applyOp(state: PacketState, op: Op, hereMac: string | undefined): Applied {
  const hs = state.headers;
  const next = (headers: Header[], nat = state.nat): Applied => ({ ok: true, state: { ...state, headers, nat } });
  switch (op.op) {
    case 'bridge': {
      const eth = outer(hs, 'eth');
      if (op.toMac === undefined) return next(hs);
      if (!eth) return fail('bridge: there is no Ethernet header to re-address');
      return next(replace(hs, eth.i, { ...eth.h, dst: op.toMac }));
    }
    case 'deliver':
    case 'drop':
    case 'wait':
    // The reject's answer is a packet of its own (derive builds it); this one ends as it is.
    case 'reject':
      return next(hs);
    case 'route': {
      const ip = outer(hs, 'ipv4');
      const eth = outer(hs, 'eth');
      if (!ip) return fail('route needs an IPv4 header to work on');
      if (ip.h.ttl <= 1) return fail(`TTL is ${ip.h.ttl}: the kernel drops the packet (and sends ICMP time exceeded) instead of routing it`);
      const decremented = replace(hs, ip.i, { ...ip.h, ttl: ip.h.ttl - 1 });
      const framed = eth && eth.i < ip.i;
      // Into a layer-3 device (tunl0) the packet goes bare: such a device has no link-layer header.
      if (op.devMac === undefined || op.nextHopMac === undefined) return next(framed ? decremented.filter((_, k) => k !== eth.i) : decremented);
      const l2: EthHeader = { layer: 'eth', src: op.devMac, dst: op.nextHopMac };
      // A packet that came out of an IP-in-IP tunnel has no Ethernet header: routing gives it one.
      return next(framed ? replace(decremented, eth.i, l2) : [l2, ...decremented]);
    }
    case 'encap': {
      // Each step works on the whole stack: encapsulating without end must not make derive slow.
      if (hs.length + 4 > LIMITS.headers) return fail(`encap: the packet would have more than ${LIMITS.headers} headers; expected at most that (is a 'decap' missing?)`);
      const eth: EthHeader = { layer: 'eth', src: op.srcMac, dst: op.dstMac };
      const ttl = outerTtl(hs, op.ttl ?? (op.type === 'ipip' ? 'inherit' : 64));
      if (typeof ttl === 'string') return fail(ttl);
      const ip: Ipv4Header = { layer: 'ipv4', src: op.src, dst: op.dst, ttl };
      // The ipip layer stands for the outer header's protocol 4: the inner IP packet follows it directly, no UDP.
      if (op.type === 'ipip') return next([eth, ip, { layer: 'ipip' }, ...hs.filter((h, k) => !(k === 0 && h.layer === 'eth'))]);
      return next([eth, ip, { layer: 'udp', sport: op.sport ?? flowSourcePort(hs), dport: op.dport }, { layer: 'vxlan', vni: op.vni }, ...hs]);
    }
    case 'decap': {
      const vx = outer(hs, 'vxlan');
      const ipip = outer(hs, 'ipip');
      if (vx && (!ipip || vx.i < ipip.i)) return next(hs.slice(vx.i + 1));
      // IP-in-IP carries a bare IP packet: what is left has no Ethernet header until it is routed.
      if (ipip) return next(hs.slice(ipip.i + 1));
      return fail('decap: there is no VXLAN or IP-in-IP encapsulation to unwrap');
    }
    case 'dnat':
    case 'snat':
    case 'masquerade': {
      const ip = outer(hs, 'ipv4');
      if (!ip) return fail(`${op.op} needs an IPv4 header`);
      const isDnat = op.op === 'dnat';
      const field = isDnat ? 'dst' : 'src';
      const pf = isDnat ? 'dport' : 'sport';
      const newPort = op.op === 'masquerade' ? undefined : op.port;
      if (op.op === 'dnat' && op.by === 'socket') return socketRewrite(state, ip.i, op.to, newPort);
      const entry: NatEntry = {
        kind: isDnat ? 'dnat' : 'snat',
        before: { ip: ip.h[field], port: port(hs, pf) },
        after: { ip: op.to, port: newPort ?? port(hs, pf) },
      };
      if (op.op === 'dnat' && op.by !== undefined) entry.by = op.by;
      const rewritten = withPort(replace(hs, ip.i, { ...ip.h, [field]: op.to }), pf, newPort);
      return next(rewritten, [...state.nat, entry]);
    }
    case 'undnat':
    case 'unsnat': {
      // On a reply the translated address shows up on the other side: DNAT's target is now the source.
      const kind = op.op === 'undnat' ? 'dnat' : 'snat';
      const entry = [...state.nat].reverse().find((e) => e.kind === kind);
      if (!entry && kind === 'dnat' && state.socket) return fail(`undnat: there is nothing to undo: connect() was rewritten at the socket, so the connection itself is to the backend and its replies match it unchanged (only getpeername() is answered with ${state.socket.ip})`);
      if (!entry) return fail(`${op.op}: conntrack has no ${kind.toUpperCase()} entry for this connection to undo (no earlier '${kind}' on this packet)`);
      const ip = outer(hs, 'ipv4');
      if (!ip) return fail(`${op.op} needs an IPv4 header`);
      const field = kind === 'dnat' ? 'src' : 'dst';
      const pf = kind === 'dnat' ? 'sport' : 'dport';
      if (ip.h[field] !== entry.after.ip) return fail(`${op.op}: the reply's ${field} is ${ip.h[field]}, but conntrack translated to ${entry.after.ip}; is this really the reply?`);
      return next(withPort(replace(hs, ip.i, { ...ip.h, [field]: entry.before.ip }), pf, entry.before.port));
    }
    case 'reply':
      return reply(hs, state, hereMac);
    case 'arp-reply': {
      const arp = outer(hs, 'arp');
      const eth = outer(hs, 'eth');
      if (!arp || arp.h.op !== 'request' || !eth) return fail('arp-reply needs an ARP request to answer');
      if (!hereMac) return fail('arp-reply: the element answering has no MAC address');
      return next([
        { layer: 'eth', src: hereMac, dst: arp.h.senderMac },
        { layer: 'arp', op: 'reply', senderIp: arp.h.targetIp, senderMac: hereMac, targetIp: arp.h.senderIp, targetMac: arp.h.senderMac },
      ]);
    }
    case 'dns-query': {
      if (l4Index(hs) < 0 || hs[l4Index(hs)]!.layer !== 'udp') return fail('dns-query needs a UDP header to ride in');
      return next([...hs.filter((h) => h.layer !== 'dns'), { layer: 'dns', id: op.id, qname: op.qname, qtype: op.qtype }]);
    }
    case 'dns-answer': {
      const dns = outer(hs, 'dns');
      if (!dns) return fail('dns-answer needs a DNS query to answer');
      const swapped = reply(hs, state, hereMac);
      if (!swapped.ok) return swapped;
      const shs = swapped.state.headers;
      return next(replace(shs, shs.findIndex((h) => h.layer === 'dns'), { ...dns.h, rcode: op.rcode, answers: op.answers }));
    }
  }
}

/**
 * connect() rewritten by a BPF program at the cgroup connect4 hook: the socket
 * is connected to the backend before any packet exists, so nothing on any wire
 * ever carries the ClusterIP and no connection tracking has anything to undo.
 */
function socketRewrite(state: PacketState, ipIndex: number, to: string, newPort: number | undefined): Applied {
  if (state.moved) return fail("dnat by: socket rewrites connect()'s address before any packet exists, but this packet has already left its socket; rewrite it before the packet's first hop, or use by: tc for a BPF program at a device");
  const hs = state.headers;
  const ip = hs[ipIndex] as Ipv4Header;
  const headers = withPort(replace(hs, ipIndex, { ...ip, dst: to }), 'dport', newPort);
  return { ok: true, state: { ...state, headers, socket: { ip: ip.dst, port: port(hs, 'dport') } } };
}

/**
 * The outer TTL: a fixed one, or (`inherit`, the kernel's `ttl 0`) the inner
 * packet's as it enters the tunnel — already lowered by the routing that sent
 * it there (ip_tunnel_xmit copies inner_iph->ttl). A sentence when it cannot.
 */
function outerTtl(hs: Header[], ttl: TunnelTtl): number | string {
  if (ttl !== 'inherit') return ttl;
  const inner = outer(hs, 'ipv4');
  return inner ? inner.h.ttl : 'encap: ttl inherit copies the inner IPv4 TTL, but the packet has no IPv4 header';
}

/** The answer goes back the way it came: addresses and ports swap, TTL starts afresh. */
function reply(hs: Header[], state: PacketState, hereMac: string | undefined): Applied {
  if (!outer(hs, 'ipv4')) return fail('reply needs an IPv4 header to answer');
  const swapped = hs.map((h): Header => {
    switch (h.layer) {
      case 'eth':
        return { layer: 'eth', src: hereMac ?? h.dst, dst: h.src };
      case 'ipv4':
        return { layer: 'ipv4', src: h.dst, dst: h.src, ttl: 64 };
      case 'tcp':
        return { layer: 'tcp', sport: h.dport, dport: h.sport, flags: h.flags === 'SYN' ? 'SYN,ACK' : 'ACK' };
      case 'udp':
        return { layer: 'udp', sport: h.dport, dport: h.sport };
      case 'icmp':
        return { layer: 'icmp', type: h.type === 'echo-request' ? 'echo-reply' : h.type };
      default:
        return h;
    }
  });
  return { ok: true, state: { ...state, headers: swapped } };
}
