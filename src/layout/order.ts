// Left-to-right order: ELK is told to keep model order, so the order we list
// children in decides which side things end up on.
import type { Link, Scene, SceneElement } from '../scene/model.ts';
import { ancestors, childrenOf, rootsOf, rowOf } from './scene-tree.ts';

/**
 * Root columns, left to right in file order. Each node gets a column of its
 * own; consecutive elements that are not nodes (external clients, upstream
 * servers) share one, so an external listed before node 1 sits left of it.
 */
export function rootColumns(scene: Scene): Map<string, number> {
  const cols = new Map<string, number>();
  let col = -1;
  let prevWasNode = true;
  for (const el of rootsOf(scene)) {
    const isNode = el.kind === 'node';
    if (isNode || prevWasNode) col += 1;
    cols.set(el.id, col);
    prevWasNode = isNode;
  }
  return cols;
}

const topOf = (scene: Scene, id: string): string => [id, ...ancestors(scene, id)].pop() ?? id;

/** Which sides of a top-level element have links leaving it for another column. */
function linkedSides(scene: Scene, top: string): { left: boolean; right: boolean } {
  const cols = rootColumns(scene);
  const mine = cols.get(top) ?? 0;
  const out = { left: false, right: false };
  for (const { a, b } of scene.links) {
    const [ta, tb] = [topOf(scene, a), topOf(scene, b)];
    if (ta === tb || (ta !== top && tb !== top)) continue;
    const other = cols.get(ta === top ? tb : ta) ?? mine;
    if (other < mine) out.left = true;
    if (other > mine) out.right = true;
  }
  return out;
}

/**
 * Whether a container lists its tables first (they end up on its left).
 * A node keeps its tables on the side no link leaves from, so a wire into
 * its NIC never has to pass a table: left in a node wired only to the right,
 * right in one wired only to the left; with both or neither, left in the
 * first node and right in later ones (the outer sides of a pair). A pod
 * linked to a neighbour pod in its row turns its tables away from it, so the
 * link runs straight between the two; other pods follow their node.
 */
export function tablesFirst(scene: Scene, containerId: string): boolean {
  const el = scene.elements[containerId];
  if (el?.kind === 'pod') {
    for (const link of scene.links) {
      const pair = sameRowPair(scene, link);
      if (pair?.left === containerId) return true;
      if (pair?.right === containerId) return false;
    }
  }
  const top = topOf(scene, containerId);
  const sides = linkedSides(scene, top);
  if (sides.left !== sides.right) return sides.right;
  const firstNode = rootsOf(scene).find((r) => r.kind === 'node');
  return firstNode === undefined || firstNode.id === top;
}

export function orderedChildren(scene: Scene, containerId: string): SceneElement[] {
  const kids = childrenOf(scene, containerId);
  const tables = kids.filter((k) => k.kind === 'table');
  const rest = kids.filter((k) => k.kind !== 'table');
  return tablesFirst(scene, containerId) ? [...tables, ...rest] : [...rest, ...tables];
}

/** Index of every element among its siblings, in the order given to ELK. */
export function siblingIndex(scene: Scene): Map<string, number> {
  const idx = new Map<string, number>();
  rootsOf(scene).forEach((r, i) => idx.set(r.id, i));
  for (const el of Object.values(scene.elements)) {
    orderedChildren(scene, el.id).forEach((c, i) => idx.set(c.id, i));
  }
  return idx;
}

/** A link between two neighbours in one row of a node, with its ends' top-level-in-node elements ordered left to right. */
export interface SameRowPair {
  node: string;
  row: number;
  /** The node's children holding the ends (a pod, or the end itself). */
  left: string;
  right: string;
  /** The link's ends, in the same order. */
  leftEnd: string;
  rightEnd: string;
}

/**
 * ELK layers a DOWN graph by its edges, so it would put the two ends of a
 * link inside one row in different layers, staggered diagonally. Such links
 * are found here, kept out of ELK and drawn straight across afterwards.
 */
export function sameRowPair(scene: Scene, link: Link): SameRowPair | null {
  const { a, b } = link;
  if (!scene.elements[a] || !scene.elements[b] || a === b) return null;
  const chainA = [a, ...ancestors(scene, a)];
  const chainB = [b, ...ancestors(scene, b)];
  const node = chainA[chainA.length - 1]!;
  if (node !== chainB[chainB.length - 1] || scene.elements[node]?.kind !== 'node') return null;
  if (chainA.length < 2 || chainB.length < 2) return null;
  const topA = chainA[chainA.length - 2]!;
  const topB = chainB[chainB.length - 2]!;
  const row = rowOf(scene, topA);
  if (topA === topB || row !== rowOf(scene, topB)) return null;
  const order = orderedChildren(scene, node).map((c) => c.id);
  return order.indexOf(topA) < order.indexOf(topB)
    ? { node, row, left: topA, right: topB, leftEnd: a, rightEnd: b }
    : { node, row, left: topB, right: topA, leftEnd: b, rightEnd: a };
}
