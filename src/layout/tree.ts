// The containment a Geometry carries: its boxes come parents first, depth
// first, each with its nesting depth, so a box's parent is the last box
// before it one level up. Later stages (render, timeline) read who holds whom
// from here, never from the scene or from which rectangle lies inside which.
import type { Box } from './types.ts';

/** The enclosing box of each box id (none for top-level boxes). */
export type BoxTree = ReadonlyMap<string, Box>;

export function boxTree(boxes: readonly Box[]): BoxTree {
  const parent = new Map<string, Box>();
  const last: Box[] = [];
  for (const b of boxes) {
    const up = last[b.depth - 1];
    if (up) parent.set(b.id, up);
    last[b.depth] = b;
  }
  return parent;
}

/** Drawn as a container (title top-left): nodes and pods always, and any box that holds others. */
export function isContainerBox(box: Box, tree: BoxTree): boolean {
  return box.kind === 'node' || box.kind === 'pod' || [...tree.values()].includes(box);
}

/** The boxes around `box`, nearest first. */
export function ancestorBoxes(box: Box, tree: BoxTree): Box[] {
  const out: Box[] = [];
  for (let up = tree.get(box.id); up; up = tree.get(up.id)) out.push(up);
  return out;
}
