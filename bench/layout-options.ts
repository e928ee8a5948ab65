// ELK options against the graphs kubehop gives ELK: `npx tsx bench/layout-options.ts [ROUNDS]`.
// Records the ELK graphs of every bundled scene's layoutScene (both runs),
// then lays each out again under every variant below, interleaved round by
// round in this one process, after ROUNDS of warming. Prints per variant the
// CPU time of a round (all graphs) as a ratio to the unchanged graphs, the
// graphs whose result differs from ELK's unchanged answer (a changed
// picture), and which of ELK's processors the variant adds or removes
// (ELK's own log): an option id ELK does not know is ignored in silence, so
// a variant that changes neither the result nor the processors may be a typo.
import { readdirSync, readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import { elkMemo } from '../src/layout/elk-memo.ts';
import { checkScene } from '../src/pipeline.ts';
import { median } from './lib.ts';

const rounds = Math.max(1, Number(process.argv[2] ?? 8));
type Scope = 'root' | 'nodes' | 'parents';
type Variant = [Scope, LayoutOptions][];
const L = 'elk.layered.';
const VARIANTS: Record<string, Variant> = {
  unchanged: [],
  'thoroughness 1': [['parents', { [`${L}thoroughness`]: '1' }]],
  'greedy switch off': [['parents', { [`${L}crossingMinimization.greedySwitch.type`]: 'OFF' }]],
  'hierarchical sweepiness -1': [['nodes', { [`${L}crossingMinimization.hierarchicalSweepiness`]: '-1' }]],
  'all three': [
    ['parents', { [`${L}thoroughness`]: '1', [`${L}crossingMinimization.greedySwitch.type`]: 'OFF' }],
    ['nodes', { [`${L}crossingMinimization.hierarchicalSweepiness`]: '-1' }],
  ],
  'layering LONGEST_PATH': [['nodes', { [`${L}layering.strategy`]: 'LONGEST_PATH' }]],
  'node placement SIMPLE': [['nodes', { [`${L}nodePlacement.strategy`]: 'SIMPLE' }]],
  'BK alignment LEFTUP': [['nodes', { [`${L}nodePlacement.bk.fixedAlignment`]: 'LEFTUP' }]],
  'model order PREFER_NODES': [['nodes', { [`${L}considerModelOrder.strategy`]: 'PREFER_NODES' }]],
  // Each pod laid out on its own, then its node: possible, as every link piece stays inside one container.
  'nodes SEPARATE_CHILDREN': [['nodes', { 'elk.hierarchyHandling': 'SEPARATE_CHILDREN' }]],
};

/** The graph with a variant's options set on the root (depth 0), the nodes (depth 1) or every parent. */
function withVariant(graph: ElkNode, variant: Variant): ElkNode {
  const g = structuredClone(graph);
  const visit = (n: ElkNode, depth: number): void => {
    const parent = (n.children?.length ?? 0) > 0;
    for (const [scope, opts] of variant) {
      const hit = scope === 'root' ? depth === 0 : scope === 'nodes' ? depth === 1 && parent : parent;
      if (hit) n.layoutOptions = { ...n.layoutOptions, ...opts };
    }
    for (const c of n.children ?? []) visit(c, depth + 1);
  };
  visit(g, 0);
  return g;
}

/** ELK's result without what depends on the options given or on ELK's object ids. */
function essence(n: unknown): unknown {
  if (Array.isArray(n)) return n.map(essence);
  if (n && typeof n === 'object') return Object.fromEntries(Object.entries(n).filter(([k]) => k !== 'layoutOptions' && k !== '$H').map(([k, v]) => [k, essence(v)]));
  return n;
}

interface Log { name: string; children?: Log[] }
function processors(log: Log, into = new Map<string, number>()): Map<string, number> {
  into.set(log.name, (into.get(log.name) ?? 0) + 1);
  for (const c of log.children ?? []) processors(c, into);
  return into;
}

// ---- record the graphs layoutScene gives ELK ----
const elk = new ELK();
const graphs: { name: string; graph: ElkNode }[] = [];
let current = '';
const original = elk.layout.bind(elk);
// layout.ts makes its own ELK: its graphs are caught on the way in, through the class.
type Layout = (this: unknown, g: ElkNode, o?: object) => Promise<ElkNode>;
const proto = ELK.prototype as unknown as { layout: Layout };
const protoLayout = proto.layout;
proto.layout = function (g, o) {
  graphs.push({ name: `${current} #${graphs.filter((x) => x.name.startsWith(`${current} `)).length + 1}`, graph: structuredClone(g) });
  return protoLayout.call(this, g, o);
};
elkMemo.enabled = false;
const { layoutScene } = await import('../src/layout/layout.ts');
for (const f of readdirSync('scenes').filter((n) => n.endsWith('.yaml')).sort()) {
  const checked = checkScene(readFileSync(`scenes/${f}`, 'utf8'), f);
  if (!checked.ok) continue;
  current = f.replace(/\.yaml$/, '');
  await layoutScene(checked.scene);
}
proto.layout = protoLayout;

// ---- lay them out under each variant ----
const cpu = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const baseline = await Promise.all(graphs.map(async ({ graph }) => JSON.stringify(essence(await original(structuredClone(graph))))));
const names = Object.keys(VARIANTS);
const times = new Map(names.map((n) => [n, [] as number[]]));
const changed = new Map(names.map((n) => [n, new Set<string>()]));
const failed = new Map<string, string>();
for (let r = 0; r < 2 * rounds; r++) {
  for (const name of names) {
    let t = 0;
    for (const { name: g, graph } of graphs) {
      const input = withVariant(graph, VARIANTS[name]!);
      const t0 = cpu();
      try {
        const out = await original(input);
        t += cpu() - t0;
        if (r === 0 && JSON.stringify(essence(out)) !== baseline[graphs.findIndex((x) => x.name === g)]) changed.get(name)!.add(g.replace(/ #\d+$/, ''));
      } catch (e) {
        failed.set(name, String(e).slice(0, 120));
      }
    }
    if (r >= rounds) times.get(name)!.push(t);
  }
}

// ---- which processors each variant adds or removes, on the largest graph ----
const largest = graphs.reduce((a, b) => (JSON.stringify(b.graph).length > JSON.stringify(a.graph).length ? b : a));
const logOf = async (v: Variant): Promise<Map<string, number>> =>
  processors(((await original(withVariant(largest.graph, v), { logging: true })) as unknown as { logging: Log }).logging);
const base = await logOf([]);

const b0 = median(times.get('unchanged')!);
console.log(`${graphs.length} ELK graphs from ${new Set(graphs.map((g) => g.name.replace(/ #\d+$/, ''))).size} scenes; median of ${rounds} rounds after ${rounds} warming; CPU ms per round (all graphs)\n`);
for (const name of names) {
  const m = median(times.get(name)!);
  const logged = failed.has(name) ? new Map<string, number>() : await logOf(VARIANTS[name]!);
  const keys = new Set([...base.keys(), ...logged.keys()]);
  const delta = [...keys].filter((k) => base.get(k) !== logged.get(k)).map((k) => `${k} ${base.get(k) ?? 0}→${logged.get(k) ?? 0}`);
  const diff = changed.get(name)!;
  console.log(
    `${name.padEnd(28)} ${failed.has(name) ? `fails: ${failed.get(name)}` : `${m.toFixed(0).padStart(5)} ms  ${(m / b0).toFixed(2)}×  pictures changed: ${diff.size ? [...diff].join(', ') : 'none'}`}` +
      `${name === 'unchanged' ? '' : `\n${''.padEnd(30)}processors (${largest.name}): ${delta.length ? delta.join('; ') : 'the same'}`}`,
  );
}
