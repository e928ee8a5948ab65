// The source NAT a scene's `masquerade` and `snat` steps imply, in the
// node's namespace. Where the scene's nat table shows kube-proxy's
// `KUBE-POSTROUTING: mark 0x4000 → MASQUERADE`, the rules are kube-proxy's
// (return unless marked, clear the mark, masquerade) and the mark is set by
// the KUBE-MARK-MASQ jumps nat.ts builds from the same rows: a scene whose
// rows never mark the packet is then not masqueraded by the kernel either.
// Otherwise the rule is built from the op alone, said so in a note. The
// reply's `unsnat` needs no rule: conntrack undoes the rewrite.
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Cmd } from './types.ts';
import { bareIp } from './names.ts';
import { DEFAULT_MARK } from './nat.ts';

export interface MasqPlan {
  setup: Cmd[];
  notes: string[];
  /** Packets whose source NAT is built (their snat, masquerade and unsnat steps can be verified). */
  built: Set<string>;
}

const POSTROUTING_MARK = /^KUBE-POSTROUTING: mark (0x[0-9a-f]{1,8}) → MASQUERADE$/i;

export function masqCommands(scene: Scene, steps: DerivedStep[], netnsOf: (id: string) => string | undefined): MasqPlan {
  const plan: MasqPlan = { setup: [], notes: [], built: new Set() };
  const ipt = (ns: string, ...args: string[]) => ['ip', 'netns', 'exec', ns, 'iptables', '-w', '-t', 'nat', ...args];
  const ready = new Set<string>();
  for (const s of steps) {
    const op = scene.steps[s.index]?.ops.find((o) => o.op === 'masquerade' || o.op === 'snat');
    if (op?.op !== 'masquerade' && op?.op !== 'snat') continue;
    const ns = netnsOf(s.at);
    if (!ns) continue;
    const why = `step ${s.index + 1}'s ${op.op}`;
    const rows = Object.values(scene.elements)
      .filter((e) => e.kind === 'table' && e.type === 'iptables' && netnsOf(e.id) === ns)
      .flatMap((t) => (t.rows ?? []).filter((r) => !r.absent).map((r) => r.text));
    const mark = rows.map((t) => POSTROUTING_MARK.exec(t)?.[1]).find(Boolean);
    if (!ready.has(ns)) {
      ready.add(ns);
      plan.setup.push({ argv: ipt(ns, '-N', 'KUBE-POSTROUTING'), why: 'chain KUBE-POSTROUTING' });
      plan.setup.push({ argv: ipt(ns, '-A', 'POSTROUTING', '-j', 'KUBE-POSTROUTING'), why: 'POSTROUTING → KUBE-POSTROUTING' });
    }
    if (op.op === 'masquerade' && mark) {
      // kube-proxy's three rules; it adds --random-fully where the kernel has it, which would change the
      // source port the scene shows (it keeps the port, saying so in its notes).
      plan.setup.push({ argv: ipt(ns, '-A', 'KUBE-POSTROUTING', '-m', 'mark', '!', '--mark', `${mark}/${mark}`, '-j', 'RETURN'), why });
      plan.setup.push({ argv: ipt(ns, '-A', 'KUBE-POSTROUTING', '-j', 'MARK', '--xor-mark', mark), why });
      plan.setup.push({ argv: ipt(ns, '-A', 'KUBE-POSTROUTING', '-j', 'MASQUERADE'), why });
      plan.notes.push(`KUBE-POSTROUTING masquerades without --random-fully, so the source port stays as the scene shows it${mark === DEFAULT_MARK ? '' : ` (mark ${mark})`}`);
      plan.built.add(s.packet);
      continue;
    }
    const ipAt = s.headers.findIndex((h) => h.layer === 'ipv4');
    const was = s.changed.find((c) => c.layer === ipAt && c.field === 'src')?.was;
    const out = Object.values(scene.elements).find((e) => e.kind === 'device' && netnsOf(e.id) === ns && e.ip && bareIp(e.ip) === op.to);
    if (typeof was !== 'string' || (op.op === 'masquerade' && !out)) {
      plan.notes.push(`${why} is not built: ${typeof was !== 'string' ? 'it rewrites no source address' : `no device of ${s.at}'s node holds ${op.to}`}`);
      continue;
    }
    const target = op.op === 'masquerade' ? ['MASQUERADE'] : ['SNAT', '--to-source', op.port === undefined ? op.to : `${op.to}:${op.port}`];
    const proto = op.op === 'snat' && op.port !== undefined ? ['-p', s.headers[ipAt + 1]?.layer ?? 'tcp'] : [];
    plan.setup.push({ argv: ipt(ns, '-A', 'KUBE-POSTROUTING', '-s', `${was}/32`, ...proto, ...(out ? ['-o', out.name] : []), '-j', ...target), why });
    plan.notes.push(`${why} is built from the op (${target[0]} of ${was}${out ? ` out of ${out.name}` : ''}): the scene draws no rule for it`);
    plan.built.add(s.packet);
  }
  const seen = new Set<string>();
  plan.setup = plan.setup.filter((c) => !seen.has(c.argv.join(' ')) && seen.add(c.argv.join(' ')));
  plan.notes = [...new Set(plan.notes)];
  return plan;
}
