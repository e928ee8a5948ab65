// Pods laid out by rule before ELK sees them. Most pods are a title over one
// row of boxes (an eth0, perhaps a table or a process beside it) with at
// most one link, leaving straight down from a device: nothing there for ELK
// to decide. Given to ELK as a compound node, each still costs a layered
// graph of its own (about a quarter of a layout's ELK time in the two-node
// scenes), so such a pod goes in as a plain box of its final size, its border
// port fixed where ELK would have put it, and its inside is put back into
// ELK's answer.
// The rule is ELK's own result for these pods (tests/unit/layout-pack.test.ts
// holds the two equal); any other pod is left to ELK. Two links out of one
// pod are not packed: ELK then orders the pod's ports and boxes with the
// node's other links in view, which a rule cannot know beforehand.
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';

/** ELK's default gap between siblings, for a pod's graph that does not set its own (elk-graph.ts does not). */
const GAP = 20;

interface Inside {
  children: ElkNode[];
  edges: ElkExtendedEdge[];
}

export interface Packed {
  /** The graph for ELK: packable pods are leaves with fixed ports. */
  graph: ElkNode;
  /** ELK's answer for `graph` with the pods' insides put back, as ELK would have drawn them. */
  unpack(laidOut: ElkNode): ElkNode;
}

const sideOf = (p: ElkPort): string | undefined => p.layoutOptions?.['elk.port.side'];

function padding(pod: ElkNode): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\[top=([\d.]+),left=([\d.]+),bottom=([\d.]+),right=([\d.]+)\]$/.exec(pod.layoutOptions?.['elk.padding'] ?? '');
  return m ? { top: Number(m[1]), left: Number(m[2]), bottom: Number(m[3]), right: Number(m[4]) } : null;
}

/** A pod's minimum size, given to ELK swapped (elk-graph.ts says why), as ELK applies it; null when it does not read. */
function minimum(pod: ElkNode): { width: number; height: number } | null {
  const given = pod.layoutOptions?.['elk.nodeSize.minimum'];
  if (given === undefined) return { width: 0, height: 0 };
  const m = /^\(([\d.]+), *([\d.]+)\)$/.exec(given);
  return m ? { width: Number(m[2]), height: Number(m[1]) } : null;
}

/**
 * The pod as a box with its inside placed, or null when ELK must place it:
 * every child a leaf of known size with at most one port, on its bottom, and
 * at most one port on the pod, on its bottom, reached by one straight drop
 * from such a port.
 */
function place(pod: ElkNode): { box: ElkNode; inside: Inside } | null {
  const pad = padding(pod);
  const min = minimum(pod);
  const kids = pod.children ?? [];
  // A child container, even an empty one, is sized by ELK from its own minimum.
  if (!pad || !min || kids.length === 0 || kids.some((k) => k.children !== undefined || k.width === undefined || k.height === undefined)) return null;
  if (kids.some((k) => (k.ports ?? []).length > 1 || (k.ports ?? []).some((p) => sideOf(p) !== 'SOUTH'))) return null;
  const owner = new Map<string, ElkNode>(kids.flatMap((k) => (k.ports ?? []).map((p): [string, ElkNode] => [p.id, k])));
  const outer = new Map((pod.ports ?? []).map((p) => [p.id, p]));
  if (outer.size > 1 || [...outer.values()].some((p) => sideOf(p) !== 'SOUTH')) return null;
  const drops = new Map<string, { edge: ElkExtendedEdge; inner: string }>();
  for (const edge of pod.edges ?? []) {
    const ends = [...edge.sources, ...edge.targets];
    const inner = ends.find((id) => owner.has(id));
    const border = ends.find((id) => outer.has(id));
    if (ends.length !== 2 || inner === undefined || border === undefined || drops.has(border)) return null;
    drops.set(border, { edge, inner });
  }
  // A border port no link inside reaches is placed along the side by ELK's own rules.
  if (drops.size !== outer.size) return null;

  const gap = Number(pod.layoutOptions?.['elk.spacing.nodeNode'] ?? GAP);
  let x = pad.left;
  const children = kids.map((k) => {
    const placed: ElkNode = {
      ...k,
      x,
      y: pad.top,
      ports: (k.ports ?? []).map((p) => ({ ...p, x: (k.width ?? 0) / 2, y: k.height ?? 0 })),
    };
    x += (k.width ?? 0) + gap;
    return placed;
  });
  const width = Math.max(x - gap + pad.right, min.width);
  const height = Math.max(pad.top + Math.max(...kids.map((k) => k.height ?? 0)) + pad.bottom, min.height);
  const at = new Map(children.flatMap((c) => (c.ports ?? []).map((p) => [p.id, { x: c.x! + p.x!, y: c.y! + p.y! }])));
  const ports = (pod.ports ?? []).map((p) => ({ ...p, x: at.get(drops.get(p.id)!.inner)!.x, y: height }));
  const edges = [...drops].map(([border, { edge, inner }]) => {
    const [a, b] = [at.get(inner)!, { x: at.get(inner)!.x, y: height }];
    const fromInside = edge.sources.includes(inner);
    return { ...edge, container: pod.id, sections: [{ id: `${edge.id}_s0`, startPoint: fromInside ? a : b, endPoint: fromInside ? b : a }] };
  });
  const options: Record<string, string> = { ...pod.layoutOptions, 'elk.portConstraints': 'FIXED_POS' };
  // The box is its final size: nothing left for ELK to size.
  delete options['elk.nodeSize.constraints'];
  delete options['elk.nodeSize.minimum'];
  return { box: { id: pod.id, width, height, ports, layoutOptions: options }, inside: { children, edges } };
}

/** The graph with every container two levels down (a pod in a node, mostly) that `place` can lay out given to ELK as a box. */
export function packPods(graph: ElkNode): Packed {
  const insides = new Map<string, Inside>();
  const nodes = (graph.children ?? []).map((node) => {
    if (!node.children?.length) return node;
    const children = node.children.map((kid) => {
      const placed = kid.children?.length ? place(kid) : null;
      if (!placed) return kid;
      insides.set(kid.id, placed.inside);
      return placed.box;
    });
    return { ...node, children };
  });
  const unpack = (laidOut: ElkNode): ElkNode => {
    for (const node of laidOut.children ?? []) {
      for (const kid of node.children ?? []) {
        const inside = insides.get(kid.id);
        if (inside) Object.assign(kid, structuredClone(inside));
      }
    }
    return laidOut;
  };
  return { graph: insides.size === 0 ? graph : { ...graph, children: nodes }, unpack };
}
