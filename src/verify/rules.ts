// The rows of a scene's iptables table written as `iptables -S` prints them
// (`-A KUBE-SERVICES -d 10.96.0.20/32 -p tcp … -j REJECT`) are installed as
// they stand, in the node's namespace and the table the element is named
// after. Rows written in the scenes' abridged form (`CHAIN: match → target`)
// are left to the ops (nat.ts) or not built. The rows are those in force
// when a packet is sent (phases.ts asks for each state the run goes through).
import type { Scene, SceneElement } from '../scene/model.ts';
import type { Cmd, Skipped } from './types.ts';

const TABLES = new Set(['filter', 'nat', 'mangle', 'raw']);
const BUILTIN = new Set(['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING']);
const CHAIN = /^[A-Za-z][A-Za-z0-9_-]{0,28}$/;

/** Splits a rule as a shell would for these rows: words, and "…" or '…' quoted words. */
export function ruleWords(text: string): string[] | undefined {
  const out: string[] = [];
  const re = /\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/y;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < text.trimEnd().length && (m = re.exec(text)) !== null) {
    out.push(m[1] ?? m[2] ?? m[3]!);
    at = re.lastIndex;
  }
  return at >= text.trimEnd().length ? out : undefined;
}

/** True for a row the run installs as it stands: `-A CHAIN …` as `iptables -S` prints it. */
export function isRule(text: string): boolean {
  const chain = text.startsWith('-A ') ? ruleWords(text)?.[1] : undefined;
  return chain !== undefined && CHAIN.test(chain);
}

export interface RulePlan {
  setup: Cmd[];
  skipped: Skipped[];
  /** Namespaces given a default route out of a dummy uplink, for the report. */
  notes: string[];
  /** Namespaces whose filter rules include a REJECT (their reject steps can be verified). */
  rejecting: Set<string>;
  /** Namespaces whose rules include a DROP (their drop steps can be verified). */
  dropping: Set<string>;
  /** Namespaces that need a default route (uplinkCommands builds it once, whatever the state). */
  uplinked: Set<string>;
}

/** A table's rows as they stand at one point of the scene. */
export type RowsOf = (table: SceneElement) => { id: string; text: string }[];
const declared: RowsOf = (t) => (t.rows ?? []).filter((r) => !r.absent);

/** `uplinks`: namespaces that need a default route for another reason (Calico's proxy ARP). */
export function ruleCommands(scene: Scene, netnsOf: (id: string) => string | undefined, uplinks: Set<string> = new Set(), rowsOf: RowsOf = declared): RulePlan {
  const uplinked = new Set<string>(uplinks);
  const plan: RulePlan = { setup: [], skipped: [], notes: [], rejecting: new Set(), dropping: new Set(), uplinked };
  for (const t of Object.values(scene.elements)) {
    const ns = netnsOf(t.id);
    if (t.kind !== 'table' || t.type !== 'iptables' || !ns || !TABLES.has(t.name)) continue;
    const made = new Set<string>();
    for (const row of rowsOf(t)) {
      if (!row.text.startsWith('-A ')) continue;
      const words = ruleWords(row.text);
      const chain = words?.[1];
      if (!words || !chain || !CHAIN.test(chain)) {
        plan.skipped.push({ table: t.id, row: row.text, reason: 'not a rule iptables -S would print (unbalanced quotes or a bad chain name)' });
        continue;
      }
      const ipt = (...a: string[]) => ['ip', 'netns', 'exec', ns, 'iptables', '-w', '-t', t.name, ...a];
      const target = words[words.indexOf('-j') + 1];
      for (const c of [chain, ...(target && CHAIN.test(target) && /^[A-Z]+-/.test(target) ? [target] : [])]) {
        if (BUILTIN.has(c) || made.has(c)) continue;
        made.add(c);
        plan.setup.push({ argv: ipt('-N', c), why: `${t.id}: chain ${c}` });
      }
      plan.setup.push({ argv: ipt(...words), why: `${t.id}#${row.id}: ${row.text}` });
      if (words.includes('REJECT')) plan.rejecting.add(ns);
      if (target === 'DROP') plan.dropping.add(ns);
      // A Service address is routed nowhere in a scene's namespaces: on a real node the default route carries
      // it, and a FORWARD rule can only meet it once routing chose to forward it.
      if (chain === 'FORWARD' || words.includes('REJECT') || target === 'DROP') uplinked.add(ns);
    }
  }
  return plan;
}

/** A default route out of a spare veth for each namespace that needs one and whose routes draw none. */
export function uplinkCommands(scene: Scene, netnsOf: (id: string) => string | undefined, uplinked: Set<string>): { setup: Cmd[]; notes: string[] } {
  const plan = { setup: [] as Cmd[], notes: [] as string[] };
  const hasDefault = (ns: string) => Object.values(scene.elements).some((t) => t.type === 'routes' && netnsOf(t.id) === ns && (t.rows ?? []).some((r) => r.text.startsWith('default')));
  for (const ns of [...uplinked].filter((n) => !hasDefault(n))) {
    // A veth pair whose other end stays in the namespace: it needs no module the dummy type would.
    plan.setup.push({ argv: ['ip', '-n', ns, 'link', 'add', 'kh-uplink', 'type', 'veth', 'peer', 'name', 'kh-uplink-peer'], why: `${ns}'s uplink (for its default route)` });
    plan.setup.push({ argv: ['ip', '-n', ns, 'link', 'set', 'dev', 'kh-uplink', 'up'], why: `${ns}'s uplink up` });
    plan.setup.push({ argv: ['ip', '-n', ns, 'route', 'replace', 'default', 'dev', 'kh-uplink'], why: `${ns}'s default route` });
    plan.notes.push(`${ns.replace(/^kh-[0-9a-f]+-/, '')} has no default route in the scene; the run gives it one out of a spare veth, as a real node's uplink would carry a Service address no rule rewrites (or a gateway it answers by proxy ARP)`);
  }
  return plan;
}
