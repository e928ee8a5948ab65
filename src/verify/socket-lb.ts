// Cilium's socket load balancing: connect() to a ClusterIP is rewritten by a
// BPF program at the cgroup connect4 hook, before any packet exists. The run
// loads no BPF, so that rewrite is not verified; but every packet after it is
// plain routing, so the run connects straight to the backend, as the
// rewritten socket does, and compares those wire steps (as calico.ts stands
// in for BIRD with the routes it installs).
import type { Header, Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';

export const SOCKET_REWRITE = 'eBPF socket rewrite, not reproduced: the run loads no BPF program; it connects straight to the backend, as the rewritten socket does, and compares the packets from there';

export interface Rewritten {
  /** The device the socket sends from (the other end of the process's `socket` link). */
  device: string;
  /** The packet as the rewritten socket sends it: the headers after the rewrite step. */
  headers: Header[];
  /** Step index → why it is not verified (the steps at the process: the rewrite, and the socket's own). */
  unverified: Record<number, string>;
}

/** Packets a process sends through a socket that a `dnat` by `socket` rewrites. */
export function socketRewrites(scene: Scene, steps: DerivedStep[]): Map<string, Rewritten> {
  const out = new Map<string, Rewritten>();
  for (const p of scene.packets) {
    if (scene.elements[p.origin]?.kind !== 'process') continue;
    const link = scene.links.find((l) => l.kind === 'socket' && (l.a === p.origin || l.b === p.origin));
    const device = link && (link.a === p.origin ? link.b : link.a);
    const mine = steps.filter((s) => s.packet === p.id);
    const rewrite = mine.find((s) => s.ops.includes('dnat@socket'));
    if (!device || scene.elements[device]?.kind !== 'device' || !rewrite) continue;
    const unverified: Record<number, string> = {};
    for (const s of mine) {
      if (s.at !== p.origin) continue;
      unverified[s.index] = s.index <= rewrite.index ? SOCKET_REWRITE : `${p.origin} is a process: the socket hands it the packet, no device a capture could see`;
    }
    out.set(p.id, { device, headers: rewrite.headers, unverified });
  }
  return out;
}
