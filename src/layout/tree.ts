// The containment a Geometry carries: each box names its parent and says
// whether it is drawn as a container. Later stages (render, timeline,
// camera) read who holds whom from here, never from the scene or from which
// rectangle lies inside which.
import type { Box } from './types.ts';

/** The boxes by id, to follow `parent` up. */
export type BoxTree = ReadonlyMap<string, Box>;

export function boxTree(boxes: readonly Box[]): BoxTree {
  return new Map(boxes.map((b) => [b.id, b]));
}

/** The boxes around `box`, nearest first. */
export function ancestorBoxes(box: Box, tree: BoxTree): Box[] {
  const out: Box[] = [];
  for (let up = box.parent; up !== undefined; ) {
    const b = tree.get(up);
    if (!b) break;
    out.push(b);
    up = b.parent;
  }
  return out;
}
