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

/** What a loose device in `row` hangs from: the nearest row above that has devices, or the pods' devices. */
function feeders(scene: Scene, node: SceneElement, row: number): string[] {
  const kids = childrenOf(scene, node.id);
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

/** Ghost links, in a stable order; ids start with `__ghost__` and never reach the Geometry. */
export function ghostLinks(scene: Scene): Link[] {
  const out: Link[] = [];
  for (const node of rootsOf(scene).filter((r) => r.kind === 'node')) {
    for (const dev of loose(scene, node)) {
      for (const from of feeders(scene, node, rowOf(scene, dev.id))) {
        out.push({ id: `__ghost__/${from}--${dev.id}`, kind: 'stack', a: from, b: dev.id, pos });
      }
    }
  }
  return out;
}
