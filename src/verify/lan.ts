// A LAN with more than two ends (a client and two nodes on one network) is
// no veth pair: a namespace of the run's own holds a bridge acting as the
// switch, and each end's NIC is a veth whose peer is one of its ports. The
// switch learns MACs and floods broadcasts as a real one does, so the ARP
// exchanges and MACs the scene shows are the kernel's.
import type { Scene } from '../scene/model.ts';
import type { Cmd } from './types.ts';

export interface Segment {
  /** The switch's namespace: `_` never appears in a node's or pod's (names.ts spells it `_5f`). */
  netns: string;
  /** The NICs joined, by the scene's device id, in the scene's order. */
  ends: string[];
}

/** The wired segments with more than two ends (two ends stay one veth pair). */
export function lanSegments(scene: Scene, prefix: string, netnsOf: (id: string) => string | undefined): Segment[] {
  const up = new Map<string, string>();
  const root = (x: string): string => {
    const p = up.get(x) ?? x;
    return p === x ? x : root(p);
  };
  const ends: string[] = [];
  for (const l of scene.links) {
    if (l.kind !== 'wire' || [l.a, l.b].some((id) => scene.elements[id]?.kind !== 'device' || !netnsOf(id))) continue;
    for (const id of [l.a, l.b]) if (!ends.includes(id)) ends.push(id);
    up.set(root(l.a), root(l.b));
  }
  const groups = new Map<string, string[]>();
  for (const id of ends) groups.set(root(id), [...(groups.get(root(id)) ?? []), id]);
  return [...groups.values()].filter((g) => g.length > 2).map((g, i) => ({ netns: `${prefix}_lan${i + 1}`, ends: g }));
}

/** The switch's port for the n-th end (interface names hold 15 bytes, so not the scene's). */
export const portName = (n: number): string => `port${n + 1}`;

/** The switch namespace itself: IPv6 off (no stray solicitations), the bridge and its ports up. */
export function switchCommands(seg: Segment): { before: Cmd[]; after: Cmd[] } {
  const ns = seg.netns;
  const before: Cmd[] = [
    { argv: ['ip', 'netns', 'exec', ns, 'sysctl', '-q', '-w', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1'], why: `the switch of ${seg.ends.join(', ')}: IPv6 off` },
    { argv: ['ip', '-n', ns, 'link', 'add', 'switch', 'type', 'bridge'], why: `the switch of ${seg.ends.join(', ')}` },
  ];
  const after: Cmd[] = seg.ends.flatMap((id, n) => [
    { argv: ['ip', '-n', ns, 'link', 'set', 'dev', portName(n), 'master', 'switch'], why: `${id}'s port on the switch` },
    { argv: ['ip', '-n', ns, 'link', 'set', 'dev', portName(n), 'up'], why: `${id}'s port up` },
  ]);
  after.push({ argv: ['ip', '-n', ns, 'link', 'set', 'dev', 'switch', 'up'], why: `the switch of ${seg.ends.join(', ')} up` });
  return { before, after };
}
