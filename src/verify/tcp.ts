// TCP in the run: a server wherever a scene's SYN is answered, so the
// kernel's SYN,ACK is there to compare; and the packets the run cannot send
// on their own (a retransmitted SYN comes from the kernel's timer, not from
// a second connect).
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import { homeOf } from './names.ts';

/** A TCP server the run starts where a scene's SYN is answered. */
export interface Listener {
  netns: string;
  port: number;
  /** In the scene's words: `pod-c/eth0 listens on TCP 8080`. */
  what: string;
}

/** A server in the namespace of each step that answers a SYN with a SYN,ACK, on the port it answers from. */
export function listeners(scene: Scene, steps: DerivedStep[], netnsOf: (id: string) => string | undefined): Listener[] {
  const out: Listener[] = [];
  for (const s of steps) {
    const tcp = s.headers.find((h) => h.layer === 'tcp');
    const ns = netnsOf(s.at);
    if (!s.ops.includes('reply') || tcp?.layer !== 'tcp' || tcp.flags !== 'SYN,ACK' || !ns || homeOf(scene, s.at) === undefined) continue;
    if (!out.some((l) => l.netns === ns && l.port === tcp.sport)) out.push({ netns: ns, port: tcp.sport, what: `${s.at} listens on TCP ${tcp.sport}` });
  }
  return out;
}

/** Packet → why it is not sent: a SYN with an earlier packet's addresses and ports is that connection's retransmission. */
export function retransmissions(scene: Scene): Record<string, string> {
  const out: Record<string, string> = {};
  const tuple = (id: string) => {
    const p = scene.packets.find((x) => x.id === id)!;
    const ip = p.headers.find((h) => h.layer === 'ipv4');
    const tcp = p.headers.find((h) => h.layer === 'tcp');
    return ip?.layer === 'ipv4' && tcp?.layer === 'tcp' ? `${p.origin} ${ip.dst} ${tcp.sport} ${tcp.dport}` : undefined;
  };
  const first = new Map<string, string>();
  for (const p of scene.packets) {
    const t = tuple(p.id);
    if (t === undefined) continue;
    const earlier = first.get(t);
    if (earlier) out[p.id] = `it is ${earlier}'s SYN sent again by the kernel's retransmission timer, which this slice does not wait for (one connect sends one SYN)`;
    else first.set(t, p.id);
  }
  return out;
}
