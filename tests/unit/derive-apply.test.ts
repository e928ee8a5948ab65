import { describe, expect, it } from 'vitest';
import { applyOp, type PacketState } from '../../src/derive/apply.ts';
import { flowSourcePort } from '../../src/derive/flow-hash.ts';
import { diffHeaders, removedHeaders } from '../../src/derive/changes.ts';
import type { Header, Op } from '../../src/scene/model.ts';

const podA = '0a:58:0a:f4:01:02';
const cni0 = '0a:58:0a:f4:01:01';
const flannelA = '0e:8a:01:01:01:01';
const flannelB = '0e:8a:02:02:02:02';
const ping: Header[] = [
  { layer: 'eth', src: podA, dst: cni0 },
  { layer: 'ipv4', src: '10.244.1.2', dst: '10.244.2.5', ttl: 64 },
  { layer: 'icmp', type: 'echo-request' },
];

/** Applies ops in order; a PacketState carries conntrack's memory from earlier steps. */
function run(start: Header[] | PacketState, ops: Op[], hereMac?: string): PacketState {
  let state: PacketState = Array.isArray(start) ? { headers: start, nat: [] } : start;
  for (const op of ops) {
    const r = applyOp(state, op, hereMac);
    if (!r.ok) throw new Error(r.message);
    state = r.state;
  }
  return state;
}

const route: Op = { op: 'route', dev: 'node1/flannel.1', devMac: flannelA, nextHop: 'node2/flannel.1', nextHopMac: flannelB };
const encap: Op = { op: 'encap', type: 'vxlan', vni: 1, src: '192.168.1.10', dst: '192.168.1.11', srcMac: 'aa:00:00:00:00:10', dstMac: 'aa:00:00:00:00:11', dport: 8472 };

describe('route', () => {
  it('decrements TTL and writes a new Ethernet header from the outgoing device to the next hop', () => {
    const s = run(ping, [route]);
    expect(s.headers[0]).toEqual({ layer: 'eth', src: flannelA, dst: flannelB });
    expect(s.headers[1]).toMatchObject({ ttl: 63, src: '10.244.1.2', dst: '10.244.2.5' });
  });
  it('refuses to route a packet whose TTL would expire', () => {
    const r = applyOp({ headers: [ping[0]!, { layer: 'ipv4', src: '10.244.1.2', dst: '10.244.2.5', ttl: 1 }, ping[2]!], nat: [] }, route, undefined);
    expect(r.ok).toBe(false);
  });
});

describe('VXLAN encap and decap', () => {
  it('wraps the untouched inner frame in Ethernet/IPv4(TTL 64)/UDP 8472/VXLAN', () => {
    const inner = run(ping, [route]).headers;
    const s = run(inner, [encap]);
    expect(s.headers.map((h) => h.layer)).toEqual(['eth', 'ipv4', 'udp', 'vxlan', 'eth', 'ipv4', 'icmp']);
    expect(s.headers[1]).toEqual({ layer: 'ipv4', src: '192.168.1.10', dst: '192.168.1.11', ttl: 64 });
    expect(s.headers[2]).toMatchObject({ layer: 'udp', dport: 8472 });
    expect(s.headers.slice(4)).toEqual(inner);
    // The outer headers are 14 + 20 + 8 + 8 = 50 bytes: the MTU cost of VXLAN.
  });
  it('derives the outer source port from the inner flow: same flow, same port; in the ephemeral range', () => {
    const a = flowSourcePort(ping);
    expect(flowSourcePort(structuredClone(ping))).toBe(a);
    expect(a).toBeGreaterThanOrEqual(32768);
    expect(a).toBeLessThan(60999);
    const other = flowSourcePort([ping[0]!, { layer: 'ipv4', src: '10.244.1.9', dst: '10.244.2.5', ttl: 64 }, ping[2]!]);
    expect(other).not.toBe(a);
  });
  it('decap removes exactly the outer headers; decap of an unwrapped packet is an error', () => {
    const inner = run(ping, [route]).headers;
    expect(run(inner, [encap, { op: 'decap' }]).headers).toEqual(inner);
    expect(applyOp({ headers: ping, nat: [] }, { op: 'decap' }, undefined)).toMatchObject({ ok: false });
  });
  it('IP-in-IP carries the bare IP packet; routing after decap gives it an Ethernet header', () => {
    const s = run(ping, [{ op: 'encap', type: 'ipip', src: '192.168.1.10', dst: '192.168.1.11', srcMac: 'aa:00:00:00:00:10', dstMac: 'aa:00:00:00:00:11' }]);
    expect(s.headers.map((h) => h.layer)).toEqual(['eth', 'ipv4', 'ipip', 'ipv4', 'icmp']);
    const out = run(s.headers, [{ op: 'decap' }, route]);
    expect(out.headers.map((h) => h.layer)).toEqual(['eth', 'ipv4', 'icmp']);
    expect(out.headers[1]).toMatchObject({ ttl: 63 });
  });
});

describe('NAT and conntrack', () => {
  const syn: Header[] = [
    { layer: 'eth', src: podA, dst: cni0 },
    { layer: 'ipv4', src: '10.244.1.2', dst: '10.96.0.20', ttl: 64 },
    { layer: 'tcp', sport: 40000, dport: 80, flags: 'SYN' },
  ];
  it('DNAT rewrites destination and port; the reply is un-DNATed back to the ClusterIP', () => {
    const s = run(syn, [{ op: 'dnat', to: '10.244.2.5', port: 8080 }]);
    expect(s.headers[1]).toMatchObject({ src: '10.244.1.2', dst: '10.244.2.5' });
    expect(s.headers[2]).toMatchObject({ sport: 40000, dport: 8080 });
    const back = run(s, [{ op: 'reply' }, { op: 'undnat' }]);
    expect(back.headers[1]).toMatchObject({ src: '10.96.0.20', dst: '10.244.1.2', ttl: 64 });
    expect(back.headers[2]).toEqual({ layer: 'tcp', sport: 80, dport: 40000, flags: 'SYN,ACK' });
  });
  it('masquerade sets the source to the device address; unsnat restores the client on the reply', () => {
    const s = run(syn, [{ op: 'masquerade', to: '192.168.1.10' }]);
    expect(s.headers[1]).toMatchObject({ src: '192.168.1.10' });
    const back = run(s, [{ op: 'reply' }, { op: 'unsnat' }]);
    expect(back.headers[1]).toMatchObject({ dst: '10.244.1.2' });
  });
  it('undnat without an earlier dnat is an error', () => {
    expect(applyOp({ headers: syn, nat: [] }, { op: 'undnat' }, undefined)).toMatchObject({ ok: false });
  });
});

describe('ARP and DNS', () => {
  it('arp-reply answers from the replying device to the asker', () => {
    const req: Header[] = [
      { layer: 'eth', src: podA, dst: 'ff:ff:ff:ff:ff:ff' },
      { layer: 'arp', op: 'request', senderIp: '10.244.1.2', senderMac: podA, targetIp: '10.244.1.3', targetMac: '00:00:00:00:00:00' },
    ];
    const s = run(req, [{ op: 'arp-reply' }], '0a:58:0a:f4:01:03');
    expect(s.headers).toEqual([
      { layer: 'eth', src: '0a:58:0a:f4:01:03', dst: podA },
      { layer: 'arp', op: 'reply', senderIp: '10.244.1.3', senderMac: '0a:58:0a:f4:01:03', targetIp: '10.244.1.2', targetMac: podA },
    ]);
  });
  it('dns-answer swaps the datagram and fills rcode and answers', () => {
    const q: Header[] = [
      { layer: 'eth', src: podA, dst: cni0 },
      { layer: 'ipv4', src: '10.244.1.2', dst: '10.96.0.10', ttl: 64 },
      { layer: 'udp', sport: 51000, dport: 53 },
    ];
    const s = run(q, [{ op: 'dns-query', id: 7, qname: 'web.default.svc.cluster.local', qtype: 'A' }, { op: 'dns-answer', rcode: 'NOERROR', answers: ['10.96.0.20'] }]);
    expect(s.headers[2]).toEqual({ layer: 'udp', sport: 53, dport: 51000 });
    expect(s.headers[3]).toEqual({ layer: 'dns', id: 7, qname: 'web.default.svc.cluster.local', qtype: 'A', rcode: 'NOERROR', answers: ['10.96.0.20'] });
  });
});

describe('diffHeaders', () => {
  it('lines stacks up from the inside, so an encap marks only the new outer layers', () => {
    const inner = run(ping, [route]).headers;
    const outer = run(inner, [encap]).headers;
    expect(diffHeaders(inner, outer)).toEqual([{ layer: 0 }, { layer: 1 }, { layer: 2 }, { layer: 3 }]);
  });
  it('names the fields a route changed', () => {
    expect(diffHeaders(ping, run(ping, [route]).headers)).toEqual([
      { layer: 0, field: 'src', was: podA },
      { layer: 0, field: 'dst', was: cni0 },
      { layer: 1, field: 'ttl', was: 64 },
    ]);
  });
  it('names the outer layers a decap removed', () => {
    const inner = run(ping, [route]).headers;
    const outer = run(inner, [encap]).headers;
    expect(removedHeaders(outer, inner).map((h) => h.layer)).toEqual(['eth', 'ipv4', 'udp', 'vxlan']);
    expect(removedHeaders(inner, outer)).toEqual([]);
  });
});
