// Invisible links for devices the scene leaves unconnected. A scene may skip
// hops (a shortcut stands for them), and then ELK has no edge to hang cni0 or
// the NIC from: it drops them anywhere in their row. A ghost link from the
// row above puts each back in the stack column, centred under what feeds it;
// ELK lays ghosts out like links and nothing draws them.
import type { Link, Scene, SceneElement } from '../scene/model.ts';
import { childrenOf, rootsOf, rowOf } from './scene-tree.ts';

const pos = { file: '(layout)', line: 0, col: 0 };

/** The devices directly in a node that no link touches from inside the same node. */
function loose(scene: Scene, node: SceneElement): SceneElement[] {
  const inNode = (id: string): boolean => {
    for (let cur: string | undefined = id; cur !== undefined; cur = scene.elements[cur]?.parent) {
      if (cur === node.id) return true;
    }
    return false;
  };
  return childrenOf(scene, node.id).filter(
    (c) =>
      c.kind === 'device' &&
      !scene.links.some((l) => (l.a === c.id && inNode(l.b)) || (l.b === c.id && inNode(l.a))),
  );
}

/**
 * What a loose device in `row` hangs from: the nearest row above that has
 * devices (a pod counts by its devices); in a node with no stack above the
 * device (a NIC under kube-proxy and tables), the nearest element above, so
 * the device stands under the column instead of beside it.
 */
function feeders(scene: Scene, node: SceneElement, row: number): string[] {
  const kids = childrenOf(scene, node.id);
  const stack = stackFeeders(scene, kids, row);
  if (stack.length > 0) return stack;
  for (let r = row - 1; r >= 0; r--) {
    const above = kids.filter((k) => rowOf(scene, k.id) === r);
    if (above.length === 1) return [above[0]!.id];
    if (above.length > 1) return [];
  }
  return [];
}

function stackFeeders(scene: Scene, kids: SceneElement[], row: number): string[] {
  for (let r = row - 1; r >= 0; r--) {
    const found = kids
      .filter((k) => rowOf(scene, k.id) === r && (k.kind === 'device' || k.kind === 'pod'))
      .flatMap((k) => {
        if (k.kind !== 'pod') return [k.id];
        const devices = childrenOf(scene, k.id).filter((d) => d.kind === 'device');
        return devices.length > 0 ? devices.map((d) => d.id) : [k.id];
      });
    if (found.length > 0) return found;
  }
  return [];
}

const linked = (scene: Scene, x: string, y: string): boolean =>
  scene.links.some((l) => (l.a === x && l.b === y) || (l.a === y && l.b === x));

/**
 * A node's side column, chained top to bottom: its tables, one per row, and
 * what is linked to them alone (kube-proxy writing the nat table). ELK then
 * aligns the column on one axis, where it would otherwise place each table
 * at its own offset and make the column wider than its widest table.
 */
function sideChain(scene: Scene, node: SceneElement): [string, string][] {
  const kids = childrenOf(scene, node.id);
  const tables = kids.filter((c) => c.kind === 'table');
  const helpers = kids.filter(
    (k) =>
      k.kind === 'process' &&
      scene.links.some((l) => l.a === k.id || l.b === k.id) &&
      scene.links.every((l) => (l.a !== k.id && l.b !== k.id) || tables.some((t) => t.id === l.a || t.id === l.b)),
  );
  const side = [...tables, ...helpers].map((e) => ({ id: e.id, row: rowOf(scene, e.id) }));
  if (new Set(side.map((e) => e.row)).size !== side.length) return [];
  side.sort((a, b) => a.row - b.row);
  return side
    .slice(1)
    .map((e, i): [string, string] => [side[i]!.id, e.id])
    .filter(([a, b]) => !linked(scene, a, b));
}

/** Ghost links, in a stable order; ids start with `__ghost__` and never reach the Geometry. */
export function ghostLinks(scene: Scene): Link[] {
  const out: Link[] = [];
  const add = (a: string, b: string): void => {
    out.push({ id: `__ghost__/${a}--${b}`, kind: 'stack', a, b, pos });
  };
  for (const node of rootsOf(scene).filter((r) => r.kind === 'node')) {
    for (const dev of loose(scene, node)) {
      for (const from of feeders(scene, node, rowOf(scene, dev.id))) add(from, dev.id);
    }
    for (const [a, b] of sideChain(scene, node)) add(a, b);
  }
  return out;
}
