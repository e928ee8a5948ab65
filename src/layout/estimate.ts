// What a layout at other table widths would measure, from one layout already
// made. The drawing is a grid: nodes side by side, each a stack of rows that
// line up across nodes, tables on a node's outer side. A table's width
// changes only its row's width, and its height only its row's height (the
// tallest in that row across nodes sets it). So a laid-out drawing plus the
// tables' exact sizes at the new widths (measure.ts) predicts the new size
// without asking ELK again; fit.ts chooses the table width from these
// predictions and lays out once more at the one it chose.
import type { Scene, SceneElement } from '../scene/model.ts';
import { SPACING } from './elk-graph.ts';
import { ancestors, childrenOf, rootsOf, rowOf } from './scene-tree.ts';
import type { TableWrap } from './table-wrap.ts';
import { tableBox } from './titles.ts';
import type { Box, Geometry } from './types.ts';

export interface Size {
  width: number;
  height: number;
}

type Wraps = ReadonlyMap<string, TableWrap>;

/** The gap ELK leaves between siblings in a node's row (elk-graph.ts SPACING.siblings). */
const GAP = SPACING.siblings;

/** A table's size at a wrap, remembered: fit.ts asks for every width in its range, many times over. */
const sizes = new WeakMap<SceneElement, Map<string, Size>>();
function sizeAt(table: SceneElement, wraps: Wraps): Size {
  const w = wraps.get(table.id);
  const key = w ? `${w.limit}|${w.fill ?? false}|${w.gutter ?? false}` : '';
  let known = sizes.get(table);
  if (!known) sizes.set(table, (known = new Map()));
  let size = known.get(key);
  if (!size) known.set(key, (size = tableBox(table, wraps)));
  return size;
}

/** The scene's tables, each with the node-level child it sits in (itself or a pod); tables outside nodes are left out. */
function tableHolders(scene: Scene): [SceneElement, string][] {
  return Object.values(scene.elements).flatMap((el): [SceneElement, string][] => {
    const holder = el.kind === 'table' ? nodeChild(scene, el) : undefined;
    return holder ? [[el, holder]] : [];
  });
}

/** How much each table grows (or shrinks) from `from` to `to`, by table and by the node-level child it sits in. */
function growth(holders: readonly [SceneElement, string][], from: Wraps, to: Wraps): Grown {
  const out = new Map<string, Size>();
  const tables = new Map<string, Size>();
  for (const [el, holder] of holders) {
    const a = sizeAt(el, from);
    const b = sizeAt(el, to);
    const dw = b.width - a.width;
    const dh = b.height - a.height;
    tables.set(el.id, { width: dw, height: dh });
    const g = out.get(holder);
    // Several tables in one pod: side by side they add width, and the one that grows most sets the height.
    out.set(holder, g ? { width: g.width + dw, height: Math.max(g.height, dh) } : { width: dw, height: dh });
  }
  return { holders: out, tables };
}

interface Grown {
  /** By node-level child: what it gains. */
  holders: Map<string, Size>;
  /** By table. */
  tables: Map<string, Size>;
}

const NONE: Grown = { holders: new Map(), tables: new Map() };

/** The direct child of a node that holds `el` (el itself for a node-level table), if el is inside a node. */
function nodeChild(scene: Scene, el: SceneElement): string | undefined {
  const chain = [el.id, ...ancestors(scene, el.id)];
  const i = chain.findIndex((id) => scene.elements[id]?.kind === 'node' && scene.elements[id]?.parent === undefined);
  return i > 0 ? chain[i - 1] : undefined;
}

/** What one node's width prediction needs, worked out once per layout rather than once per candidate width. */
interface NodePlan {
  kids: Box[];
  /** The row of each kid. */
  rowOf: Map<string, number>;
  rows: Box[][];
  neighbours: (readonly [Box, Box])[];
  stacks: Stack[];
  left: number;
}

function planNode(scene: Scene, node: string, boxes: ReadonlyMap<string, Box>): NodePlan {
  const kids = childrenOf(scene, node).flatMap((c) => boxes.get(c.id) ?? []);
  const rows = new Map<string, number>(kids.map((b) => [b.id, rowOf(scene, b.id)]));
  const byRow = new Map<number, Box[]>();
  for (const b of kids) byRow.set(rows.get(b.id)!, [...(byRow.get(rows.get(b.id)!) ?? []), b]);
  const sorted = [...byRow.values()].map((row) => row.sort((p, q) => p.x - q.x));
  const neighbours = sorted.flatMap((row) => row.slice(1).map((q, i) => [row[i]!, q] as const));
  const stacks = straightLinks(scene, boxes, new Map(kids.map((b) => [b.id, b])));
  return { kids, rowOf: rows, rows: sorted, neighbours, stacks, left: kids.length ? Math.min(...kids.map((b) => b.x)) : 0 };
}

/** Each row of one node: how tall it would be, from its tallest child. */
function rowHeights(plan: NodePlan, grow: ReadonlyMap<string, Size>): Map<number, number> {
  const out = new Map<number, number>();
  for (const b of plan.kids) {
    const row = plan.rowOf.get(b.id)!;
    out.set(row, Math.max(out.get(row) ?? 0, b.height + (grow.get(b.id)?.height ?? 0)));
  }
  return out;
}

/**
 * How much wider one node would be. Each child is placed as far left as its
 * row allows (after its left neighbour, at the gap they had: ELK compacts a
 * row) while each link ELK drew straight stays straight (it lines a stack
 * up), its ends moved by the tables that grow to their left inside their
 * pods. So a wider table pushes its row, and the push carries up and down the
 * stack. Placed twice, with and without the growth, and the difference
 * taken: what the placement gets wrong about ELK cancels out.
 */
function nodeGrowth(plan: NodePlan, grown: Grown): number {
  const { kids, neighbours, stacks, left } = plan;
  if (kids.length === 0) return 0;
  const extent = (g: Grown): number | undefined => {
    const w = (b: Box): number => b.width + (g.holders.get(b.id)?.width ?? 0);
    // Where a link's end sits from its holder's left edge: tables growing to its left in the holder move it.
    const at = (end: Box, holder: Box, leftOf: readonly string[]): number =>
      end.x + end.width / 2 - holder.x + leftOf.reduce((sum, t) => sum + (g.tables.get(t)?.width ?? 0), 0);
    const x = new Map(kids.map((b) => [b.id, left]));
    const raise = (b: Box, to: number): boolean => (to > x.get(b.id)! + 0.01 ? (x.set(b.id, to), true) : false);
    // Positions only rise, so this settles unless the links pull a row against
    // itself (a crossing ELK resolves by giving up an alignment): then no answer.
    let moved = true;
    for (let round = 0; moved && round < 4 * kids.length; round++) {
      moved = false;
      for (const [p, q] of neighbours) moved = raise(q, x.get(p.id)! + w(p) + Math.min(q.x - p.x - p.width, GAP)) || moved;
      for (const s of stacks) {
        const [pa, qb] = [at(s.a, s.p, s.leftOfA), at(s.b, s.q, s.leftOfB)];
        moved = raise(s.q, x.get(s.p.id)! + pa - qb) || moved;
        moved = raise(s.p, x.get(s.q.id)! + qb - pa) || moved;
      }
    }
    if (moved) return undefined;
    return Math.max(...kids.map((b) => x.get(b.id)! + w(b))) - Math.min(...kids.map((b) => x.get(b.id)!));
  };
  const [after, before] = [extent(grown), extent(NONE)];
  if (after !== undefined && before !== undefined) return after - before;
  // Without the stacks: the widest row, grown by what grows in it.
  const widest = (g: Grown): number =>
    Math.max(...plan.rows.map((row) => row.at(-1)!.x + row.at(-1)!.width - row[0]!.x + row.reduce((sum, b) => sum + (g.holders.get(b.id)?.width ?? 0), 0)));
  return widest(grown) - widest(NONE);
}

/** Each row's top in one node, from its children. */
function rowTops(plan: NodePlan): Map<number, number> {
  const out = new Map<number, number>();
  for (const b of plan.kids) {
    const row = plan.rowOf.get(b.id)!;
    out.set(row, Math.min(out.get(row) ?? Infinity, b.y));
  }
  return out;
}

/**
 * A node's tables in columns: those whose spans across overlap stand one
 * above the other, and a column is as wide as its widest. What stands to a
 * column's right moves with its width (ELK keeps a node's columns).
 */
function tableColumns(tables: readonly Box[]): Box[][] {
  const columns: Box[][] = [];
  for (const t of [...tables].sort((a, b) => a.x - b.x)) {
    const last = columns.at(-1);
    if (last && t.x < Math.max(...last.map((b) => b.x + b.width))) last.push(t);
    else columns.push([t]);
  }
  return columns;
}

/** The tables inside a node-level child (itself, if it is one). */
function inside(scene: Scene, holder: string, boxes: ReadonlyMap<string, Box>): Box[] {
  const el = scene.elements[holder];
  if (!el) return [];
  if (el.kind === 'table') return [];
  return childrenOf(scene, holder).flatMap((c) => (c.kind === 'table' ? (boxes.get(c.id) ?? []) : inside(scene, c.id, boxes)));
}

interface Stack {
  /** The link's ends and the node-level children holding them. */
  a: Box;
  b: Box;
  p: Box;
  q: Box;
  /** The tables in p (q) to the left of a (b): growing, they move that end. */
  leftOfA: string[];
  leftOfB: string[];
}

/** The links between a node's children that ELK drew straight: the alignments it chose (one per neighbour, so no cycle). */
function straightLinks(scene: Scene, boxes: ReadonlyMap<string, Box>, kids: ReadonlyMap<string, Box>): Stack[] {
  const holder = (id: string): Box | undefined => [id, ...ancestors(scene, id)].flatMap((x) => kids.get(x) ?? [])[0];
  const leftOf = (end: Box, holder: Box): string[] => inside(scene, holder.id, boxes).filter((t) => t.x < end.x).map((t) => t.id);
  return scene.links.flatMap((l) => {
    const [a, b, p, q] = [boxes.get(l.a), boxes.get(l.b), holder(l.a), holder(l.b)];
    if (!a || !b || !p || !q || p === q) return [];
    return Math.abs(a.x + a.width / 2 - (b.x + b.width / 2)) < 1 ? [{ a, b, p, q, leftOfA: leftOf(a, p), leftOfB: leftOf(b, q) }] : [];
  });
}

/** A predicted layout: its size, and how far an element of the measured layout would move. */
export interface Prediction extends Size {
  /** By element id; nothing for an element the prediction does not follow (it stays put). */
  moved(id: string): { dx: number; dy: number };
}

/**
 * The drawing had its tables been wrapped as `to` instead of `from` (the
 * wraps `g` was laid out with), for any `to`: the returned function answers
 * each in a fraction of what the first answer costs, since fit.ts asks for
 * every width in its range. `g` is a layout whose rows are not yet lined up
 * across nodes (layout.ts's first run): its height is its tallest node's
 * stack, and the prediction is of rows that line up, each as tall as its
 * tallest in any node. An element moves down by what the rows above it gain
 * in its node, and right by what the nodes to its left and its row gain.
 */
export function sizePredictor(scene: Scene, g: Geometry, from: Wraps): (to: Wraps) => Prediction {
  const boxes = new Map(g.boxes.map((b) => [b.id, b]));
  const nodes = rootsOf(scene)
    .filter((r) => r.kind === 'node' && boxes.has(r.id))
    .map((n) => ({ box: boxes.get(n.id)!, plan: planNode(scene, n.id, boxes) }));
  const still = { dx: 0, dy: 0 };
  if (nodes.length === 0) return () => ({ width: g.width, height: g.height, moved: () => still });
  const holders = tableHolders(scene);
  const sum = (m: ReadonlyMap<number, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const own = nodes.map((n) => rowHeights(n.plan, NONE.holders));
  const tops = nodes.map((n) => rowTops(n.plan));
  const columns = nodes.map((n) =>
    tableColumns(holders.flatMap(([t]) => (boxes.has(t.id) && [...ancestors(scene, t.id)].includes(n.box.id) ? [boxes.get(t.id)!] : []))),
  );
  const tallestNode = Math.max(...own.map(sum));
  const allRows = [...new Set(own.flatMap((o) => [...o.keys()]))].sort((a, b) => a - b);
  // Each element's node-level child, and the root element it is in: what moves it.
  const holderOf = new Map(Object.keys(scene.elements).map((id) => [id, nodeChild(scene, scene.elements[id]!)]));
  const rootOf = (id: string): string => [id, ...ancestors(scene, id)].at(-1)!;
  // An external box wired to a device inside a node is moved level with its
  // first such wire (straighten.ts, which goes through the links in order
  // and keeps the first alignment): it goes up and down with that device's
  // row. One with a shortcut into a node is lined up with the node's border
  // port instead (externals.ts, after the wires), which is not predicted:
  // it stays put.
  const levelWith = new Map<string, string | undefined>();
  for (const l of scene.links) {
    for (const [ext, other] of [[l.a, l.b], [l.b, l.a]] as const) {
      const root = rootOf(ext);
      if (scene.elements[root]?.kind !== 'external' || holderOf.get(other) === undefined) continue;
      if (l.kind !== 'wire' && l.kind !== 'tunnel') levelWith.set(root, undefined);
      else if (l.kind === 'wire' && !levelWith.has(root)) levelWith.set(root, other);
    }
  }
  // Neighbouring widths often wrap every table alike: one answer per set of table sizes.
  const known = new Map<string, Prediction>();
  return (to) => {
    const key = holders.map(([t]) => sizeAt(t, to)).map((z) => `${z.width},${z.height}`).join(' ');
    const hit = known.get(key);
    if (hit) return hit;
    const grown = growth(holders, from, to);
    const tallest = new Map<number, number>();
    for (const n of nodes) for (const [k, v] of rowHeights(n.plan, grown.holders)) tallest.set(k, Math.max(tallest.get(k) ?? 0, v));
    const wider = nodes.map((n) => nodeGrowth(n.plan, grown));
    // Where each row's top would be once rows line up: the first where it
    // starts highest, each next one below the tallest of the row above, at
    // the gap ELK left between the two where a node has both (edges routed
    // between rows widen it). A node missing a row leaves ELK free to put
    // its other rows anywhere, so its tops say nothing here.
    const rowTop = new Map<number, number>();
    allRows.forEach((r, j) => {
      if (j === 0) return rowTop.set(r, Math.min(...tops.flatMap((t) => t.get(r) ?? [])));
      const up = allRows[j - 1]!;
      const gaps = nodes.flatMap((_, i) => (own[i]!.has(up) && tops[i]!.has(r) ? [tops[i]!.get(r)! - tops[i]!.get(up)! - own[i]!.get(up)!] : []));
      return rowTop.set(r, rowTop.get(up)! + tallest.get(up)! + (gaps.length ? Math.max(...gaps) : SPACING.rows));
    });
    const moved = (id: string): { dx: number; dy: number } => {
      const root = boxes.get(rootOf(id));
      const self = boxes.get(id);
      if (!root || !self) return still;
      // Every node to the left pushes it right by what that node gains, and
      // in its own node every column of tables to its left.
      let dx = nodes.reduce((total, n, i) => total + (n.box.x < root.x - 0.5 ? wider[i]! : 0), 0);
      const holder = holderOf.get(id);
      const i = nodes.findIndex((n) => holder !== undefined && n.plan.rowOf.has(holder));
      const level = levelWith.get(root.id);
      if (level !== undefined) return { dx, dy: moved(level).dy };
      if (i < 0 || holder === undefined) return { dx, dy: 0 };
      // A column is as wide as its widest table, before and after.
      for (const column of columns[i]!) {
        if (Math.max(...column.map((t) => t.x + t.width)) > self.x + 0.5) continue;
        dx += Math.max(...column.map((t) => t.width + (grown.tables.get(t.id)?.width ?? 0))) - Math.max(...column.map((t) => t.width));
      }
      const row = nodes[i]!.plan.rowOf.get(holder)!;
      const top = rowTop.get(row);
      return { dx, dy: top === undefined ? 0 : top - tops[i]!.get(row)! };
    };
    const size = {
      width: g.width + wider.reduce((total, w) => total + w, 0),
      height: g.height - tallestNode + sum(tallest),
      moved,
    };
    known.set(key, size);
    return size;
  };
}

/** One prediction (tests; fit.ts keeps the predictor for many). */
export function estimateSize(scene: Scene, g: Geometry, from: Wraps, to: Wraps): Size {
  return sizePredictor(scene, g, from)(to);
}

/** `g`'s boxes with the node-level children that hold tables resized as the tables would be at `to`. */
export function grownBoxes(scene: Scene, g: Geometry, from: Wraps, to: Wraps): Box[] {
  const grow = growth(tableHolders(scene), from, to).holders;
  return g.boxes.map((b) => {
    const d = grow.get(b.id);
    return d ? { ...b, width: b.width + d.width, height: b.height + d.height } : b;
  });
}
