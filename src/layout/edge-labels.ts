// Where a link's label goes: beside the stretch of its route that runs
// through the most open space (the gap between two nodes, say), at the first
// spot where the text covers no device, no border, no other line and no
// other label. Best effort: with no free spot it takes the best-ranked one.
import type { Link, Scene } from '../scene/model.ts';
import type { Rect } from './absolute.ts';
import type { EdgeLabel, EdgeRoute, Point } from './types.ts';
import { lineHeight, linesWidth, wrap, WRAP } from './measure.ts';
import { overlaps } from './rect.ts';
import { ancestors, depthOf } from './scene-tree.ts';
import { planLink } from './link-plan.ts';
import { rootColumns, siblingIndex } from './order.ts';


interface Stretch {
  from: number;
  to: number;
  /** The segment's fixed coordinate (y of a horizontal one, x of a vertical one). */
  at: number;
  horizontal: boolean;
}

/** The parts of [from, to] not covered by any of the given intervals. */
function freeParts(from: number, to: number, covered: [number, number][]): [number, number][] {
  let parts: [number, number][] = [[from, to]];
  for (const [c0, c1] of covered) {
    parts = parts.flatMap(([p0, p1]): [number, number][] => {
      if (c1 <= p0 || c0 >= p1) return [[p0, p1]];
      const out: [number, number][] = [];
      if (c0 > p0) out.push([p0, c0]);
      if (c1 < p1) out.push([c1, p1]);
      return out;
    });
  }
  return parts;
}

/** The route's segments cut into the parts that lie outside every rect in `cover`. */
function stretches(points: readonly Point[], cover: readonly Rect[]): Stretch[] {
  const out: Stretch[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const p = points[i]!;
    const q = points[i + 1]!;
    const horizontal = Math.abs(p.y - q.y) < 0.01;
    if (!horizontal && Math.abs(p.x - q.x) >= 0.01) continue;
    const at = horizontal ? p.y : p.x;
    const [from, to] = horizontal ? [Math.min(p.x, q.x), Math.max(p.x, q.x)] : [Math.min(p.y, q.y), Math.max(p.y, q.y)];
    const covered = cover
      .filter((r) => (horizontal ? r.y <= at && at <= r.y + r.height : r.x <= at && at <= r.x + r.width))
      .map((r): [number, number] => (horizontal ? [r.x, r.x + r.width] : [r.y, r.y + r.height]));
    for (const [f, t] of freeParts(from, to, covered)) out.push({ from: f, to: t, at, horizontal });
  }
  // Horizontal stretches read best (text above or below the line), long ones first.
  const score = (s: Stretch): number => (s.to - s.from) * (s.horizontal ? 2 : 1);
  return out.sort((a, b) => score(b) - score(a));
}

/** Candidate centres beside a stretch, middle first, keeping the text within the stretch where it fits. */
function spots(s: Stretch, w: number, h: number): Point[] {
  const along = s.horizontal ? w : h;
  const lo = s.from + along / 2;
  const hi = s.to - along / 2;
  const positions = [0.5, 0.3, 0.7, 0.1, 0.9].map((f) => (lo <= hi ? lo + (hi - lo) * f : (s.from + s.to) / 2));
  return positions.flatMap((m) =>
    s.horizontal
      ? [{ x: m, y: s.at - h / 2 - 4 }, { x: m, y: s.at + h / 2 + 5 }]
      : [{ x: s.at + 8 + w / 2, y: m }, { x: s.at - 8 - w / 2, y: m }],
  );
}

/**
 * Last resort for a vertical stretch too short to hold the label beside it
 * (a socket between two rows of a node): level with its middle, further out
 * sideways, past the boxes it joins, as close as it gets.
 */
function sidewaysSpots(s: Stretch, w: number): Point[] {
  if (s.horizontal) return [];
  const m = (s.from + s.to) / 2;
  const out: Point[] = [];
  for (let d = 8; d <= 320; d += 8) out.push({ x: s.at + 8 + d + w / 2, y: m }, { x: s.at - 8 - d - w / 2, y: m });
  return out;
}

function area(x: number, y: number, w: number, h: number): Rect {
  return { x: x - w / 2 - 2, y: y - h / 2 - 1, width: w + 4, height: h + 2 };
}

/** A thin rect along a line, so "covers a line" is an overlap test. */
function strip(p: Point, q: Point): Rect {
  return { x: Math.min(p.x, q.x) - 1, y: Math.min(p.y, q.y) - 1, width: Math.abs(p.x - q.x) + 2, height: Math.abs(p.y - q.y) + 2 };
}

function borders(r: Rect): Rect[] {
  const [tl, tr, br, bl] = [
    { x: r.x, y: r.y },
    { x: r.x + r.width, y: r.y },
    { x: r.x + r.width, y: r.y + r.height },
    { x: r.x, y: r.y + r.height },
  ];
  return [strip(tl, tr), strip(tr, br), strip(bl, br), strip(tl, bl)];
}

/**
 * True for a link whose label can only sit in the gap between two columns:
 * a wire (drawn straight across the gap, straighten.ts), any link between
 * a NIC and an external box, and a link from inside one node to inside
 * another drawn straight across (shortcuts.ts). The gap
 * is widened to fit such a label (elk-graph.ts); a link that drops out of
 * a pod's bottom (a shortcut from a pod with something beside it) has
 * stretches inside the node to carry its label instead.
 */
export function labelInGap(scene: Scene, link: Link): boolean {
  const top = (id: string): string => [id, ...ancestors(scene, id)].pop() ?? id;
  if (top(link.a) === top(link.b)) return false;
  if (link.kind === 'wire' || link.kind === 'tunnel' || (depthOf(scene, link.a) <= 1 && depthOf(scene, link.b) <= 1)) return true;
  const plan = planLink(scene, { columns: rootColumns(scene), siblings: siblingIndex(scene) }, link, 0);
  return plan?.across === true;
}

/** A link's label as drawn, wrapped; a label in a gap narrower, as the gap is as wide as it. */
export function labelLines(scene: Scene, link: Link): string[] {
  return wrap(link.label ?? '', labelInGap(scene, link) ? WRAP.gapLabel : WRAP.edgeLabel);
}

/** The area a label covers, with the room kept round it. */
export function labelArea(label: EdgeLabel): Rect {
  return { x: label.x - 2, y: label.y - 1, width: label.width + 4, height: label.height + 2 };
}

/** Gives every edge whose link has a label its label, in link order. */
export function placeLabels(scene: Scene, rects: Map<string, Rect>, edges: EdgeRoute[]): void {
  const isContainer = (id: string): boolean => (scene.elements[id]?.children.length ?? 0) > 0;
  const fixed: Rect[] = [];
  for (const [id, r] of rects) fixed.push(...(isContainer(id) ? borders(r) : [r]));
  const lines = edges.map((e) => e.points.slice(1).map((q, i) => strip(e.points[i]!, q)));
  const placed: Rect[] = [];

  scene.links.forEach((link, i) => {
    const e = edges[i];
    if (!link.label || !e || e.points.length === 0) return;
    const ancA = ancestors(scene, link.a);
    const ancB = new Set(ancestors(scene, link.b));
    const common = new Set(ancA.filter((id) => ancB.has(id)));
    const own = new Set([link.a, link.b, ...ancA, ...ancB]);
    // Open space first (outside all but the containers holding both ends), then anywhere off the ends' boxes.
    const tiers = [[...rects].filter(([id]) => !common.has(id)), [...rects].filter(([id]) => !own.has(id))];
    const text = labelLines(scene, link);
    const w = linesWidth(text);
    const h = text.length * lineHeight();
    const found = tiers.map((tier) => stretches(e.points, tier.map(([, r]) => r)));
    const candidates = [...found.flat().flatMap((s) => spots(s, w, h)), ...found[0]!.flatMap((s) => sidewaysSpots(s, w))];
    // Its own line too: the offsets keep a label clear of the stretch it labels, not of its other bends.
    const obstacles = [...fixed, ...placed, ...lines.flat()];
    const free = candidates.find((p) => !obstacles.some((o) => overlaps(area(p.x, p.y, w, h), o)));
    const first = e.points[0]!;
    const last = e.points[e.points.length - 1]!;
    const at = free ?? candidates[0] ?? { x: (first.x + last.x) / 2, y: (first.y + last.y) / 2 - h / 2 - 4 };
    // The box the drawn text fills, centred on the spot found (trailing spaces are not drawn).
    e.label = { lines: text, x: at.x - w / 2, y: at.y - h / 2, width: w, height: h };
    placed.push(labelArea(e.label));
  });
}
