// How one scene link becomes ELK edges. ELK mis-places or refuses edges that
// cross container borders on their own, so every crossing gets an
// explicit port: device port → pod port → node port, one edge ("piece") per
// container, and the pieces are stitched back into one route afterwards.
import type { Link, Scene } from '../scene/model.ts';
import { orderedChildren, sameRowPair } from './order.ts';
import { ancestors, isContainer, rowOf } from './scene-tree.ts';

export type Side = 'NORTH' | 'SOUTH' | 'EAST' | 'WEST';

export interface PortSpec {
  id: string;
  /** The element the port belongs to. */
  owner: string;
  side: Side;
}

export interface Piece {
  id: string;
  /** Scene id of the container whose `edges` hold the piece; undefined = the root graph. */
  container: string | undefined;
  source: PortSpec;
  target: PortSpec;
  /** True when the ELK edge runs from the b side to the a side. */
  reversed: boolean;
}

export interface LinkPlan {
  index: number;
  link: Link;
  /** In order from end a to end b; empty when the link is drawn after layout (same-row.ts, shortcuts.ts). */
  pieces: Piece[];
  /** Drawn after layout straight across from node to node, its ends' sides facing (shortcuts.ts). */
  across?: boolean;
  /** Scene ids of the containers the route climbs out of and into, a side then b side. */
  upA: string[];
  upB: string[];
}

export interface PlanContext {
  columns: Map<string, number>;
  siblings: Map<string, number>;
}

function sidesFor(scene: Scene, ctx: PlanContext, topA: string, topB: string, lca: string | undefined): [Side, Side] {
  const ia = ctx.siblings.get(topA) ?? 0;
  const ib = ctx.siblings.get(topB) ?? 0;
  if (lca === undefined) {
    // The root runs RIGHT: elements in different columns meet on their facing sides.
    const ca = ctx.columns.get(topA) ?? 0;
    const cb = ctx.columns.get(topB) ?? 0;
    return ca < cb || (ca === cb && ia <= ib) ? ['EAST', 'WEST'] : ['WEST', 'EAST'];
  }
  // Containers run DOWN: the upper row leaves from its bottom, the lower enters at its top.
  const ra = rowOf(scene, topA);
  const rb = rowOf(scene, topB);
  if (ra !== rb) return ra < rb ? ['SOUTH', 'NORTH'] : ['NORTH', 'SOUTH'];
  return ia <= ib ? ['EAST', 'WEST'] : ['WEST', 'EAST'];
}

/** A pod, or anything inside one. */
function inPod(scene: Scene, id: string): boolean {
  return [id, ...ancestors(scene, id)].some((x) => scene.elements[x]?.kind === 'pod');
}

/**
 * Whether nothing stands between the end of `up` (an element, then the
 * containers it climbs out of, its node last) and its node's `side`: at
 * every level it is the outermost of its row on that side. A pod's children
 * all count as one row (whatever ELK layers them in), so a doubt keeps the
 * link to the pod's bottom.
 */
function clearTo(scene: Scene, up: readonly string[], side: Side): boolean {
  for (let i = 0; i + 1 < up.length; i++) {
    const [id, parent] = [up[i]!, up[i + 1]!];
    const inNode = scene.elements[parent]?.parent === undefined;
    const row = orderedChildren(scene, parent).filter((k) => !inNode || rowOf(scene, k.id) === rowOf(scene, id));
    const at = row.findIndex((k) => k.id === id);
    if (at !== (side === 'EAST' ? row.length - 1 : 0)) return false;
  }
  return true;
}

/** Whether two top-level elements are nodes in neighbouring columns: nothing but the gap between them. */
function neighbourNodes(scene: Scene, ctx: PlanContext, a: string, b: string): boolean {
  const [ca, cb] = [ctx.columns.get(a), ctx.columns.get(b)];
  const nodes = scene.elements[a]?.kind === 'node' && scene.elements[b]?.kind === 'node';
  return nodes && ca !== undefined && cb !== undefined && Math.abs(ca - cb) === 1;
}

/** The plan for one link, or null when its ends cannot be drawn as a route (missing, identical, nested). */
export function planLink(scene: Scene, ctx: PlanContext, link: Link, index: number): LinkPlan | null {
  const { a, b } = link;
  if (!scene.elements[a] || !scene.elements[b] || a === b) return null;
  const chainA = [a, ...ancestors(scene, a)];
  const chainB = [b, ...ancestors(scene, b)];
  if (chainA.includes(b) || chainB.includes(a)) return null;
  const inB = new Set(chainB);
  const lca = chainA.find((id) => inB.has(id));
  const upA = lca === undefined ? chainA : chainA.slice(0, chainA.indexOf(lca));
  const upB = lca === undefined ? chainB : chainB.slice(0, chainB.indexOf(lca));
  const topA = upA[upA.length - 1] ?? a;
  const topB = upB[upB.length - 1] ?? b;
  if (sameRowPair(scene, link)) return { index, link, pieces: [], upA, upB };
  const [sideA, sideB] = sidesFor(scene, ctx, topA, topB, lca);
  // A link leaving its node sideways from inside a pod (a shortcut to an
  // upstream server) drops out of the pod's bottom first: sideways it would
  // have to pass whatever stands beside the device in the pod. Between two
  // neighbouring nodes with nothing in the way at either end, it is kept
  // out of ELK instead, which would put the nodes' border ports where their
  // layers end and lower the pod to meet them, and drawn straight across
  // afterwards (shortcuts.ts). A wire keeps to the side: it is drawn
  // straight across (straighten.ts).
  const down = lca === undefined && link.kind !== 'wire' && link.kind !== 'tunnel';
  if (down && neighbourNodes(scene, ctx, topA, topB) && upA.length > 1 && upB.length > 1) {
    const leaves = !isContainer(scene.elements[a]!) && !isContainer(scene.elements[b]!);
    if (leaves && clearTo(scene, upA, sideA) && clearTo(scene, upB, sideB)) return { index, link, pieces: [], upA, upB, across: true };
  }
  const reversed = sideA === 'NORTH' || sideA === 'WEST';
  const port = (owner: string, side: Side): PortSpec => ({ id: `L${index}@${owner}`, owner, side });
  const sideOf = (up: string[], side: Side) => (id: string, i: number): PortSpec =>
    port(id, down && i < up.length - 1 && inPod(scene, id) ? 'SOUTH' : side);
  const portsA = upA.map(sideOf(upA, sideA));
  const portsB = upB.map(sideOf(upB, sideB));

  const hops: [PortSpec, PortSpec, string | undefined][] = [];
  for (let i = 0; i + 1 < portsA.length; i++) hops.push([portsA[i]!, portsA[i + 1]!, upA[i + 1]]);
  hops.push([portsA[portsA.length - 1]!, portsB[portsB.length - 1]!, lca]);
  for (let i = portsB.length - 2; i >= 0; i--) hops.push([portsB[i + 1]!, portsB[i]!, upB[i + 1]]);

  const lcaHop = portsA.length - 1;
  const pieces = hops.map(([from, to, container], k): Piece => {
    // Pieces inside a climbed container point outwards, child → border (ELK
    // put an inward-pointing WEST port on the wrong side); the piece in the
    // common container follows the stack, down or right.
    const flip = k === lcaHop ? reversed : k > lcaHop;
    return { id: `L${index}.${k}`, container, source: flip ? to : from, target: flip ? from : to, reversed: flip };
  });
  return { index, link, pieces, upA, upB };
}

