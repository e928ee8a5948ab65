// What a step asks the camera to keep in view, most important first:
// whatever the caller adds (the packet card), where the packet is going,
// where it came from, the tables whose rows the step lights, and the titles of the
// pod and node around the destination (so a close view still says where it is).

import type { Box, Geometry } from '../layout/types.ts';
import { maxWidth, PAD, titleBand } from '../layout/measure.ts';
import type { Rect } from './rect.ts';

/** The parts of a derived step the camera reads. */
export interface FocusStep {
  from: string;
  at: string;
  highlight: readonly { table: string }[];
}

/** Side of the square kept round an id that has an anchor but no box. */
const POINT = 24;

export function focusRects(step: FocusStep, geometry: Geometry, extras: readonly Rect[] = []): Rect[] {
  const boxes = new Map(geometry.boxes.map((b) => [b.id, b]));
  const place = (id: string): Rect | undefined => {
    const box = boxes.get(id);
    if (box) return rectOf(box);
    const p = geometry.anchors[id];
    return p ? { x: p.x - POINT / 2, y: p.y - POINT / 2, width: POINT, height: POINT } : undefined;
  };
  const tables = [...new Set(step.highlight.map((h) => h.table))];
  const at = boxes.get(step.at);
  const titles = at ? ancestors(at, geometry.boxes).map(titleRect) : [];
  // The caller's rects first: the packet card (with the packet's dot) is what the step did, and it
  // rests beside the box it is at, close enough that both fit any phone's view; on a stage too
  // small for both, the card and the dot win over the whole box.
  const all = [...extras, place(step.at), place(step.from), ...tables.map(place), ...titles];
  return all.filter((r): r is Rect => r !== undefined);
}

function rectOf(b: Box): Rect {
  return { x: b.x, y: b.y, width: b.width, height: b.height };
}

/** Innermost first: the pod's title matters more than the node's. */
function ancestors(box: Box, boxes: readonly Box[]): Box[] {
  return boxes
    .filter((b) => b !== box && b.x <= box.x && b.y <= box.y && b.x + b.width >= box.x + box.width && b.y + b.height >= box.y + box.height)
    .sort((a, b) => a.width * a.height - b.width * b.height);
}

/** A container's title, drawn top-left (render/boxes.ts). */
function titleRect(b: Box): Rect {
  return { x: b.x, y: b.y, width: Math.min(b.width, maxWidth(b.label) + 2 * PAD.titleX), height: titleBand(b.label) };
}
