// DNS in the run. The client pod's resolv.conf is the scene's resolv rows
// (`ip netns exec` bind-mounts /etc/netns/<ns>/resolv.conf over
// /etc/resolv.conf), and the lookup is glibc's own (`getent`), so the search
// list, ndots and the A/AAAA pair are what glibc does, not what the scene
// says it does. The server is dns-server.ts, configured from the Corefile
// (zones, `ttl`, `forward`, `cache`) and the records the scene holds.
import type { Scene, SceneElement } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Cmd } from './types.ts';
import type { DnsRecord, DnsServerConfig } from './dns-server.ts';
import { bareIp, homeOf } from './names.ts';

/** The spare, down device that carries the client's IPv6 address (no scene names a device so). */
const SPARE_V6 = 'kh6spare';

/** The kubernetes plugin's TTL when the Corefile sets none. */
export const KUBERNETES_DEFAULT_TTL = 5;

export interface Lookup { netns: string; name: string; family: 'ahosts' | 'ahostsv4'; packets: string[]; what: string }
export interface DnsDaemon { netns: string; config: DnsServerConfig; what: string }
export interface DnsPlan {
  setup: Cmd[];
  /** resolv.conf per client namespace (written under /etc/netns/<ns>/ for the run, removed after it). */
  resolv: { netns: string; text: string }[];
  lookups: Lookup[];
  servers: DnsDaemon[];
  /** DNS packets the run reproduces. */
  served: Set<string>;
  /** Packet → why its DNS is not reproduced. */
  unbuilt: Record<string, string>;
  notes: string[];
  /**
   * A server's own query upstream (CoreDNS's forward), as glibc sends it from the server's namespace through the node's
   * resolv.conf: the run's stand-in when the client's lookup is not made (it crosses a shortcut), never besides it.
   */
  forwards: (Lookup & { resolv: string })[];
  /** Tables the run reads or writes (resolv.conf, Corefile, a watch): not "not built". */
  used: Set<string>;
}

const rowsOf = (t: SceneElement | undefined) => (t?.rows ?? []).filter((r) => !r.absent).map((r) => r.text);
const tableIn = (scene: Scene, home: string, type: string) => Object.values(scene.elements).find((e) => e.kind === 'table' && e.type === type && homeOf(scene, e.id) === home && e.parent === home);

interface Resolv { nameservers: string[]; search: string[] }
export function parseResolv(rows: string[]): Resolv {
  const out: Resolv = { nameservers: [], search: [] };
  for (const r of rows) {
    const w = r.trim().split(/\s+/);
    if (w[0] === 'nameserver' && w[1]) out.nameservers.push(w[1]);
    if (w[0] === 'search') out.search = w.slice(1);
  }
  return out;
}

/** `web.default.svc.cluster.local. 30 IN A 10.96.0.20` → a record; undefined for any other line. */
export function parseRecord(text: string): DnsRecord | undefined {
  const m = /^(\S+?)\.?\s+(\d+)\s+IN\s+(A|AAAA)\s+(\S+)$/.exec(text.trim());
  return m ? { name: m[1]!.toLowerCase(), ttl: Number(m[2]), type: m[3] as 'A' | 'AAAA', data: m[4]! } : undefined;
}

/** What the Corefile says: the kubernetes plugin's zones and TTL, where it forwards, the cache's cap. */
export function parseCorefile(rows: string[]): { zones: string[]; ttl: number; forward?: string; cache?: number } {
  const text = rows.join('\n');
  const k = /^\s*kubernetes\s+([^{\n]*)/m.exec(text);
  const zones = k ? k[1]!.trim().split(/\s+/).filter((z) => z && !z.endsWith('.arpa')) : [];
  const ttl = /\bttl\s+(\d+)/.exec(text);
  const fwd = /^\s*forward\s+\.\s+(\S+)/m.exec(text)?.[1];
  const cache = /^\s*cache\s+(\d+)/m.exec(text)?.[1];
  return { zones, ttl: ttl ? Number(ttl[1]) : KUBERNETES_DEFAULT_TTL, forward: fwd, cache: cache ? Number(cache) : undefined };
}

/** Services in a watch table (`data/db  ClusterIP 10.96.0.30`) as the kubernetes plugin would answer them. */
function watched(rows: string[], zone: string): DnsRecord[] {
  return rows.flatMap((r) => {
    const m = /^([a-z0-9-]+)\/([a-z0-9-]+)\s+ClusterIP\s+([\d.]+)$/.exec(r.trim());
    return m ? [{ name: `${m[2]}.${m[1]}.svc.${zone}`, type: 'A' as const, ttl: 0, data: m[3]! }] : [];
  });
}

export function dnsCommands(scene: Scene, steps: DerivedStep[], netnsOf: (id: string) => string | undefined): DnsPlan {
  const plan: DnsPlan = { setup: [], resolv: [], lookups: [], servers: [], served: new Set(), unbuilt: {}, notes: [], used: new Set(), forwards: [] };
  const use = (t: SceneElement | undefined) => (t && plan.used.add(t.id), t);
  const dnsPackets = scene.packets.filter((p) => p.headers.some((h) => h.layer === 'dns'));
  const order = [...new Set(steps.map((s) => s.packet))];
  dnsPackets.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const answersAt = (home: string) => steps.filter((s) => s.ops.includes('dns-answer') && homeOf(scene, s.at) === home);
  const records = (home: string) => answersAt(home).flatMap((s) => (s.headers.find((h) => h.layer === 'dns') as { answers?: string[] }).answers ?? []).map(parseRecord).filter((r) => r !== undefined);
  const servers = new Map<string, DnsDaemon>();
  const serverFor = (home: string, ttlFrom: 'corefile' | 'records'): DnsDaemon | undefined => {
    const ns = netnsOf(home);
    if (!ns) return undefined;
    if (servers.has(home)) return servers.get(home);
    const corefile = use(tableIn(scene, home, 'corefile'));
    const core = parseCorefile(rowsOf(corefile));
    // No Corefile drawn: its `ttl` is unknown, so the answer's own TTL is served (taken, like the address).
    const ownTtl = ttlFrom === 'records' || !corefile;
    const zones = ttlFrom === 'corefile' && core.zones.length > 0 ? core.zones : [...new Set(records(home).map((r) => r.name))];
    const watch = Object.values(scene.elements).filter((e) => e.kind === 'table' && e.type === 'cache' && homeOf(scene, e.id) === home).flatMap((t) => {
      const w = watched(rowsOf(t), zones[0] ?? 'cluster.local');
      if (w.length > 0) use(t);
      return w;
    });
    const inZone = (n: string) => zones.some((z) => n === z || n.endsWith(`.${z}`));
    // The watch is the cluster's state; an answer's record only where the watch says nothing of that name.
    const fromAnswers = records(home).filter((r) => inZone(r.name) && !watch.some((w) => w.name === r.name));
    const held = [...watch, ...fromAnswers];
    // Not silent: where the cluster's state is drawn nowhere else, the address is the scene's own and only the rest is checked.
    for (const r of fromAnswers) plan.notes.push(ownTtl && ttlFrom === 'corefile'
      ? `${home} serves ${r.name} ${r.type} ${r.data} with TTL ${r.ttl} as the scene's own answer shows it (no table of the scene holds that address, and it draws no Corefile): the address and TTL are taken, not checked; the name, type and rcode are`
      : `${home} serves ${r.name} ${r.type} ${r.data} as the scene's own answer shows it (no other table of the scene holds that address): the address is taken, not checked; the name, type, TTL and rcode are`);
    const config: DnsServerConfig = { port: 53, zones, records: held.map((r) => ({ ...r, ttl: ownTtl ? r.ttl : core.ttl })) };
    // `forward . /etc/resolv.conf`: the nameserver of the node's resolv.conf, when the scene has that host.
    const nodeResolv = core.forward === '/etc/resolv.conf' ? parseResolv(rowsOf(use(Object.values(scene.elements).find((e) => e.type === 'resolv' && e.parent === homeOf(scene, scene.elements[home]?.parent ?? ''))))).nameservers[0] : core.forward;
    const upstream = nodeResolv && Object.values(scene.elements).find((e) => e.ip !== undefined && bareIp(e.ip) === nodeResolv && homeOf(scene, e.id) !== undefined && e.kind !== 'node');
    if (ttlFrom === 'corefile' && upstream && nodeResolv) {
      config.forward = { ip: nodeResolv, port: 53, maxTtl: core.cache };
      const up = serverFor(homeOf(scene, upstream.id)!, 'records');
      if (!up) config.forward = undefined;
    } else if (ttlFrom === 'corefile') {
      // Nobody upstream in the scene: the names it forwards are answered as the scene's answers say.
      const outside = records(home).filter((r) => !inZone(r.name));
      config.records.push(...outside);
      config.zones.push(...new Set(outside.map((r) => r.name)));
      if (answersAt(home).some((s) => !inZone((s.headers.find((h) => h.layer === 'dns') as { qname: string }).qname))) plan.notes.push(`${home} forwards names outside ${zones.join(', ')} to an upstream the scene does not draw: the run's server answers them itself, as the scene's answers say (NXDOMAIN where they show no record)`);
    }
    const d: DnsDaemon = { netns: ns, config, what: `${home} answers DNS on UDP 53 (${zones.length ? zones.join(', ') : 'no zone'}${ownTtl ? '' : `, TTL ${core.ttl}`}${config.forward ? `, forwards to ${config.forward.ip}` : ''})` };
    servers.set(home, d);
    return d;
  };

  let current: Lookup | undefined;
  for (const p of dnsPackets) {
    const dns = p.headers.find((h) => h.layer === 'dns')!;
    if (dns.layer !== 'dns') continue;
    const home = homeOf(scene, p.origin);
    const resolvTable = home ? tableIn(scene, home, 'resolv') : undefined;
    const ns = home ? netnsOf(home) : undefined;
    const answer = steps.find((s) => s.packet === p.id && s.ops.includes('dns-answer'));
    const serverHome = answer ? homeOf(scene, answer.at) : undefined;
    // A query no resolv.conf sends is a server's own (CoreDNS forwarding): it comes with the client's lookup.
    if (!resolvTable) {
      const forwarder = home ? servers.get(home) : undefined;
      if (!ns || !serverHome || servers.size === 0) {
        plan.unbuilt[p.id] = `it is sent by ${p.origin}, which has no resolv table to look the name up with`;
        continue;
      }
      plan.served.add(p.id);
      const nodeResolv = forwarder?.config.forward && Object.values(scene.elements).find((e) => e.type === 'resolv' && e.parent === homeOf(scene, scene.elements[home!]?.parent ?? ''));
      if (nodeResolv && /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(dns.qname)) {
        const family = dns.qtype === 'AAAA' ? 'ahosts' : 'ahostsv4';
        plan.forwards.push({ netns: ns, name: dns.qname, family, packets: [p.id], resolv: `${rowsOf(nodeResolv).join('\n')}\n`, what: `getent ${family} ${dns.qname} in ${home}, through ${nodeResolv.id}: glibc standing in for CoreDNS's forward (its own query to the node's nameserver)` });
      }
      continue;
    }
    if (!ns) {
      plan.unbuilt[p.id] = `${p.origin} is not built`;
      continue;
    }
    // A query no step answers (no server, a REJECT on the way) needs no server: the run starts none for it.
    if (serverHome && !serverFor(serverHome, 'corefile')) {
      plan.unbuilt[p.id] = `its server ${serverHome} is not built`;
      continue;
    }
    const resolv = parseResolv(rowsOf(resolvTable));
    use(resolvTable);
    if (!plan.resolv.some((r) => r.netns === ns)) plan.resolv.push({ netns: ns, text: `${rowsOf(resolvTable).join('\n')}\n` });
    // Which name the app asked for is not in the scene's data, and must not come from the resolv rows under test: it is the first
    // query's name less the search domain kubelet writes first, `<namespace>.svc.<zone>` (the zone is the Corefile's).
    const zone = (serverHome && parseCorefile(rowsOf(tableIn(scene, serverHome, 'corefile'))).zones[0]) || 'cluster.local';
    const kubeletFirst = new RegExp(`^(.+)\\.[a-z0-9-]+\\.svc\\.${zone.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).exec(dns.qname);
    // A lookup goes on while its queries are the name with a search domain (or as is); the same question again starts another.
    const asked = (q: (h: { qname: string; qtype: string }) => boolean) => current?.packets.some((x) => scene.packets.find((y) => y.id === x)?.headers.some((h) => h.layer === 'dns' && q(h))) ?? false;
    const tries = current ? [...resolv.search.map((d) => `${current!.name}.${d}`), current.name] : [];
    const starts = !current || current.netns !== ns || asked((h) => h.qname === dns.qname && h.qtype === dns.qtype) || (!tries.includes(dns.qname) && !asked((h) => h.qname === dns.qname));
    if (starts) {
      const name = kubeletFirst ? kubeletFirst[1]! : dns.qname;
      // The name goes to getent as an argument: a name that could read as an option is not looked up.
      if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) {
        plan.unbuilt[p.id] = `the name ${JSON.stringify(name)} is not a host name getent can be asked for`;
        current = undefined;
        continue;
      }
      current = { netns: ns, name, family: 'ahostsv4', packets: [], what: '' };
      plan.lookups.push(current);
    }
    current!.packets.push(p.id);
    if (dns.qtype === 'AAAA') current!.family = 'ahosts';
    current!.what = `getent ${current!.family} ${current!.name} in ${home} (glibc's resolver, through the scene's resolv.conf)`;
    plan.served.add(p.id);
  }
  plan.servers = [...servers.values()];
  // glibc asks AAAA only when the host has an IPv6 address other than loopback (AI_ADDRCONFIG), as a pod has its link-local one
  // when IPv6 is on. The run keeps IPv6 off the scene's devices (their router solicitations would be frames no scene shows):
  // an address on a spare device that stays down gives glibc its reason and sends nothing.
  for (const ns of new Set(plan.lookups.filter((l) => l.family === 'ahosts').map((l) => l.netns))) {
    plan.setup.push(
      { argv: ['ip', '-n', ns, 'link', 'add', SPARE_V6, 'type', 'veth', 'peer', 'name', `${SPARE_V6}p`], why: `a spare device for an IPv6 address in ${ns}` },
      { argv: ['ip', 'netns', 'exec', ns, 'sysctl', '-q', '-w', `net.ipv6.conf.${SPARE_V6}.disable_ipv6=0`, `net.ipv6.conf.${SPARE_V6}.addr_gen_mode=1`], why: `IPv6 on for ${SPARE_V6} alone, with no link-local address` },
      { argv: ['ip', '-n', ns, 'addr', 'add', 'fd00:6b68::2/128', 'dev', SPARE_V6, 'nodad'], why: `an IPv6 address in ${ns}, so glibc asks AAAA as a pod with IPv6 on does` },
    );
    plan.notes.push(`${ns.slice(ns.indexOf('-', 3) + 1)} has an IPv6 address on a spare device that stays down (${SPARE_V6}): glibc asks AAAA only when the host has an IPv6 address (AI_ADDRCONFIG), as a pod with IPv6 on has its link-local one`);
  }
  // Reproduced only when a lookup sends it: a server's own query needs its client's.
  if (plan.lookups.length === 0) {
    for (const id of plan.served) (plan.served.delete(id), (plan.unbuilt[id] = 'no client in the scene looks a name up (no pod with a resolv table sends it)'));
    plan.used.clear();
  }
  return plan;
}
