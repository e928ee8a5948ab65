// The post-layout state → the Geometry contract: boxes parents-first, one
// route per scene link, labels; moved to a margin and rounded so the
// JSON is small, stable and identical from run to run.
import type { Scene } from '../scene/model.ts';
import type { Rect } from './absolute.ts';
import type { Box, EdgeLabel, EdgeRoute, Geometry, Point } from './types.ts';
import { placeLabels } from './edge-labels.ts';
import { removeJogs } from './jogs.ts';
import { join, straightBetween } from './polyline.ts';
import { centre } from './rect.ts';
import { childrenOf, rootsOf } from './scene-tree.ts';
import { tableRows } from './table.ts';
import type { TableWrap } from './table-wrap.ts';
import { titleLines } from './titles.ts';
import type { Work } from './work.ts';

const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * Boxes parents first, each with its parent and whether it is drawn as a
 * container, so the stages after layout know who holds whom without the scene.
 */
function boxesInTreeOrder(scene: Scene, rects: Map<string, Rect>, wraps: ReadonlyMap<string, TableWrap>, podPad: number): Box[] {
  const out: Box[] = [];
  const seen = new Set<string>();
  const visit = (id: string, parent: Box | undefined): void => {
    const el = scene.elements[id];
    const r = rects.get(id);
    if (!el || !r || seen.has(id)) return;
    seen.add(id);
    const label = titleLines(scene, el, wraps, podPad);
    const box: Box = { id, kind: el.kind, x: r.x, y: r.y, width: r.width, height: r.height, label };
    if (parent) {
      box.parent = parent.id;
      parent.container = true;
    }
    if (el.kind === 'node' || el.kind === 'pod') box.container = true;
    if (el.type !== undefined) box.type = el.type;
    if (el.kind === 'table') box.rows = tableRows(el, r, label.length, wraps.get(id)?.limit);
    if (el.live) box.live = true;
    out.push(box);
    childrenOf(scene, id).forEach((c) => visit(c.id, box));
  };
  rootsOf(scene).forEach((r) => visit(r.id, undefined));
  return out;
}

function routeFor(work: Work, linkIndex: number): { points: Point[]; fallback: boolean } {
  const link = work.scene.links[linkIndex]!;
  const route = work.routes.find((r) => r.plan.index === linkIndex);
  if (route?.override) return { points: route.override, fallback: false };
  if (route && route.parts.length > 0 && route.parts.every((p) => p !== null)) return { points: join(route.parts as Point[][]), fallback: false };
  const ra = work.rects.get(link.a);
  const rb = work.rects.get(link.b);
  if (ra && rb) return { points: straightBetween(ra, rb), fallback: true };
  const lone = ra ?? rb;
  return { points: lone ? [centre(lone)] : [], fallback: true };
}

function bounds(boxes: Box[], edges: EdgeRoute[]): Rect {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const b of boxes) xs.push(b.x, b.x + b.width), ys.push(b.y, b.y + b.height);
  for (const e of edges) {
    for (const p of e.points) xs.push(p.x), ys.push(p.y);
    // Labels are part of the picture: keep them inside the viewBox.
    if (e.label) xs.push(e.label.x, e.label.x + e.label.width), ys.push(e.label.y, e.label.y + e.label.height);
  }
  if (xs.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * A label is rounded at its centre, where its text is anchored, so the text
 * lands where it was placed to the hundredth; its corner keeps the third
 * decimal half a line's height can bring (lines are 17.55 high).
 */
function roundLabel(l: EdgeLabel, pt: (p: Point) => Point): EdgeLabel {
  const c = pt({ x: l.x + l.width / 2, y: l.y + l.height / 2 });
  const thousandths = (n: number): number => Math.round(n * 1000) / 1000;
  return { lines: l.lines, x: thousandths(c.x - l.width / 2), y: thousandths(c.y - l.height / 2), width: round(l.width), height: round(l.height) };
}

function moveAndRound(g: Geometry, dx: number, dy: number): Geometry {
  const pt = (p: Point): Point => ({ x: round(p.x + dx), y: round(p.y + dy) });
  const rect = <T extends Rect>(r: T): T => ({ ...r, x: round(r.x + dx), y: round(r.y + dy), width: round(r.width), height: round(r.height) });
  const boxes = g.boxes.map((b) => {
    const out = rect(b);
    if (b.rows) out.rows = b.rows.map(rect);
    return out;
  });
  return {
    width: Math.ceil(g.width),
    height: Math.ceil(g.height),
    boxes,
    edges: g.edges.map((e) => {
      const out: EdgeRoute = { ...e, points: e.points.map(pt) };
      if (e.label) out.label = roundLabel(e.label, pt);
      return out;
    }),
    anchors: Object.fromEntries(Object.entries(g.anchors).map(([k, p]) => [k, pt(p)])),
  };
}

/** `wraps` and `podPad` as the ELK graph was built with, so rows and titles wrap as they were measured. */
export function toGeometry(work: Work, margin: number, wraps: ReadonlyMap<string, TableWrap>, podPad: number): Geometry {
  const { scene } = work;
  const boxes = boxesInTreeOrder(scene, work.rects, wraps, podPad);
  const edges = scene.links.map((link, i): EdgeRoute => {
    const { points, fallback } = routeFor(work, i);
    const e: EdgeRoute = { link: link.id, kind: link.kind, a: link.a, b: link.b, points };
    if (fallback) e.fallback = true;
    return e;
  });
  removeJogs(scene, work.rects, edges);
  placeLabels(scene, work.rects, edges);
  const bb = bounds(boxes, edges);
  // Every element has a box, and a packet's rest point at a box comes from the box (timeline/rest.ts): no anchors.
  const g: Geometry = { width: bb.width + 2 * margin, height: bb.height + 2 * margin, boxes, edges, anchors: {} };
  return moveAndRound(g, margin - bb.x, margin - bb.y);
}
