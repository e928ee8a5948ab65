// The troubleshooting scenes of issue 13 (a default-deny NetworkPolicy, DNS
// across namespaces, a headless Service) checked against the facts each exists
// to show, computed from the derived steps (the golden traces pin every value).
import { describe, expect, it } from 'vitest';
import { first, load } from './scene-facts-load.ts';
import type { DerivedStep } from '../../src/derive/types.ts';

const lit = (s: DerivedStep) => s.highlight.map((h) => `${h.table}#${h.row}`);
const dns = (s: DerivedStep) => first(s, 'dns');

describe('default-deny NetworkPolicy (Calico)', () => {
  const { steps, ip } = load('networkpolicy-deny');
  const of = (p: string) => steps.filter((s) => s.packet === p);
  const drops = steps.filter((s) => s.end?.how === 'drop');

  it('drops the SYN, and its retransmission, on the server’s node at pod C’s cali veth, in the policy chain’s last rule', () => {
    expect(drops.map((s) => s.packet)).toEqual(['syn', 'syn-again']);
    for (const s of drops) {
      expect(s.at).toBe('node2/cali7f8e9d0c1b2');
      expect(lit(s)).toContain('node2/filter#tw-drop');
      expect(s.end).toMatchObject({ how: 'drop', reason: expect.stringContaining('Drop if no policies passed packet') });
      // Dropped after routing on node 2: TTL already lowered twice, addresses untouched (no NAT, no tunnel).
      expect(first(s, 'ipv4')).toMatchObject({ src: ip('pod-a/eth0'), dst: ip('pod-c/eth0'), ttl: 62 });
    }
  });

  it('nothing is delivered, and nothing comes back, for a dropped packet', () => {
    for (const d of drops) {
      const later = of(d.packet).filter((s) => s.index > d.index);
      expect(later).toEqual([]);
    }
    expect(steps.filter((s) => s.ops.includes('reply') || s.ops.includes('reject'))).toEqual([]);
    expect(steps.filter((s) => s.ops.includes('deliver')).map((s) => s.packet)).toEqual(['syn-3']);
  });

  it('the client waits the initial retransmission timeout, 1 s, before each new SYN of the same connection', () => {
    for (const p of ['syn-again', 'syn-3']) {
      const start = of(p)[0]!;
      expect(start.at).toBe('pod-a/eth0');
      expect(start.wait?.ms).toBe(1000);
    }
    const tcp = ['syn', 'syn-again', 'syn-3'].map((p) => first(of(p)[0]!, 'tcp'));
    for (const t of tcp) expect(t).toEqual(tcp[0]);
    expect(tcp[0]!.flags).toBe('SYN');
  });

  it('the allow rule appears before the third SYN, which is delivered to pod C with TTL 62 through allow-client’s chain', () => {
    const fix = of('syn-3')[0]!;
    expect(fix.tables!['node2/netpol']!.find((r) => r.id === 'allow')!.state).toBe('new');
    expect(drops.every((d) => d.tables!['node2/netpol']!.every((r) => r.id !== 'allow'))).toBe(true);
    const accepted = of('syn-3').find((s) => s.at === 'node2/cali7f8e9d0c1b2')!;
    expect(lit(accepted)).toEqual(expect.arrayContaining(['node2/filter#pi-allow', 'node2/filter#accept']));
    expect(accepted.end).toBeUndefined();
    const got = of('syn-3').find((s) => s.ops.includes('deliver'))!;
    expect(got.at).toBe('pod-c/eth0');
    expect(first(got, 'ipv4')).toMatchObject({ src: ip('pod-a/eth0'), dst: ip('pod-c/eth0'), ttl: 62 });
    expect(first(got, 'tcp').dport).toBe(8080);
  });
});

describe('DNS across namespaces', () => {
  const { steps } = load('dns-namespaces');
  const asked = (p: string) => dns(steps.find((s) => s.packet === p)!).qname;

  it('"db" goes through the whole search list of the client’s namespace, then as written, each answered NXDOMAIN', () => {
    expect(['try-1', 'try-2', 'try-3', 'try-4'].map(asked)).toEqual([
      'db.web.svc.cluster.local', 'db.svc.cluster.local', 'db.cluster.local', 'db',
    ]);
    for (const p of ['try-1', 'try-2', 'try-3', 'try-4']) {
      const back = steps.filter((s) => s.packet === p && s.at === 'app/eth0').at(-1)!;
      expect(dns(back).rcode).toBe('NXDOMAIN');
      expect(dns(back).answers ?? []).toEqual([]);
    }
  });

  it('"db.data" has fewer dots than ndots:5, so it too starts with the search list, and is found at the second try', () => {
    expect([asked('fix-1'), asked('fix-2')]).toEqual(['db.data.web.svc.cluster.local', 'db.data.svc.cluster.local']);
    const answered = steps.filter((s) => s.packet === 'fix-2').at(-1)!;
    expect(dns(answered).rcode).toBe('NOERROR');
    expect(dns(answered).answers).toEqual(['db.data.svc.cluster.local. 30 IN A 10.96.0.30']);
  });

  it('every answer reaches the app from the kube-dns ClusterIP it asked', () => {
    for (const s of steps.filter((x) => x.at === 'app/eth0' && x.ops.includes('undnat'))) {
      expect(first(s, 'ipv4').src).toBe('10.96.0.10');
    }
  });
});

describe('headless Service', () => {
  const { steps, scene, ip } = load('headless-service');
  const service = scene.elements['db']!;

  // CoreDNS's watch of the EndpointSlice, as the scene draws it: "<ip>  <pod>  ready: <bool>".
  const slice = scene.elements['coredns/watch']!.rows!.map((r) => r.text.split(/\s+/));
  const ready = slice.filter((r) => r.at(-1) === 'true');

  it('the Service is headless and lists as endpoints exactly the pods its EndpointSlice marks ready', () => {
    expect(service.headless).toBe(true);
    expect(service.endpoints).toEqual(ready.map((r) => r[1]));
    expect(slice.length).toBeGreaterThan(ready.length);
  });

  it('the name is answered with one A record per ready pod: the Service’s endpoints, no more, no ClusterIP', () => {
    const answer = steps.find((s) => s.packet === 'query' && s.ops.includes('dns-answer'))!;
    const addresses = dns(answer).answers!.map((a) => a.split(' ').at(-1));
    expect(addresses).toEqual(service.endpoints!.map((p) => ip(`${p}/eth0`)));
    expect(addresses).toEqual(ready.map((r) => r[0]));
    for (const r of slice.filter((x) => x.at(-1) !== 'true')) expect(addresses).not.toContain(r[0]);
  });

  it('the connection goes straight to a pod IP: no DNAT on its way, no un-DNAT on the reply', () => {
    const syn = steps.filter((s) => s.packet === 'syn');
    for (const s of syn) expect(s.ops.filter((o) => ['dnat', 'undnat', 'snat', 'masquerade'].includes(o))).toEqual([]);
    const got = syn.find((s) => s.ops.includes('deliver'))!;
    expect(got.at).toBe('db-0/eth0');
    expect(first(got, 'ipv4')).toMatchObject({ src: ip('app/eth0'), dst: ip('db-0/eth0'), ttl: 64 });
    expect(first(syn[0]!, 'ipv4')).toEqual(first(got, 'ipv4'));
    const back = syn.at(-1)!;
    expect(back.at).toBe('app/eth0');
    expect(first(back, 'ipv4').src).toBe(ip('db-0/eth0'));
  });
});
