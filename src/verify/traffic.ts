// How each packet is made: the kernel sends it because a program in the
// origin's namespace asked (ping for an ICMP echo, a connect for a TCP SYN). An ARP request is never
// sent by hand: the kernel broadcasts it when a ping needs the neighbour.
import type { Scene } from '../scene/model.ts';
import type { Send } from './types.ts';

/** Each ping waits at most this long in all (`ping -w`), so a run is bounded whatever the kernel does. */
export const PING_DEADLINE_S = 3;

/**
 * Opens one TCP connection from the scene's source port and closes it once
 * answered; gives up after PING_DEADLINE_S. Address and ports come as
 * arguments, never inside the program text.
 */
const CONNECT = `const [host, port, localPort] = process.argv.slice(1);
const s = require('net').connect({ host, port: +port, localPort: +localPort });
s.on('connect', () => { s.destroy(); process.exit(0); });
s.on('error', (e) => { console.error(e.message); process.exit(1); });
setTimeout(() => { console.error('no answer'); process.exit(2); }, ${PING_DEADLINE_S * 1000});`;

export function sendFor(scene: Scene, packetId: string, netns: string, laterSends: Send[]): Send | undefined {
  const p = scene.packets.find((x) => x.id === packetId)!;
  const ip = p.headers.find((h) => h.layer === 'ipv4');
  const icmp = p.headers.find((h) => h.layer === 'icmp');
  // Two echo requests: the second shows what the kernel keeps constant across one flow (a VXLAN source port).
  const ping = (dst: string, count: number) => ['ip', 'netns', 'exec', netns, 'ping', '-n', '-q', '-c', String(count), '-i', '0.2', '-w', String(PING_DEADLINE_S), dst];
  if (ip?.layer === 'ipv4' && icmp?.layer === 'icmp' && icmp.type === 'echo-request') {
    return { packet: p.id, netns, argv: ping(ip.dst, 2), what: `ping ${ip.dst} from ${p.origin}` };
  }
  const tcp = p.headers.find((h) => h.layer === 'tcp');
  if (ip?.layer === 'ipv4' && tcp?.layer === 'tcp' && tcp.flags === 'SYN') {
    return { packet: p.id, netns, argv: ['ip', 'netns', 'exec', netns, process.execPath, '-e', CONNECT, ip.dst, String(tcp.dport), String(tcp.sport)], what: `TCP connection to ${ip.dst}:${tcp.dport} from ${p.origin} port ${tcp.sport}` };
  }
  const arp = p.headers.find((h) => h.layer === 'arp');
  if (arp?.layer === 'arp' && arp.op === 'request') {
    if (laterSends.some((s) => s.netns === netns)) return undefined;
    return { packet: p.id, netns, argv: ping(arp.targetIp, 1), what: `ping ${arp.targetIp} from ${p.origin} (its ARP request)` };
  }
  return undefined;
}
