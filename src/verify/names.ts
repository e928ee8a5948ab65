// Where each scene element lives in the kernel: every node and pod is a
// network namespace named with the run's prefix, so nothing the run creates
// can be mistaken for (or collide with) the host's own.
import type { Scene } from '../scene/model.ts';

const SAFE = /^[a-z0-9][a-z0-9.-]{0,40}$/;

/** `kh-<short>-`: short is the run's id (a few hex digits), so two runs never share a name. */
export function runPrefix(short: string): string {
  if (!/^[0-9a-f]{1,8}$/.test(short)) throw new Error(`run id must be 1–8 hex digits, not '${short}'`);
  return `kh-${short}-`;
}

/**
 * The node or pod an element belongs to (itself, for a node or pod, or for a
 * device in neither: a host outside the cluster, see hosts.ts); undefined for
 * services and externals the run does not build.
 */
export function homeOf(scene: Scene, id: string): string | undefined {
  for (let e = scene.elements[id]; e; e = e.parent ? scene.elements[e.parent] : undefined) {
    if (e.kind === 'node' || e.kind === 'pod' || (e.kind === 'device' && !e.parent)) return e.id;
  }
  return undefined;
}

/** The namespace of a node or pod; scene names outside `[a-z0-9.-]` are spelled by their code points. */
export function netnsName(prefix: string, home: string): string {
  const safe = SAFE.test(home) ? home : [...home].map((c) => (/[a-z0-9.-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`)).join('');
  return `${prefix}${safe}`;
}

/** An address without its prefix length (`10.244.1.2/24` → `10.244.1.2`). */
export function bareIp(ip: string): string {
  return ip.split('/')[0]!;
}
