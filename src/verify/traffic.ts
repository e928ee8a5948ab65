// How each packet is made: the kernel sends it because a program in the
// origin's namespace asked (ping for an ICMP echo). An ARP request is never
// sent by hand: the kernel broadcasts it when a ping needs the neighbour.
import type { Scene } from '../scene/model.ts';
import type { Send } from './types.ts';

/** Each ping waits at most this long in all (`ping -w`), so a run is bounded whatever the kernel does. */
export const PING_DEADLINE_S = 3;

export function sendFor(scene: Scene, packetId: string, netns: string, laterSends: Send[]): Send | undefined {
  const p = scene.packets.find((x) => x.id === packetId)!;
  const ip = p.headers.find((h) => h.layer === 'ipv4');
  const icmp = p.headers.find((h) => h.layer === 'icmp');
  // Two echo requests: the second shows what the kernel keeps constant across one flow (a VXLAN source port).
  const ping = (dst: string, count: number) => ['ip', 'netns', 'exec', netns, 'ping', '-n', '-q', '-c', String(count), '-i', '0.2', '-w', String(PING_DEADLINE_S), dst];
  if (ip?.layer === 'ipv4' && icmp?.layer === 'icmp' && icmp.type === 'echo-request') {
    return { packet: p.id, netns, argv: ping(ip.dst, 2), what: `ping ${ip.dst} from ${p.origin}` };
  }
  const arp = p.headers.find((h) => h.layer === 'arp');
  if (arp?.layer === 'arp' && arp.op === 'request') {
    if (laterSends.some((s) => s.netns === netns)) return undefined;
    return { packet: p.id, netns, argv: ping(arp.targetIp, 1), what: `ping ${arp.targetIp} from ${p.origin} (its ARP request)` };
  }
  return undefined;
}
