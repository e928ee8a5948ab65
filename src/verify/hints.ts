// A ✗ in words a scene author can act on: whose address or MAC the kernel's
// value is, which rule the kernel applied at a DNAT step, and that a TTL one
// lower with a new Ethernet header means the kernel routed where the scene
// did not say so; a reset where the scene answers means nothing listened
// where the SYN arrived; a DNS name the resolver did not ask is its
// resolv.conf's search list at work; a packet that vanished after a DNAT step
// the kernel did not do was sent where no rule of the Service matched.
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { StepResult } from './types.ts';
import { bareIp } from './names.ts';

/** Step index → the rule the run built for that step's DNAT, in the scene's words. */
export type DnatRules = Record<number, string>;

export function explain(scene: Scene, steps: DerivedStep[], results: StepResult[], rules: DnatRules): StepResult[] {
  const owner = new Map<string, string>();
  for (const e of Object.values(scene.elements)) {
    if (e.kind !== 'device') continue;
    if (e.mac) owner.set(e.mac, `${e.id}'s MAC`);
    if (e.ip) owner.set(bareIp(e.ip), `${e.id}'s address`);
  }
  const last = new Map<string, StepResult>();
  /** Per packet, the step where the current run of one same difference began. */
  const root = new Map<string, number>();
  return results.map((r) => {
    const before = last.get(r.packet);
    last.set(r.packet, r);
    if (r.status === 'missing') return unmatched(r, steps, rules);
    if (r.status !== 'differs') return r;
    // The same difference as the packet's step before: it follows from where it began, said once.
    if (before?.status === 'differs' && JSON.stringify(before.mismatches) === JSON.stringify(r.mismatches)) {
      return { ...r, notes: [`the same as step ${root.get(r.packet)! + 1}: it follows from there`, ...r.notes] };
    }
    root.set(r.packet, r.index);
    const step = steps.find((s) => s.index === r.index)!;
    const why: string[] = [];
    const fields = new Set(r.mismatches.map((m) => m.field));
    const rule = rules[r.index];
    if (rule && (fields.has('ipv4.dst') || fields.has('tcp.dport'))) why.push(`why: the kernel applied ${rule}; this step's dnat op says otherwise`);
    const ttl = r.mismatches.find((m) => m.field === 'ipv4.ttl');
    if (ttl && typeof ttl.scene === 'number' && ttl.kernel === ttl.scene - 1 && fields.has('eth.src') && !step.ops.includes('route')) {
      why.push('why: the kernel routed the packet on its way here (TTL one lower, a new Ethernet header) where the scene does not: a `route` op missing at this step?');
    } else if (ttl && typeof ttl.scene === 'number' && ttl.kernel === ttl.scene - 1) {
      why.push('why: the kernel routed the packet once more than the scene before this step: a `route` op missing at an earlier step?');
    }
    const flags = r.mismatches.find((m) => m.field === 'tcp.flags');
    if (flags && typeof flags.kernel === 'string' && flags.kernel.includes('RST')) {
      why.push('why: the kernel reset the connection: nothing listened where the SYN arrived (the run listens where the scene answers it, so an earlier ✗ that moved the SYN shows here too)');
    }
    const qname = r.mismatches.find((m) => m.field === 'dns.qname');
    if (qname) {
      const origin = scene.packets.find((p) => p.id === r.packet)?.origin;
      const resolv = Object.values(scene.elements).find((e) => e.type === 'resolv' && origin?.startsWith(`${e.parent}/`));
      const rows = (resolv?.rows ?? []).filter((x) => /^(search|options)\b/.test(x.text)).map((x) => x.text).join('; ');
      why.push(`why: glibc asked ${String(qname.kernel)}, not ${String(qname.scene)}: the names it tries come from ${resolv ? `${resolv.id} (${rows || 'no search or options rows'})` : 'the pod’s resolv.conf'}, for a name with fewer dots than ndots, each search domain in order, then the name as is`);
    }
    for (const m of r.mismatches) {
      const k = typeof m.kernel === 'string' ? owner.get(m.kernel) : undefined;
      const s = typeof m.scene === 'string' ? owner.get(m.scene) : undefined;
      if (k || s) why.push(`${m.field}: the kernel's ${String(m.kernel)}${k ? ` is ${k}` : ''}${s ? ', ' : ''}${s ? `the scene's ${String(m.scene)} is ${s}` : ''}`);
    }
    return { ...r, notes: [...why, ...r.notes] };
  });
}

/**
 * A packet seen up to a DNAT step and then nowhere: the kernel's rules never
 * rewrote it (the SYN to a ClusterIP and port no Service rule matches goes
 * nowhere; nothing routes a ClusterIP), so the step's dnat is where to look.
 */
function unmatched(r: Extract<StepResult, { status: 'missing' }>, steps: DerivedStep[], rules: DnatRules): StepResult {
  if (r.reason.startsWith('not seen')) return r;
  const dnat = steps.filter((s) => s.packet === r.packet && s.index < r.index && s.ops.some((o) => o.startsWith('dnat')) && rules[s.index]).at(-1);
  if (!dnat) return r;
  const was = (field: string) => dnat.changed.find((c) => c.field === field)?.was;
  const to = [was('dst'), was('dport')].filter((v) => v !== undefined).join(':');
  return {
    ...r,
    reason: `${r.reason}; why: the kernel did not rewrite it as step ${dnat.index + 1} does: the run built ${rules[dnat.index]}, which kube-proxy's chains reach only for the Service's address and port as its rows write them — does the packet's destination${to ? ` before that step (${to})` : ''} match them?`,
  };
}
