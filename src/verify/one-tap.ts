// tcpdump sees a packet once on a device, at one hook; a scene may draw
// several steps there (arrives, a rule matches, DNAT). The kernel's frame
// then shows one of those states, often after a rewrite the scene draws
// later (br_netfilter DNATs before a bridge device's tap) or before one it
// draws here (a reply reaches the bridge's tap before conntrack un-DNATs it).
// Those steps are "not verified", saying which state the kernel showed; the
// rewrite itself is checked where its result is visible. Never a ✓.
import type { Header } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Frame, StepResult } from './types.ts';

type Same = (scene: Header[], kernel: Header[]) => boolean;

/** Consecutive steps of one packet at one device, in step order; a reply (a DNS answer too) is a new frame, so it starts a new group. */
function groups(steps: DerivedStep[]): DerivedStep[][] {
  const out: DerivedStep[][] = [];
  const last = new Map<string, DerivedStep[]>();
  for (const s of steps) {
    const g = last.get(s.packet);
    if (g && g.at(-1)!.at === s.at && !s.ops.includes('reply') && !s.ops.includes('dns-answer')) g.push(s);
    else {
      const fresh = [s];
      out.push(fresh);
      last.set(s.packet, fresh);
    }
  }
  return out;
}

export function oneTap(steps: DerivedStep[], results: StepResult[], frames: Map<number, Frame>, same: Same): StepResult[] {
  const out = [...results];
  const pos = new Map(steps.map((s, i) => [s.index, i]));
  const ofPacket = (p: string) => steps.filter((s) => s.packet === p);
  const seenAs = (step: number, k: number, dev: string) =>
    `tcpdump on ${dev} sees this packet once, as step ${k + 1} shows it; this step's state lies between two kernel hooks, which no capture sees`;
  for (const g of groups(steps)) {
    const rs = g.map((s) => out[pos.get(s.index)!]!);
    if (!rs.some((r) => r.status === 'differs')) continue;
    const dev = g[0]!.at;
    const ok = rs.find((r) => r.status === 'ok');
    const frame = frames.get(rs.find((r) => r.status === 'differs')!.index);
    const mine = ofPacket(g[0]!.packet);
    const at = mine.indexOf(g[0]!);
    // The packet's step before this device (the frame entering it) and the one after (leaving it).
    const around = [mine[at - 1], mine[at + g.length]].filter((s): s is DerivedStep => s !== undefined);
    const neighbour = ok ? undefined : frame && around.find((s) => same(s.headers, frame.headers));
    const closest = rs.filter((r) => r.status === 'differs').sort((a, b) => count(a) - count(b))[0]!;
    for (const r of rs) {
      if (r.status !== 'differs') continue;
      const i = pos.get(r.index)!;
      if (ok) out[i] = { index: r.index, packet: r.packet, at: r.at, status: 'not-verified', reason: seenAs(r.index, ok.index, dev) };
      else if (neighbour) out[i] = { index: r.index, packet: r.packet, at: r.at, status: 'not-verified', reason: seenAs(r.index, neighbour.index, dev) };
      else if (r !== closest) out[i] = { index: r.index, packet: r.packet, at: r.at, status: 'not-verified', reason: `tcpdump on ${dev} sees this packet once; it is compared at step ${closest.index + 1}` };
    }
  }
  return out;
}

const count = (r: StepResult) => (r.status === 'differs' ? r.mismatches.length : 0);
