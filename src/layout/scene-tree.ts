// Questions about the scene's element tree that the layout asks: who
// encloses whom, and which row of a node's drawing an element sits in.
import type { Scene, SceneElement } from '../scene/model.ts';

/** Rows of a node's drawing, from the top: pods at the top, the NIC at the bottom (docs/layout.md, "The picture it aims for"). */
export const ROW = { pod: 0, veth: 1, bridge: 2, tunnel: 3, nic: 4 } as const;

/** The element's ancestors, nearest first. Stops at a missing or repeated parent. */
export function ancestors(scene: Scene, id: string): string[] {
  const out: string[] = [];
  const seen = new Set([id]);
  let cur = scene.elements[id]?.parent;
  while (cur !== undefined && scene.elements[cur] && !seen.has(cur)) {
    out.push(cur);
    seen.add(cur);
    cur = scene.elements[cur]?.parent;
  }
  return out;
}

export function depthOf(scene: Scene, id: string): number {
  return ancestors(scene, id).length;
}

export function isContainer(el: SceneElement): boolean {
  return el.children.length > 0 || el.kind === 'node' || el.kind === 'pod';
}

/** Children that exist; a dangling id in `children` is skipped, not fatal. */
export function childrenOf(scene: Scene, id: string): SceneElement[] {
  const el = scene.elements[id];
  if (!el) return [];
  return el.children.flatMap((c) => {
    const child = scene.elements[c];
    return child && child.parent === id ? [child] : [];
  });
}

export function rootsOf(scene: Scene): SceneElement[] {
  return scene.roots.flatMap((r) => {
    const el = scene.elements[r];
    return el && el.parent === undefined ? [el] : [];
  });
}

function deviceRow(type: string | undefined): number {
  switch (type) {
    case 'bridge':
      return ROW.bridge;
    case 'vxlan':
    case 'ipip':
      return ROW.tunnel;
    case 'nic':
      return ROW.nic;
    default:
      return ROW.veth;
  }
}

/**
 * The element's row in its node's stack. Everything inside a pod is in the
 * pod's row; a table (or anything with `beside`) takes its neighbour's row.
 */
export function rowOf(scene: Scene, id: string, seen: Set<string> = new Set()): number {
  const el = scene.elements[id];
  if (!el || seen.has(id)) return ROW.pod;
  seen.add(id);
  if (el.row !== undefined) return el.row;
  const parent = el.parent ? scene.elements[el.parent] : undefined;
  if (parent && parent.kind !== 'node' && parent.parent !== undefined) return rowOf(scene, parent.id, seen);
  if (el.beside !== undefined && scene.elements[el.beside]) return rowOf(scene, el.beside, seen);
  switch (el.kind) {
    case 'device':
      return deviceRow(el.type);
    case 'process':
    case 'service':
      return ROW.veth;
    default:
      return ROW.pod;
  }
}
