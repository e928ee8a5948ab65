// Scene → ELK graph, with the settings experiments found to give a teacher's
// drawing: nodes side by side (root RIGHT, SEPARATE_CHILDREN), a straight
// stack inside each node (DOWN, INCLUDE_CHILDREN, one partition per row),
// tables on the outer sides (model order), explicit ports at every border.
import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { Scene, SceneElement } from '../scene/model.ts';
import { columnPartition, gapNodes } from './gaps.ts';
import type { LinkPlan, PortSpec } from './link-plan.ts';
import { leafSize, titleBand, titleWidth } from './measure.ts';
import { orderedChildren, rootColumns, tablesFirst } from './order.ts';
import type { Phantom } from './phantoms.ts';
import type { Stretch } from './label-room.ts';
import type { Spacer } from './same-row.ts';
import type { TableWrap } from './table-wrap.ts';
import { isContainer, rootsOf, rowOf } from './scene-tree.ts';
import { tableBox, titleLines } from './titles.ts';

export const SPACING = {
  /** Around the whole drawing. */
  margin: 16,
  /** Between columns at the root; a gap is widened to fit its own label (gaps.ts). */
  columns: 56,
  /** Inside a node: between siblings in a row and between rows. */
  siblings: 22,
  rows: 16,
  /** A node's inner padding (the top also holds the title). */
  nodePad: 12,
  podPad: 8,
} as const;

const padding = (top: number, side: number, bottom = side): string =>
  `[top=${top},left=${side},bottom=${bottom},right=${side}]`;

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
  'elk.partitioning.activate': 'true',
  // Packed as separate components, unlinked nodes would stack vertically.
  'elk.separateConnectedComponents': 'false',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.spacing.nodeNode': '40',
  'elk.padding': padding(SPACING.margin, SPACING.margin),
};

const NODE_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.partitioning.activate': 'true',
  'elk.separateConnectedComponents': 'false',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  // Inside pods, model order is not enforced (the option throws there, and
  // an edge leaving a device pulls it to one side): children carry positions
  // instead (podChildPosition), which semi-interactive crossing
  // minimisation keeps.
  'elk.layered.crossingMinimization.semiInteractive': 'true',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.portConstraints': 'FIXED_SIDE',
  'elk.spacing.nodeNode': String(SPACING.siblings),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(SPACING.rows),
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeEdge': '10',
};

function partitionOptions(partition: number | undefined): LayoutOptions {
  return partition === undefined ? {} : { 'elk.partitioning.partition': String(partition) };
}

function portsFor(id: string, ports: Map<string, PortSpec[]>): ElkPort[] {
  return (ports.get(id) ?? []).map((p) => ({
    id: p.id,
    width: 0,
    height: 0,
    layoutOptions: { 'elk.port.side': p.side },
  }));
}

function leafNode(b: Build, el: SceneElement, partition: number | undefined, inPod: boolean): ElkNode {
  const size =
    el.kind === 'table' ? tableBox(el, b.extras.wraps ?? new Map()) : leafSize(el.label);
  const standIn = b.extras.phantoms?.find((p) => p.stands?.id === el.id);
  if (standIn) size.height = Math.max(size.height, standIn.height);
  size.height += b.extras.stretches?.find((s) => s.id === el.id)?.extra ?? 0;
  return {
    id: el.id,
    ...size,
    ports: portsFor(el.id, b.ports),
    layoutOptions: {
      'elk.portConstraints': 'FIXED_SIDE',
      // Inside a pod the device hangs from the title, level with its
      // neighbour pods' devices, whatever table stands beside it.
      ...(inPod ? { 'elk.alignment': 'TOP' } : {}),
      ...partitionOptions(partition),
    },
  };
}

/** What the graph holds besides the scene: invisible nodes, and the table width chosen for the scene. */
export interface GraphExtras {
  phantoms?: readonly Phantom[];
  spacers?: readonly Spacer[];
  /** Boxes laid out taller than they are, to leave a link's label room (label-room.ts). */
  stretches?: readonly Stretch[];
  /** Characters each table's rows hold before they wrap (table-wrap.ts); WRAP.row when missing. */
  wraps?: ReadonlyMap<string, TableWrap>;
}

interface Build {
  scene: Scene;
  ports: Map<string, PortSpec[]>;
  edges: Map<string | undefined, ElkExtendedEdge[]>;
  extras: GraphExtras;
}

function phantomNodes(b: Build, parent: string): ElkNode[] {
  return (b.extras.phantoms ?? [])
    .filter((p) => p.parent === parent && !p.stands)
    .map((p) => ({ id: p.id, width: 1, height: p.height, layoutOptions: partitionOptions(p.row) }));
}

/** Real children, each followed by the spacers that go after it. */
function withSpacers(b: Build, kids: ElkNode[]): ElkNode[] {
  return kids.flatMap((k) => [
    k,
    ...(b.extras.spacers ?? [])
      .filter((s) => s.after === k.id)
      .map((s) => ({ id: s.id, width: s.width, height: 1, layoutOptions: partitionOptions(s.row) })),
  ]);
}

/** A hint ELK's semi-interactive crossing minimisation orders a pod's children by: their model order. */
function withOrderHints(kids: ElkNode[]): ElkNode[] {
  return kids.map((k, i) => ({ ...k, layoutOptions: { ...k.layoutOptions, 'elk.position': `(${i * 1000},0)` } }));
}

function containerNode(b: Build, el: SceneElement, topLevel: boolean, partition: number | undefined): ElkNode {
  const lines = titleLines(b.scene, el, b.extras.wraps ?? new Map(), SPACING.podPad);
  const title = titleBand(lines);
  const kids = orderedChildren(b.scene, el.id).map((c) =>
    // Partitions only mean something in a node's own graph: its rows.
    buildNode(b, c, false, topLevel ? rowOf(b.scene, c.id) : undefined),
  );
  const real = topLevel ? withSpacers(b, kids) : withOrderHints(kids);
  // Phantoms go on the outer side, with the tables, where there is room.
  const phantoms = phantomNodes(b, el.id);
  const children = tablesFirst(b.scene, el.id) ? [...phantoms, ...real] : [...real, ...phantoms];
  const base: LayoutOptions = topLevel
    ? { ...NODE_OPTIONS, 'elk.padding': padding(title, SPACING.nodePad) }
    : {
        'elk.direction': 'DOWN',
        'elk.portConstraints': 'FIXED_SIDE',
        'elk.alignment': 'TOP',
        'elk.layered.crossingMinimization.semiInteractive': 'true',
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        // ELK swaps a nested compound node's minimum width and height in DOWN
        // layouts with INCLUDE_CHILDREN (a known ELK bug), so it is given swapped.
        'elk.nodeSize.minimum': `(${title + 2 * SPACING.podPad}, ${titleWidth(lines)})`,
        'elk.padding': padding(title, SPACING.podPad),
      };
  return {
    id: el.id,
    children,
    ports: portsFor(el.id, b.ports),
    edges: b.edges.get(el.id) ?? [],
    layoutOptions: { ...base, ...partitionOptions(partition) },
  };
}

function buildNode(b: Build, el: SceneElement, topLevel: boolean, partition: number | undefined): ElkNode {
  if (isContainer(el)) return containerNode(b, el, topLevel, partition);
  const parent = el.parent === undefined ? undefined : b.scene.elements[el.parent];
  return leafNode(b, el, partition, parent !== undefined && parent.parent !== undefined);
}

/** The ELK graph for a scene, given the routable links' plans. */
export function buildElkGraph(scene: Scene, plans: readonly LinkPlan[], extras: GraphExtras = {}): ElkNode {
  const ports = new Map<string, PortSpec[]>();
  const edges = new Map<string | undefined, ElkExtendedEdge[]>();
  for (const plan of plans) {
    for (const piece of plan.pieces) {
      for (const p of [piece.source, piece.target]) {
        const list = ports.get(p.owner) ?? [];
        if (!list.some((q) => q.id === p.id)) list.push(p);
        ports.set(p.owner, list);
      }
      const list = edges.get(piece.container) ?? [];
      list.push({ id: piece.id, sources: [piece.source.id], targets: [piece.target.id] });
      edges.set(piece.container, list);
    }
  }
  const b: Build = { scene, ports, edges, extras };
  const columns = rootColumns(scene);
  // Each gap between columns is a layer of its own (gaps.ts): half the
  // spacing either side of it, and its invisible node as wide as its label.
  const layerGap = SPACING.columns / 2;
  const roots = rootsOf(scene).map((el) => buildNode(b, el, isContainer(el), columnPartition(columns.get(el.id) ?? 0)));
  return {
    id: '__root__',
    layoutOptions: { ...ROOT_OPTIONS, 'elk.layered.spacing.nodeNodeBetweenLayers': String(layerGap) },
    children: [...roots, ...gapNodes(scene, layerGap, SPACING.columns)],
    edges: edges.get(undefined) ?? [],
  };
}
