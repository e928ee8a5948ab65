// What a step asks the camera to keep in view, most important first:
// whatever the caller adds (the packet card), where the packet is going, the
// table rows the step lights, where it came from, and the titles of the pod
// and node around the destination (so a close view still says where it is).
// A step with no packet (a CNI plugin at work) is about what it changes: what
// it creates and the rows it adds or changes come first, then its actor.

import type { Box, Geometry } from '../layout/types.ts';
import { maxWidth, PAD, titleBand } from '../layout/measure.ts';
import type { Rect } from './rect.ts';
import { ancestorBoxes, boxTree } from '../layout/tree.ts';

/** The parts of a derived step the camera reads. */
export interface FocusStep {
  /** '' on a step that acts on the topology rather than on a packet. */
  packet?: string;
  from: string;
  at: string;
  highlight: readonly { table: string; row?: string }[];
  /** Elements and links the step creates. */
  appeared?: readonly string[];
  /** Every table's rows after the step: those it added or changed are what it did. */
  tables?: Readonly<Record<string, readonly { id: string; state: string }[]>>;
}

/** Side of the square kept round an id that has an anchor but no box. */
const POINT = 24;

export function focusRects(step: FocusStep, geometry: Geometry, extras: readonly Rect[] = []): Rect[] {
  const boxes = boxTree(geometry.boxes);
  const place = (id: string): Rect | undefined => {
    const box = boxes.get(id);
    if (box) return rectOf(box);
    const p = geometry.anchors[id];
    return p ? { x: p.x - POINT / 2, y: p.y - POINT / 2, width: POINT, height: POINT } : undefined;
  };
  // The lit rows themselves, not their whole tables: a long iptables table does not fit beside the
  // card at a projector's text size, but the rule that decided the hop does.
  const rows = step.highlight.map((h) => litRow(boxes.get(h.table), h.row) ?? place(h.table));
  const at = boxes.get(step.at);
  // Innermost first: the pod's title matters more than the node's.
  const titles = at ? ancestorBoxes(at, boxes).map(titleRect) : [];
  // The caller's rects first: the packet card (with the packet's dot) is what the step did, and it
  // rests beside the box it is at, close enough that both fit any phone's view; on a stage too
  // small for both, the card and the dot win over the whole box.
  const all = (step.packet === ''
    ? [...extras, ...made(step, geometry, place), ...touched(step, boxes), ...rows, place(step.at), ...titles]
    : [...extras, place(step.at), ...rows, place(step.from), ...titles]
  ).filter((r): r is Rect => r !== undefined);
  // Two lit rows of one table without row boxes fall back to the same table: keep it once.
  const seen = new Set<string>();
  return all.filter((r) => {
    const key = `${r.x} ${r.y} ${r.width} ${r.height}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/** What the step creates: a box, or a link's two ends (the wire runs between them). */
function made(step: FocusStep, geometry: Geometry, place: (id: string) => Rect | undefined): (Rect | undefined)[] {
  return (step.appeared ?? []).flatMap((id) => {
    const link = geometry.edges.find((e) => e.link === id);
    return link ? [place(link.a), place(link.b)] : [place(id)];
  });
}

/** The rows the step added or changed, each where it is drawn. */
function touched(step: FocusStep, boxes: ReadonlyMap<string, Box>): (Rect | undefined)[] {
  return Object.entries(step.tables ?? {}).flatMap(([table, rows]) => rows.filter((r) => r.state === 'new' || r.state === 'changed').map((r) => litRow(boxes.get(table), r.id)));
}

function litRow(table: Box | undefined, row: string | undefined): Rect | undefined {
  if (!table || row === undefined) return undefined;
  const r = table.rows?.find((x) => x.id === row);
  return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : undefined;
}

function rectOf(b: Box): Rect {
  return { x: b.x, y: b.y, width: b.width, height: b.height };
}

/** A container's title, drawn top-left (render/boxes.ts). */
function titleRect(b: Box): Rect {
  return { x: b.x, y: b.y, width: Math.min(b.width, maxWidth(b.label) + 2 * PAD.titleX), height: titleBand(b.label) };
}
