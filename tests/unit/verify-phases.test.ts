// Rules a scene changes part-way: which rules stand at each send, what is
// run between sends, and which steps cannot be verified and why.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkScene } from '../../src/pipeline.ts';
import { planScene } from '../../src/verify/plan.ts';
import { transition } from '../../src/verify/phases.ts';
import { confined } from '../../src/verify/run.ts';
import type { Plan } from '../../src/verify/types.ts';

/** A bundled scene planned, after edits to its text (each must apply). */
function plan(file: string, edits: [string, string][] = []): Plan {
  let edited = readFileSync(file, 'utf8');
  for (const [from, to] of edits) {
    if (!edited.includes(from)) throw new Error(`${file} no longer contains ${from}: update this test's edit`);
    edited = edited.replace(from, to);
  }
  const c = checkScene(edited, file);
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
  return planScene(c.scene, c.steps, 'ab12');
}
const words = (cmds: { argv: string[] }[] = []) => cmds.map((c) => c.argv.slice(c.argv[1] === 'netns' ? 4 : 3).join(' '));
const FIX = '    rows: [{ remove: node1/filter#reject }, { add: node1/nat#svc }, { add: node1/nat#sep }]\n';

describe('verify phases: coredns-down, whose step 7 swaps the REJECT for a DNAT', () => {
  const p = plan('scenes/coredns-down.yaml');
  const [outage, fixed] = p.sends;

  it('builds the REJECT and no DNAT with the topology: the tables as they stand when the first query is sent', () => {
    const setup = words(p.setup.filter((c) => c.argv.includes('iptables')));
    expect(setup.some((l) => l.includes('-j REJECT'))).toBe(true);
    expect(setup.some((l) => l.includes('DNAT'))).toBe(false);
    expect(outage!.before).toBeUndefined();
  });

  it('before the second lookup, rewrites node 1’s filter and nat tables as they stand at step 7: no REJECT, kube-dns’s DNAT to CoreDNS', () => {
    const before = words(fixed!.before);
    expect(before.slice(0, 3)).toEqual(['sysctl -q -e -w net.bridge.bridge-nf-call-iptables=1', 'iptables -w -t filter -F', 'iptables -w -t filter -X']);
    expect(before).toContain('iptables -w -t filter -A FORWARD -m conntrack --ctstate NEW -m comment --comment kubernetes service portals -j KUBE-SERVICES');
    expect(before.some((l) => l.includes('REJECT'))).toBe(false);
    expect(before.indexOf('iptables -w -t nat -F')).toBeGreaterThan(0);
    expect(before.at(-1)).toBe('iptables -w -t nat -A KUBE-SEP-YIL6JZP7A3QYXJU2 -p udp -j DNAT --to-destination 10.244.1.9:53');
    for (const c of fixed!.before!) expect(confined(c.argv, p.prefix)).toBe(true);
    expect(p.notes).toContain("before getent ahostsv4 web in app (glibc's resolver, through the scene's resolv.conf): the kernel is brought to the tables as they stand at step 7 (step 7: node1/filter#reject removed, node1/nat#svc added, node1/nat#sep added): the node1 filter and node1 nat tables are written again, whole, as kube-proxy's iptables-restore rewrites a table");
  });

  it('leaves no step unverified for the change', () => {
    expect(p.unsupported).toEqual({});
    expect(p.unverifiedSteps).toEqual({});
  });

  it('a change between two hops of one packet stays unapplied: the hops after it are not verified, saying when the packet was sent', () => {
    // The fix moved from step 7 (the query leaves the app) to step 8 (it reaches node 1).
    const mid = plan('scenes/coredns-down.yaml', [[`${FIX}    highlight: [node1/nat#svc, node1/nat#sep]\n`, ''], ['    to: node1/veth3a9f\n    caption: The new query', `    to: node1/veth3a9f\n${FIX}    caption: The new query`]]);
    expect(mid.sends[1]!.before).toBeUndefined();
    expect(Object.keys(mid.unverifiedSteps).map(Number)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(mid.unverifiedSteps[7]).toBe('the rules change at step 8 (node1/filter#reject removed, node1/nat#svc added, node1/nat#sep added) while this packet is on its way (the run sends it at step 7): the run changes rules only before it sends a packet');
  });

  it('a row that is no rule cannot be applied: every step from its change on is not verified, naming the row', () => {
    const abridged = plan('scenes/coredns-down.yaml', [['"KUBE-SEP-YIL6JZP7A3QYXJU2: DNAT to 10.244.1.9:53"', '"KUBE-SEP-YIL6JZP7A3QYXJU2: to the coredns pod"']]);
    expect(Object.keys(abridged.unverifiedSteps).map(Number)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(abridged.unverifiedSteps[6]).toBe("step 7 adds node1/nat#sep (“KUBE-SEP-YIL6JZP7A3QYXJU2: to the coredns pod”), which is neither a rule as `iptables -S` prints it nor a kube-proxy nat row the run reads: the kernel's rules stay as they were");
  });
});

describe('verify phases: service-no-endpoints', () => {
  it('connects first against the REJECT, then, after step 7’s rows, through the DNAT to pod B', () => {
    const p = plan('scenes/service-no-endpoints.yaml');
    expect(p.sends.map((s) => s.what)).toEqual(['TCP connection to 10.96.0.20:80 from pod-a/eth0 port 40312', 'TCP connection to 10.96.0.20:80 from pod-a/eth0 port 40318']);
    expect(words(p.setup).some((l) => l.includes('--reject-with icmp-port-unreachable'))).toBe(true);
    expect(words(p.sends[1]!.before)).toContain('iptables -w -t nat -A KUBE-SEP-4XJQ2LMT -p tcp -j DNAT --to-destination 10.244.1.3:8080');
    expect(words(p.sends[1]!.before).some((l) => l.includes('REJECT'))).toBe(false);
    expect(p.unverifiedSteps).toEqual({});
  });
});

describe('verify phases: routes a step changes', () => {
  const ROUTES = `          - { kind: device, name: eth0, type: veth, ip: 10.244.1.2/24, mac: 0a:58:0a:f4:01:02 }
          - kind: table
            name: routes
            type: routes
            beside: eth0
            rows:
              - { id: default, text: default via 10.244.1.1 dev eth0 }
              - { id: old, text: 10.0.0.0/8 via 10.244.1.1 dev eth0 }
              - { id: svc, text: 10.96.0.0/12 via 10.244.1.1 dev eth0, initially: absent }
`;
  const edits = (svc: string): [string, string][] => [
    ['          - { kind: device, name: eth0, type: veth, ip: 10.244.1.2/24, mac: 0a:58:0a:f4:01:02 }\n', ROUTES.replace('10.96.0.0/12 via 10.244.1.1 dev eth0', svc)],
    ['    rows: [{ remove: node1/filter#reject },', '    rows: [{ add: pod-a/routes#svc }, { remove: pod-a/routes#old }, { remove: node1/filter#reject },'],
  ];

  it('installs a route a step adds, and takes back one it removes, before the packet that starts after it', () => {
    const p = plan('scenes/service-no-endpoints.yaml', edits('10.96.0.0/12 via 10.244.1.1 dev eth0'));
    expect(words(p.setup)).toContain('route replace 10.0.0.0/8 via 10.244.1.1 dev eth0');
    expect(words(p.setup)).not.toContain('route replace 10.96.0.0/12 via 10.244.1.1 dev eth0');
    const before = words(p.sends[1]!.before);
    expect(before.slice(0, 2)).toEqual(['route del 10.0.0.0/8 via 10.244.1.1 dev eth0', 'route replace 10.96.0.0/12 via 10.244.1.1 dev eth0']);
    expect(p.notes.find((n) => n.startsWith('before TCP connection'))).toMatch(/\(step 7: pod-a\/routes#svc added, pod-a\/routes#old removed, node1\/filter#reject removed, .*\): the node1 filter and node1 nat tables are written again, whole, .*; 2 route, neighbour or FDB entries installed or taken back$/);
    expect(p.unverifiedSteps).toEqual({});
  });

  it('a route row the run cannot read is not applied: the steps from its change on are not verified', () => {
    const p = plan('scenes/service-no-endpoints.yaml', edits('the Service range through cni0'));
    expect(Object.keys(p.unverifiedSteps).map(Number)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(p.unverifiedSteps[6]).toMatch(/^step 7 adds pod-a\/routes#svc \(“the Service range through cni0”\), which is no route the run can install \(.+\): the kernel's routes stay as they were$/);
  });
});

describe('verify phases: from one state to the next', () => {
  const ipt = (table: string, ...a: string[]) => ({ argv: ['ip', 'netns', 'exec', 'kh-1-n', 'iptables', '-w', '-t', table, ...a], why: '' });
  const route = { argv: ['ip', '-n', 'kh-1-n', 'route', 'replace', 'default', 'dev', 'eth0'], why: '' };

  it('rewrites only the tables that differ, whole, and runs the other commands that are new', () => {
    const from = [ipt('filter', '-A', 'FORWARD', '-j', 'DROP'), ipt('nat', '-A', 'OUTPUT', '-j', 'X')];
    const to = [ipt('filter', '-A', 'FORWARD', '-j', 'ACCEPT'), ipt('nat', '-A', 'OUTPUT', '-j', 'X'), route];
    expect(words(transition(from, to))).toEqual(['route replace default dev eth0', 'iptables -w -t filter -F', 'iptables -w -t filter -X', 'iptables -w -t filter -A FORWARD -j ACCEPT']);
    expect(transition(to, to)).toEqual([]);
  });

  it('empties a table whose rules are all gone', () => {
    expect(words(transition([ipt('nat', '-A', 'OUTPUT', '-j', 'X')], []))).toEqual(['iptables -w -t nat -F', 'iptables -w -t nat -X']);
  });
});
