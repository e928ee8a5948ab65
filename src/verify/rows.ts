// A scene's table rows read as the commands that would print them: a route
// row becomes `ip route replace …`, a neighbour row `ip neigh replace …`, a
// VXLAN FDB row `bridge fdb append …`. Rows are untrusted text, so only the
// words these commands print are accepted; anything else is skipped with the
// reason, never passed on.

type Skip = { kind: 'skip'; reason: string };
export type RouteRow = { kind: 'route'; args: string[] } | Skip;
export type LinkLayerRow =
  | { kind: 'neigh'; ip: string; mac: string; dev: string }
  | { kind: 'fdb'; mac: string; dev: string; dst: string }
  | { kind: 'learned'; mac: string; dev: string; master: string }
  | Skip;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;
const IFNAME = /^[A-Za-z0-9_.@-]{1,15}$/;

export function isIpv4(s: string): boolean {
  const m = IPV4.exec(s);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}

export function isPrefix(s: string): boolean {
  const [ip, len, ...rest] = s.split('/');
  return rest.length === 0 && isIpv4(ip!) && (len === undefined || (/^\d{1,2}$/.test(len) && Number(len) <= 32));
}

/** Words `ip route` prints that take a value, and what the value must look like. */
const ROUTE_VALUES: Record<string, (v: string) => boolean> = {
  via: isIpv4,
  dev: (v) => IFNAME.test(v),
  src: isIpv4,
  scope: (v) => ['link', 'host', 'global'].includes(v),
  proto: (v) => ['kernel', 'static', 'boot', 'bird', 'bgp'].includes(v),
  metric: (v) => /^\d{1,9}$/.test(v),
};
const ROUTE_FLAGS = new Set(['onlink']);
const ROUTE_TYPES = new Set(['blackhole', 'unreachable', 'prohibit']);

export function routeRow(text: string): RouteRow {
  const words = text.trim().split(/\s+/);
  const args: string[] = [];
  let i = 0;
  if (ROUTE_TYPES.has(words[0]!)) args.push(words[i++]!);
  const dest = words[i++];
  if (dest === undefined || (dest !== 'default' && !isPrefix(dest))) return { kind: 'skip', reason: `'${dest ?? ''}' is not a destination (default or an IPv4 prefix)` };
  args.push(dest);
  while (i < words.length) {
    const w = words[i++]!;
    if (ROUTE_FLAGS.has(w)) {
      args.push(w);
      continue;
    }
    const check = ROUTE_VALUES[w];
    const v = words[i++];
    if (!check) return { kind: 'skip', reason: `'${w}' is not a word of ip route this verify reads` };
    if (v === undefined || !check(v)) return { kind: 'skip', reason: `'${w} ${v ?? ''}' has no valid value` };
    // `proto bird` and `proto kernel` say who installed a route; the run installs it itself.
    if (w !== 'proto') args.push(w, v);
  }
  return { kind: 'route', args };
}

/** `10.244.2.0 lladdr 0e:8a:02:02:02:02 dev flannel.1`, `<mac> dev flannel.1 dst 192.168.1.11`, `<mac> dev veth3a9f master cni0`. */
export function linkLayerRow(text: string): LinkLayerRow {
  const w = text.trim().split(/\s+/);
  const kv = new Map<string, string>();
  for (let i = 1; i + 1 < w.length; i += 2) kv.set(w[i]!, w[i + 1]!);
  const dev = kv.get('dev');
  if (dev === undefined || !IFNAME.test(dev)) return { kind: 'skip', reason: 'no `dev <name>`' };
  if (isIpv4(w[0]!) && MAC.test(kv.get('lladdr') ?? '')) return { kind: 'neigh', ip: w[0]!, mac: kv.get('lladdr')!.toLowerCase(), dev };
  if (!MAC.test(w[0]!)) return { kind: 'skip', reason: `'${w[0]}' is neither an IPv4 address with lladdr nor a MAC address` };
  const mac = w[0]!.toLowerCase();
  const dst = kv.get('dst');
  if (dst !== undefined && isIpv4(dst)) return { kind: 'fdb', mac, dev, dst };
  const master = kv.get('master');
  if (master !== undefined && IFNAME.test(master)) return { kind: 'learned', mac, dev, master };
  return { kind: 'skip', reason: 'an FDB row needs `dst <ip>` (a VXLAN entry) or `master <bridge>` (a learned entry)' };
}
