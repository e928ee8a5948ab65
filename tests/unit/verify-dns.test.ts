// DNS, Cilium's socket rewrite and conntrack rows in verify, without root:
// the wire decoder, the run's DNS server (on loopback), the plan, the
// by-rule comparison of what the kernel and the resolver choose, and
// dns-service's steps against captures kept from a real run.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { DNS_SERVER, type DnsServerConfig } from '../../src/verify/dns-server.ts';
import { decodeDns, encodeQuery } from '../../src/verify/dns-wire.ts';
import { dnsCommands, parseCorefile, parseRecord } from '../../src/verify/dns.ts';
import { Bindings, matchSteps } from '../../src/verify/match.ts';
import { ctRowDiffers, parseCtLine } from '../../src/verify/conntrack.ts';
import { socketRewrites } from '../../src/verify/socket-lb.ts';
import { planScene } from '../../src/verify/plan.ts';
import { confined, etcDir, RunError } from '../../src/verify/run.ts';
import { netnsName, runPrefix } from '../../src/verify/names.ts';
import { homeOf } from '../../src/verify/names.ts';
import { checked, recorded } from './verify-load.ts';

/** Starts the run's server on a free loopback port; the caller kills it. */
async function serve(config: Omit<DnsServerConfig, 'port'>) {
  const child = spawn(process.execPath, ['-e', DNS_SERVER.replace('server.bind(cfg.port,', "server.bind(cfg.port, '127.0.0.1',"), JSON.stringify({ ...config, port: 0 })], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((res, rej) => {
    child.stderr.on('data', (d: Buffer) => {
      const m = /listening on (\d+)/.exec(d.toString());
      if (m) res(Number(m[1]));
    });
    child.once('exit', (c) => rej(new Error(`server exited ${c}`)));
  });
  return { port, stop: () => child.kill() };
}
async function ask(port: number, id: number, qname: string, qtype: 'A' | 'AAAA') {
  const s = dgram.createSocket('udp4');
  try {
    const got = new Promise<Buffer>((res) => s.once('message', res));
    s.send(encodeQuery(id, qname, qtype), port, '127.0.0.1');
    return decodeDns(await got);
  } finally {
    s.close();
  }
}

describe('verify DNS: wire and server', () => {
  it('decodes a query as the scenes write it, and an answer with its records as zone-file lines', async () => {
    expect(decodeDns(encodeQuery(4660, 'web.default.svc.cluster.local', 'A'))).toEqual({ layer: 'dns', id: 4660, qname: 'web.default.svc.cluster.local', qtype: 'A' });
    const srv = await serve({ zones: ['cluster.local'], records: [{ name: 'web.default.svc.cluster.local', type: 'A', ttl: 30, data: '10.96.0.20' }, { name: 'v6.cluster.local', type: 'AAAA', ttl: 5, data: 'fd00::1:0:0:2' }] });
    try {
      expect(await ask(srv.port, 7, 'web.default.svc.cluster.local', 'A')).toEqual({ layer: 'dns', id: 7, qname: 'web.default.svc.cluster.local', qtype: 'A', rcode: 'NOERROR', answers: ['web.default.svc.cluster.local. 30 IN A 10.96.0.20'] });
      // NODATA: the name exists, not with this type; NXDOMAIN: an unknown name of the zone.
      expect(await ask(srv.port, 8, 'web.default.svc.cluster.local', 'AAAA')).toMatchObject({ rcode: 'NOERROR', answers: [] });
      expect(await ask(srv.port, 9, 'web.svc.cluster.local', 'A')).toMatchObject({ id: 9, rcode: 'NXDOMAIN', answers: [] });
      expect(await ask(srv.port, 10, 'v6.cluster.local', 'AAAA')).toMatchObject({ answers: ['v6.cluster.local. 5 IN AAAA fd00::1:0:0:2'] });
    } finally {
      srv.stop();
    }
  });

  it('forwards a name outside its zones upstream under an id of its own, and caps the TTL as the cache does', async () => {
    const up = await serve({ zones: ['example.com'], records: [{ name: 'example.com', type: 'A', ttl: 300, data: '93.184.215.14' }] });
    const core = await serve({ zones: ['cluster.local'], records: [], forward: { ip: '127.0.0.1', port: up.port, maxTtl: 30 } });
    try {
      expect(await ask(core.port, 104, 'example.com', 'A')).toMatchObject({ id: 104, rcode: 'NOERROR', answers: ['example.com. 30 IN A 93.184.215.14'] });
      expect(await ask(core.port, 105, 'example.com.cluster.local', 'A')).toMatchObject({ rcode: 'NXDOMAIN' });
    } finally {
      up.stop();
      core.stop();
    }
  });

  it('reads the Corefile’s zones, ttl (the kubernetes plugin’s default 5 without one), forward and cache, and a record line', () => {
    expect(parseCorefile(['kubernetes cluster.local in-addr.arpa ip6.arpa {', '  pods insecure', '  ttl 30', '}', 'forward . /etc/resolv.conf', 'cache 30 { … }'])).toEqual({ zones: ['cluster.local'], ttl: 30, forward: '/etc/resolv.conf', cache: 30 });
    expect(parseCorefile(['kubernetes cluster.local in-addr.arpa ip6.arpa']).ttl).toBe(5);
    expect(parseRecord('Web.default.svc.cluster.local. 30 IN A 10.96.0.20')).toEqual({ name: 'web.default.svc.cluster.local', ttl: 30, type: 'A', data: '10.96.0.20' });
    expect(parseRecord('example.com. 30 IN MX mail.example.com')).toBeUndefined();
  });
});

describe('verify DNS: the plan', () => {
  it('dns-service: the pod’s resolv rows as its resolv.conf, glibc’s getent for “web” (A and AAAA), CoreDNS with the Corefile’s TTL', () => {
    const { scene, steps } = checked('scenes/dns-service.yaml');
    const plan = planScene(scene, steps, 'ab12');
    expect(plan.resolvFiles).toEqual([{ netns: 'kh-ab12-app', text: 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n' }]);
    expect(plan.sends.map((s) => s.argv.join(' '))).toEqual(['ip netns exec kh-ab12-app getent ahosts web']);
    expect(plan.dnsServers).toEqual([{ netns: 'kh-ab12-coredns', what: expect.stringContaining('TTL 30'), config: { port: 53, zones: ['cluster.local'], records: [{ name: 'web.default.svc.cluster.local', type: 'A', ttl: 30, data: '10.96.0.20' }] } }]);
    // kube-dns's ClusterIP is DNATed for UDP, from the scene's own rows.
    expect(plan.setup.map((c) => c.argv.join(' '))).toContain('ip netns exec kh-ab12-node1 iptables -w -t nat -A KUBE-SERVICES -d 10.96.0.10/32 -p udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU');
    // An IPv6 address on a device that stays down: glibc's AI_ADDRCONFIG then asks AAAA too.
    expect(plan.setup.map((c) => c.argv.join(' '))).toContain('ip -n kh-ab12-app addr add fd00:6b68::2/128 dev kh6spare nodad');
    for (const c of plan.setup) expect(confined(c.argv, plan.prefix), c.argv.join(' ')).toBe(true);
    expect(plan.sends.every((s) => confined(s.argv, plan.prefix))).toBe(true);
  });

  it('splits lookups where the first search domain is tried again, and asks A only when the scene shows no AAAA', () => {
    const ns = checked('scenes/dns-namespaces.yaml');
    const plan = dnsCommands(ns.scene, ns.steps, (id) => (homeOf(ns.scene, id) ? netnsName(runPrefix('ab12'), homeOf(ns.scene, id)!) : undefined));
    expect(plan.lookups.map((l) => [l.family, l.name, l.packets.join(' ')])).toEqual([['ahostsv4', 'db', 'try-1 try-2 try-3 try-4'], ['ahostsv4', 'db.data', 'fix-1 fix-2']]);
    // The watch table is the cluster's state: the kubernetes plugin's record for data/db.
    expect(plan.servers[0]!.config.records).toContainEqual({ name: 'db.data.svc.cluster.local', type: 'A', ttl: 30, data: '10.96.0.30' });
    const down = checked('scenes/coredns-down.yaml');
    const d = dnsCommands(down.scene, down.steps, (id) => (homeOf(down.scene, id) ? `kh-ab12-${homeOf(down.scene, id)}` : undefined));
    expect(d.lookups.map((l) => [l.family, l.name, l.packets.join(' ')])).toEqual([['ahostsv4', 'web', 'query'], ['ahostsv4', 'web', 'query-again']]);
  });

  it('dns-external: CoreDNS forwards to the node’s nameserver, the upstream host, which answers from its own records', () => {
    const ext = checked('scenes/dns-external.yaml');
    const plan = planScene(ext.scene, ext.steps, 'ab12');
    expect(plan.dnsServers.map((d) => [d.netns, d.config.forward?.ip, d.config.forward?.maxTtl])).toEqual([['kh-ab12-upstream', undefined, undefined], ['kh-ab12-coredns', '192.168.1.1', 30]]);
    expect(plan.dnsServers[0]!.config.records).toEqual([{ name: 'example.com', type: 'A', ttl: 300, data: '93.184.215.14' }]);
    // The client's lookup crosses a shortcut: glibc in CoreDNS's namespace stands in for its forward, through the node's resolv.conf.
    expect(plan.sends.map((s) => s.argv.join(' '))).toEqual(['ip netns exec kh-ab12-coredns getent ahostsv4 example.com']);
    expect(plan.resolvFiles).toContainEqual({ netns: 'kh-ab12-coredns', text: 'nameserver 192.168.1.1\n' });
    expect(plan.unsupported.forward).toBeUndefined();
  });

  it('writes resolv.conf only under the run’s own /etc/netns folders', () => {
    expect(etcDir('kh-ab12-app', 'kh-ab12-')).toBe('/etc/netns/kh-ab12-app');
    expect(() => etcDir('app', 'kh-ab12-')).toThrow(RunError);
    expect(() => etcDir('kh-ab12-../../x', 'kh-ab12-')).toThrow(RunError);
  });
});

describe('verify DNS: what the kernel and the resolver choose, by rule', () => {
  it('one kernel value wherever the scene shows one value, and two for two', () => {
    const b = new Bindings();
    expect(b.check('client port', 43001, 53780)).toBeUndefined();
    b.bind('client port', 43001, 53780);
    expect(b.check('client port', 43001, 53780)).toBeUndefined();
    expect(b.check('client port', 43001, 40000)).toMatch(/^43001, i\.e\. 53780, the client port the kernel used wherever the scene shows 43001$/);
    expect(b.check('client port', 51002, 53780)).toMatch(/^51002, a client port other than 53780, which the scene shows as 43001$/);
  });

  it('dns-service against a real run’s captures: every step ✓ but those one tcpdump tap on cni0 cannot tell apart', () => {
    const { scene, steps } = checked('scenes/dns-service.yaml');
    const rs = matchSteps(scene, steps, recorded('dns-service'), {});
    expect(rs.filter((r) => r.status === 'ok').map((r) => r.index + 1)).toEqual([1, 2, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, 19, 20]);
    expect(rs.filter((r) => r.status === 'not-verified').map((r) => r.index + 1)).toEqual([3, 8, 13, 18]);
    const first = rs[0]!;
    expect(first.status === 'ok' && first.notes.some((n) => /^udp\.sport \d+ chosen by the kernel \(the scene shows 43001\)/.test(n))).toBe(true);
  });

  it('fails an A answer whose record differs, and a query the resolver never sent', () => {
    const { scene, steps } = checked('scenes/dns-service.yaml');
    // As derive would carry it: the answer's record from the answering step on.
    const wrong = steps.map((s) => (s.packet === 'query-a' && s.index >= 5 ? { ...s, headers: s.headers.map((h) => (h.layer === 'dns' ? { ...h, answers: ['web.default.svc.cluster.local. 30 IN A 10.96.0.21'] } : h)) } : s));
    const bad = matchSteps(scene, wrong, recorded('dns-service'), {}).find((r) => r.status === 'differs')!;
    expect(bad).toMatchObject({ index: 5, mismatches: [{ field: 'dns.answers', scene: ['web.default.svc.cluster.local. 30 IN A 10.96.0.21'], kernel: ['web.default.svc.cluster.local. 30 IN A 10.96.0.20'] }] });
    const renamed = steps.map((s) => (s.packet === 'query-a' ? { ...s, headers: s.headers.map((h) => (h.layer === 'dns' ? { ...h, qname: 'web.svc.cluster.local' } : h)) } : s));
    expect(matchSteps(scene, renamed, recorded('dns-service'), {})[0]).toMatchObject({ status: 'differs', mismatches: [{ field: 'dns.qname', scene: 'web.svc.cluster.local', kernel: 'web.default.svc.cluster.local' }] });
  });
});

describe('verify conntrack rows', () => {
  const line = 'udp      17 29 src=10.244.1.2 dst=10.96.0.10 sport=53780 dport=53 src=10.244.1.9 dst=10.244.1.2 sport=53 dport=53780 mark=0 use=1';
  it('reads conntrack -L and matches the abridged row, the client’s port by rule', () => {
    expect(parseCtLine(line)).toEqual({ proto: 'udp', orig: ['10.244.1.2', '10.96.0.10', '53780', '53'], reply: ['10.244.1.9', '10.244.1.2', '53', '53780'], unreplied: false });
    const row = 'udp 10.244.1.2:43001 → 10.96.0.10:53  reply: 10.244.1.9:53 → 10.244.1.2:43001';
    expect(ctRowDiffers(row, line, new Set([43001]))).toBeUndefined();
    // Not chosen: the port must be the scene's.
    expect(ctRowDiffers(row, line, new Set())).toMatch(/^conntrack -L there shows “udp 10\.244\.1\.2:53780 → 10\.96\.0\.10:53  reply: 10\.244\.1\.9:53 → 10\.244\.1\.2:53780”$/);
  });
  it('fails an entry the kernel no longer marks unreplied, a reply tuple that is not the DNAT’s, and a chosen port used for two', () => {
    expect(ctRowDiffers('udp 10.244.1.2:43001 → 10.96.0.10:53 [UNREPLIED]  reply: 10.244.1.9:53 → 10.244.1.2:43001', line, new Set([43001]))).toMatch(/^conntrack -L there shows/);
    expect(ctRowDiffers('udp 10.244.1.2:43001 → 10.96.0.10:53  reply: 10.244.1.8:53 → 10.244.1.2:43001', line, new Set([43001]))).toMatch(/^conntrack -L there shows/);
    expect(ctRowDiffers('udp 10.244.1.2:43001 → 10.96.0.10:53  reply: 10.244.1.9:53 → 10.244.1.2:43002', line, new Set([43001, 43002]))).toBeUndefined();
    expect(ctRowDiffers('tcp 1.2.3.4:1 to 5.6.7.8:2', line, new Set())).toMatch(/not written as/);
  });
});

describe('verify: Cilium’s socket rewrite', () => {
  it('sends the packet as the rewritten socket would, straight to the backend, and leaves the rewrite itself not verified', () => {
    const { scene, steps } = checked('scenes/cilium-socket-lb.yaml');
    const r = socketRewrites(scene, steps).get('syn')!;
    expect(r.device).toBe('pod-a/eth0');
    expect(r.headers.find((h) => h.layer === 'ipv4')).toMatchObject({ dst: '10.244.2.5' });
    expect(Object.keys(r.unverified).map(Number)).toEqual([0, 1, 14]);
    const plan = planScene(scene, steps, 'ab12');
    expect(plan.sends.map((s) => s.argv.slice(-3))).toEqual([['10.244.2.5', '8080', '40312']]);
    // No iptables stand-in for the socket's rewrite.
    expect(plan.setup.some((c) => c.argv.includes('DNAT'))).toBe(false);
    expect(plan.setup.map((c) => c.argv.join(' '))).toContain('ip -n kh-ab12-pod-a route replace default via 169.254.1.1 dev eth0');
  });
});
