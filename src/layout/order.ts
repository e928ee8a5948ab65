// Left-to-right order: ELK is told to keep model order, so the order we list
// children in decides which side things end up on.
import type { Scene, SceneElement } from '../scene/model.ts';
import { ancestors, childrenOf, rootsOf } from './scene-tree.ts';

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

/**
 * Tables go on the node's outer side: left in the first node (listed first),
 * right in every later node (listed last). A pod follows its node.
 */
export function tablesFirst(scene: Scene, containerId: string): boolean {
  const top = [containerId, ...ancestors(scene, containerId)].pop() ?? containerId;
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
