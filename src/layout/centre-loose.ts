// A device the scene leaves unconnected hangs from ghost links (ghosts.ts),
// but ELK's placement does not centre it under feeders that sit in pods: the
// ghost links reach it through the pods' borders, and cni0 ends up under one
// pod. After layout it is moved sideways to the middle of what feeds it, as a
// teacher draws a bridge between two pods; what hangs from it follows.
import { overlaps } from './rect.ts';
import { ancestors, rowOf } from './scene-tree.ts';
import type { Work } from './work.ts';

/** Room kept to a neighbour, and to the node's border. */
const CLEAR = 8;

const isGhost = (id: string): boolean => id.startsWith('__ghost__/');

export function centreLoose(work: Work): void {
  const { scene, rects } = work;
  const ghosts = work.routes.map((r) => r.plan.link).filter((l) => isGhost(l.id));
  const targets = [...new Set(ghosts.map((g) => g.b))].sort((x, y) => rowOf(scene, x) - rowOf(scene, y));
  for (const id of targets) {
    const el = scene.elements[id];
    const r = rects.get(id);
    const parent = el?.parent === undefined ? undefined : rects.get(el.parent);
    // A device with real links would leave their routes behind.
    if (el?.kind !== 'device' || !r || !parent || scene.links.some((l) => l.a === id || l.b === id)) continue;
    const feeders = ghosts.flatMap((g) => (g.b === id && rects.has(g.a) ? [rects.get(g.a)!] : []));
    if (feeders.length === 0) continue;
    const cx = feeders.reduce((s, f) => s + f.x + f.width / 2, 0) / feeders.length;
    const moved = { ...r, x: cx - r.width / 2 };
    if (moved.x < parent.x + CLEAR || moved.x + moved.width > parent.x + parent.width - CLEAR) continue;
    const own = new Set([id, ...ancestors(scene, id)]);
    const room = { x: moved.x - CLEAR, y: moved.y, width: moved.width + 2 * CLEAR, height: moved.height };
    if ([...rects].some(([other, o]) => !own.has(other) && overlaps(room, o))) continue;
    rects.set(id, moved);
  }
}
