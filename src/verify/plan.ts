// Scene → the commands that build it in network namespaces, what to capture
// and what to send. Pure: the run executes the plan, tests read it.
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Capture, Cmd, Plan, Send } from './types.ts';
import { homeOf, netnsName, runPrefix } from './names.ts';
import { withHosts } from './hosts.ts';
import { deviceCommands, vxlanParams } from './devices.ts';
import { tableCommands } from './table-commands.ts';
import { unbuiltDrops, unsupportedReason } from './support.ts';
import { sendFor } from './traffic.ts';
import { tableChecks } from './table-check.ts';
import { natCommands } from './nat.ts';
import { uplinkCommands, type RulePlan } from './rules.ts';
import { phases, rulesAt } from './phases.ts';
import { listeners, retransmissions } from './tcp.ts';
import { lanSegments, portName } from './lan.ts';
import { masqCommands } from './masq.ts';
import { calicoCommands } from './calico.ts';
import { dnsCommands } from './dns.ts';
import { socketRewrites } from './socket-lb.ts';

export function planScene(drawn: Scene, steps: DerivedStep[], short: string): Plan {
  const scene = withHosts(drawn);
  const prefix = runPrefix(short);
  const homes = Object.values(scene.elements).filter((e) => homeOf(scene, e.id) === e.id);
  const nsOfHome = new Map(homes.map((h) => [h.id, netnsName(prefix, h.id)]));
  const netnsOf = (id: string) => {
    const home = homeOf(scene, id);
    return home === undefined ? undefined : nsOfHome.get(home);
  };
  const segments = lanSegments(scene, prefix, netnsOf);
  const namespaces = [...nsOfHome.values(), ...segments.map((g) => g.netns)];
  const setup: Cmd[] = [];
  for (const ns of namespaces) setup.push({ argv: ['ip', 'netns', 'add', ns], why: `namespace ${ns}` });
  for (const h of homes) {
    const ns = nsOfHome.get(h.id)!;
    // No IPv6: its router solicitations and MLD reports would be frames the scene never shows.
    const sysctls = ['net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1'];
    if (h.kind === 'node') sysctls.push('net.ipv4.ip_forward=1');
    setup.push({ argv: ['ip', 'netns', 'exec', ns, 'sysctl', '-q', '-w', ...sysctls], why: `${h.id}: ${h.kind === 'node' ? 'forwarding on, ' : ''}IPv6 off` });
    setup.push({ argv: ['ip', '-n', ns, 'link', 'set', 'dev', 'lo', 'up'], why: `${h.id}'s loopback` });
  }
  const devices = deviceCommands(scene, steps, { netnsOf, segments });
  setup.push(...devices.setup);
  // What cannot be built; the routes, neighbours and FDB entries themselves are built per state (phases.ts).
  const tables = tableCommands(scene, netnsOf, devices.built);
  const calico = calicoCommands(scene, netnsOf, devices.built);
  setup.push(...calico.setup);
  // Every step's DNAT, for its notes and its rule in words; the rules themselves are built per state (phases.ts).
  const nat = natCommands(scene, steps, netnsOf);
  const masq = masqCommands(scene, steps, netnsOf);
  const states = new Map<number, ReturnType<typeof rulesAt>>();
  const stateAt = (k: number) => states.get(k) ?? states.set(k, rulesAt(scene, steps, netnsOf, devices.built, calico.uplinks, masq.setup, k)).get(k)!;
  const every = (steps.length > 0 ? steps : [{ index: -1 }]).map((s) => stateAt(s.index).rules);
  const union = (f: (r: RulePlan) => Set<string>) => new Set(every.flatMap((r) => [...f(r)]));
  const rules = { rejecting: union((r) => r.rejecting), dropping: union((r) => r.dropping), skipped: [...new Map(every.flatMap((r) => r.skipped).map((k) => [`${k.table} ${k.row}`, k])).values()] };
  const uplinks = uplinkCommands(scene, netnsOf, union((r) => r.uplinked));
  setup.push(...uplinks.setup);

  const dns = dnsCommands(scene, steps, netnsOf);
  setup.push(...dns.setup);

  const rewritten = socketRewrites(scene, steps);

  const unsupported: Record<string, string> = {};
  const again = retransmissions(scene);
  for (const id of new Set([...scene.packets.map((p) => p.id), ...steps.map((s) => s.packet)])) {
    const reason = [again[id], nat.unbuilt[id], dns.unbuilt[id], unsupportedReason(scene, steps, id, { canReject: (at) => rules.rejecting.has(netnsOf(at) ?? ''), sourceNat: masq.built.has(id), proxied: calico.proxied, dns: dns.served, socketSent: new Set(rewritten.keys()) })].filter(Boolean).join('; ');
    if (reason) unsupported[id] = reason;
  }
  // Packets in the order their first step comes; ARP requests last so they know whether a ping will cause them.
  const order = [...new Set(steps.map((s) => s.packet))].filter((p) => !unsupported[p] && scene.packets.some((x) => x.id === p));
  const sends: Send[] = [];
  const isArp = (id: string) => scene.packets.find((p) => p.id === id)?.headers.some((h) => h.layer === 'arp') ?? false;
  for (const id of [...order.filter((p) => !isArp(p)), ...order.filter(isArp)]) {
    const origin = scene.packets.find((p) => p.id === id)!.origin;
    // A socket eBPF rewrites sends the rewritten packet: the run sends that one from the socket's device.
    const r = rewritten.get(id);
    const sendScene = r ? { ...scene, packets: scene.packets.map((p) => (p.id === id ? { ...p, origin: r.device, headers: r.headers } : p)) } : scene;
    const s = sendFor(sendScene, id, netnsOf(origin)!, sends);
    if (s && r) s.what += `, as the socket Cilium's connect4 program rewrote sends it (${origin})`;
    if (s) sends.push(s);
  }
  for (const l of dns.lookups) {
    const why = l.packets.map((p) => unsupported[p] && `${p}: ${unsupported[p]}`).find(Boolean);
    if (why) {
      // The server's own queries (CoreDNS forwarding) come with a client's lookup; without one, glibc stands in for the forward.
      for (const id of dns.served) {
        if (unsupported[id] || dns.lookups.some((x) => x.packets.includes(id)) || sends.some((s) => s.packet === id)) continue;
        const f = dns.forwards.find((x) => x.packets.includes(id));
        if (!f) {
          unsupported[id] = `it is sent for a lookup that is not made (${why})`;
          continue;
        }
        if (!dns.resolv.some((r) => r.netns === f.netns)) dns.resolv.push({ netns: f.netns, text: f.resolv });
        sends.push({ packet: id, netns: f.netns, argv: ['ip', 'netns', 'exec', f.netns, 'getent', f.family, f.name], what: f.what });
        dns.notes.push(`${id} is sent by glibc in ${f.netns.slice(prefix.length)} through the node's resolv.conf, standing in for CoreDNS's forward: the client's lookup is not made (${why})`);
      }
      continue;
    }
    sends.push({ packet: l.packets[0]!, netns: l.netns, argv: ['ip', 'netns', 'exec', l.netns, 'getent', l.family, l.name], what: l.what });
  }
  sends.sort((a, b) => order.indexOf(a.packet) - order.indexOf(b.packet));
  const madeBy = (s: Send) => [...dns.lookups, ...dns.forwards].find((l) => l.netns === s.netns && l.packets[0] === s.packet)?.packets ?? [s.packet];
  const ph = phases(scene, steps, sends, madeBy, (k) => stateAt(k).setup, unsupported);
  setup.push(...ph.setup);
  sends.forEach((s, i) => ph.before[i]!.length > 0 && (s.before = ph.before[i]));

  const captures: Capture[] = [];
  for (const s of steps) {
    const dev = scene.elements[s.at];
    if (unsupported[s.packet] || dev?.kind !== 'device' || !devices.built.has(dev.id) || captures.some((c) => c.device === dev.id)) continue;
    captures.push({ device: dev.id, netns: netnsOf(dev.id)!, ifname: dev.name });
  }
  const vxlanPorts = [...new Set(Object.values(scene.elements).flatMap((e) => (e.type === 'vxlan' ? [vxlanParams(steps, scene, e.id)?.dport ?? []].flat() : [])))];
  const checks = tableChecks(scene, steps, netnsOf, unsupported);
  const switchPorts = segments.map((g) => ({ netns: g.netns, ports: g.ends.map((_, n) => portName(n)) }));
  return { prefix, namespaces, switchPorts, setup, captures, sends, listeners: listeners(scene, steps.filter((s) => !unsupported[s.packet]), netnsOf), notes: [...uplinks.notes, ...nat.notes, ...masq.notes, ...dns.notes, ...calico.notes, ...ph.notes], resolvFiles: dns.resolv, dnsServers: dns.servers, dnatRules: nat.rules, unsupported, unverifiedSteps: { ...ph.unverified, ...unbuiltDrops(steps, (at) => rules.dropping.has(netnsOf(at) ?? '')), ...Object.assign({}, ...[...rewritten.values()].map((r) => r.unverified)) }, skipped: [...devices.skipped, ...tables.skipped.filter((t) => !dns.used.has(t.table)), ...rules.skipped], vxlanPorts, tableChecks: checks.checks, tablesUnchecked: checks.unchecked };
}
