// The scene's routing, neighbour and FDB tables as kernel state, each row in
// its node's or pod's namespace, as the rows stand at one point of the scene
// (phases.ts). Learned entries and rows this slice cannot read are left out,
// with the reason.
import type { Scene, SceneElement } from '../scene/model.ts';
import type { Cmd, Skipped } from './types.ts';
import { linkLayerRow, routeRow } from './rows.ts';
import { bareIp } from './names.ts';

/**
 * The step that adds a route row the run installs from the start, or undefined: a BGP update's result (BGP is
 * not run, the route BIRD installs is), or a step on the topology (the run builds the topology as the scene ends up).
 */
export function builtFromStart(scene: Scene, table: string, row: string): { step: number; bgp: boolean } | undefined {
  const i = scene.steps.findIndex((st) => st.rows?.some((c) => c.op === 'add' && c.table === table && c.row === row));
  if (i < 0) return undefined;
  if (scene.steps[i]!.packet === '') return { step: i, bgp: false };
  const packet = scene.packets.find((p) => p.id === scene.steps[i]?.packet);
  return packet?.headers.some((h) => h.layer === 'bgp') ? { step: i, bgp: true } : undefined;
}

/** The IPv4 prefix a `10.244.1.2/24` address is on (`10.244.1.0/24`). */
export function subnetOf(cidr: string): string | undefined {
  const [ip, len] = cidr.split('/');
  if (len === undefined) return undefined;
  const n = Number(len);
  const v = ip!.split('.').reduce((a, o) => a * 256 + Number(o), 0);
  const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  const net = (v & mask) >>> 0;
  return `${[24, 16, 8, 0].map((s) => (net >>> s) & 255).join('.')}/${n}`;
}

export function contains(cidr: string, ip: string): boolean {
  const len = cidr.split('/')[1];
  return len !== undefined && subnetOf(`${bareIp(ip)}/${len}`) === subnetOf(cidr);
}

/** `rowsOf`: the rows as they stand when a packet is sent (phases.ts); without it, as declared. */
export function tableCommands(scene: Scene, netnsOf: (id: string) => string | undefined, built: Set<string>, rowsOf?: (t: SceneElement) => { id: string; text: string }[]): { setup: Cmd[]; skipped: Skipped[] } {
  const setup: Cmd[] = [];
  const skipped: Skipped[] = [];
  const tables = Object.values(scene.elements).filter((e) => e.kind === 'table');
  const devIn = (ns: string, name: string) => Object.values(scene.elements).find((d) => d.kind === 'device' && d.name === name && netnsOf(d.id) === ns);
  for (const t of tables) {
    const ns = netnsOf(t.id);
    if (ns === undefined) continue;
    // A conntrack table is the kernel's to fill: its rows are compared after the run (table-check.ts), nothing is built.
    if (t.type === 'conntrack') continue;
    if (t.type !== 'routes' && t.type !== 'fdb' && t.type !== 'neigh') {
      const reason = t.type === 'iptables'
        ? 'rows written as `iptables -S` prints them are built as they stand; abridged rows only where a dnat or masquerade step uses them; the rows themselves are not compared'
        : `${t.type} tables are not built in this slice`;
      skipped.push({ table: t.id, row: `(${t.rows?.length ?? 0} rows)`, reason });
      continue;
    }
    const now = rowsOf?.(t);
    // In a state, its rows, and those built from the start whatever the state (a BGP update's route, the topology's).
    const rows = now ? [...now, ...(t.rows ?? []).filter((r) => r.absent && !now.some((x) => x.id === r.id))] : (t.rows ?? []);
    for (const row of rows) {
      const skip = (reason: string) => skipped.push({ table: t.id, row: row.text, reason });
      const absent = (t.rows ?? []).find((r) => r.id === row.id)?.absent === true;
      const bird = absent && t.type === 'routes' ? builtFromStart(scene, t.id, row.id) : undefined;
      if (absent && bird === undefined && !now?.includes(row)) {
        skip('starts absent: a step adds it; the run installs it before the first packet sent after that step');
        continue;
      }
      if (t.type === 'routes') {
        const r = routeRow(row.text);
        if (r.kind !== 'route') {
          skip(r.kind === 'skip' ? r.reason : 'not a route');
          continue;
        }
        const devName = r.args[r.args.indexOf('dev') + 1];
        const dev = r.args.includes('dev') ? devIn(ns, devName!) : undefined;
        if (r.args.includes('dev') && (!dev || !built.has(dev.id))) {
          skip(`its device ${devName} is not built here`);
          continue;
        }
        // The kernel adds a connected route with each address; installing it again would only rename its origin.
        if (dev?.ip && !r.args.includes('via') && subnetOf(dev.ip) === r.args[0]) continue;
        setup.push({ argv: ['ip', '-n', ns, 'route', 'replace', ...r.args], why: `${t.id}#${row.id}: ${row.text}${bird === undefined ? '' : bird.bgp ? ` (the route BIRD installs once step ${bird.step + 1}'s BGP update arrives: BGP is not run, its route is)` : ` (step ${bird.step + 1} makes it on the topology, built as the scene ends up)`}` });
      } else if (t.type === 'fdb' || t.type === 'neigh') {
        const r = linkLayerRow(row.text);
        const dev = r.kind === 'skip' ? undefined : devIn(ns, r.dev);
        if (r.kind === 'skip') skip(r.reason);
        else if (!dev || !built.has(dev.id)) skip(`its device ${r.dev} is not built here`);
        else if (r.kind === 'learned') skip('a bridge learns it from traffic, so the run does not install it');
        else if (r.kind === 'neigh') setup.push({ argv: ['ip', '-n', ns, 'neigh', 'replace', r.ip, 'lladdr', r.mac, 'dev', r.dev, 'nud', 'permanent'], why: `${t.id}#${row.id}: ${row.text}` });
        else setup.push({ argv: ['bridge', '-n', ns, 'fdb', 'append', r.mac, 'dev', r.dev, 'dst', r.dst, 'self', 'permanent'], why: `${t.id}#${row.id}: ${row.text}` });
      }
    }
  }
  // A gateway must be reachable before a route can go via it: routes on a link first.
  const via = (c: Cmd) => c.argv.includes('route') && c.argv.includes('via');
  setup.sort((a, b) => Number(via(a)) - Number(via(b)));
  setup.push(...impliedDefaults(scene, netnsOf, built, tables));
  return { setup, skipped };
}

/**
 * A pod whose routes the scene does not draw still has the route its CNI
 * plugin installs: default via the bridge on its subnet (its gateway).
 */
function impliedDefaults(scene: Scene, netnsOf: (id: string) => string | undefined, built: Set<string>, tables: SceneElement[]): Cmd[] {
  const out: Cmd[] = [];
  for (const pod of Object.values(scene.elements).filter((e) => e.kind === 'pod')) {
    const ns = netnsOf(pod.id);
    if (!ns || tables.some((t) => t.type === 'routes' && netnsOf(t.id) === ns)) continue;
    const eth = pod.children.map((c) => scene.elements[c]!).find((d) => d.kind === 'device' && d.ip?.includes('/') && built.has(d.id));
    const bridge = eth && Object.values(scene.elements).find((b) => b.type === 'bridge' && b.kind === 'device' && pod.parent && netnsOf(b.id) === netnsOf(pod.parent) && b.ip && contains(eth.ip!, b.ip));
    if (eth && bridge) out.push({ argv: ['ip', '-n', ns, 'route', 'replace', 'default', 'via', bareIp(bridge.ip!), 'dev', eth.name], why: `${pod.id}'s default route via its bridge ${bridge.id} (the CNI plugin's)` });
  }
  return out;
}
