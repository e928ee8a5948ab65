// What the stage shows at a position of the timeline, as plain data.
//
// This is deliberately a pure function of `pos`: gsap only ever moves one
// number, and everything drawn is computed from it here. That is what makes
// seeking to a step (backwards or forwards) show exactly what playing to it
// shows — there is no state left behind by the path taken.

import type { Highlight } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { TableStates } from '../derive/tables.ts';
import type { Geometry, Point } from '../layout/types.ts';
import { restPoints } from './rest.ts';
import type { MacNames } from './card-content.ts';
import type { CardShape } from './card-layout.ts';
import { between, cardPlan } from './card-plan.ts';

/** The packet card as drawn at a moment: which step's headers it shows, and where. */
export interface FrameCard {
  /** The step whose headers the card shows: the one left behind until the packet arrives. */
  step: number;
  shape: CardShape;
  /** Its accessible name: the card read as one sentence. */
  summary: string;
  /** Top-left corner, in the geometry's coordinates. */
  x: number;
  y: number;
}

export interface Frame {
  /** The step shown: while step k's packet travels (k-1 < pos < k) this is already k. */
  step: number;
  /** The packet of the step shown ('' when the scene has no steps). */
  packet: string;
  /** Where that packet is once the step is done (its destination while it travels). */
  at: string;
  /** Packet centre, in the geometry's coordinates. */
  x: number;
  y: number;
  /** How far through its hop the step is, 0…1 (1 once it is done). */
  progress: number;
  highlights: Highlight[];
  /** Only the current step's packet is drawn; empty when it has nowhere to be. */
  visiblePackets: string[];
  card?: FrameCard;
  /** The tables' rows as shown: the step's once its packet has arrived, the step before's while it travels. */
  tables?: TableStates;
  /** Elements and links not yet created (laid out, not drawn), and those just created: timed as the tables are. */
  hidden?: string[];
  appeared?: string[];
}

/** Positions within this of an integer count as that integer (float noise from tweens). */
const SNAP = 1e-6;

/** Smooth start and stop for each hop, so a packet is seen leaving and arriving. */
export function easeInOut(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
}

/** The position, clamped to the scene and snapped to a step when it is that close. */
export function normalisePos(pos: number, count: number): number {
  if (count <= 0 || !Number.isFinite(pos)) return 0;
  const p = Math.min(Math.max(pos, 0), count - 1);
  const r = Math.round(p);
  return Math.abs(p - r) < SNAP ? r : p;
}

export function frameAt(pos: number, steps: DerivedStep[], geometry: Geometry, names: MacNames = {}): Frame {
  const count = steps.length;
  const p = normalisePos(pos, count);
  const index = Math.ceil(p);
  const step = steps[index];
  if (!step) {
    return { step: 0, packet: '', at: '', x: 0, y: 0, progress: 1, highlights: [], visiblePackets: [] };
  }
  const progress = index === 0 ? 1 : 1 - (index - p);
  // A step on the topology moves no packet: nothing is drawn for one.
  const point = step.packet === '' ? undefined : packetPoint(step, progress, geometry);
  // A table changes where the step acts: the conntrack entry appears when the SYN gets there, not as it sets off.
  const settled = progress >= 1 ? step : steps[index - 1];
  const tables = settled?.tables;
  const frame: Frame = {
    step: index,
    packet: step.packet,
    at: step.at,
    x: point?.x ?? 0,
    y: point?.y ?? 0,
    progress,
    highlights: step.highlight.map((h) => ({ table: h.table, row: h.row })),
    visiblePackets: point ? [step.packet] : [],
    ...(tables ? { tables } : {}),
    ...(settled?.hidden ? { hidden: settled.hidden } : {}),
    ...(settled?.appeared && settled === step ? { appeared: settled.appeared } : {}),
  };
  const card = point ? cardAt(index, progress, steps, geometry, names) : undefined;
  if (card) frame.card = card;
  return frame;
}

/**
 * The card changes when the packet arrives where the step acts, not when it
 * sets off: until then it shows the headers it left with, gliding from its
 * last resting place to its next.
 */
function cardAt(index: number, progress: number, steps: DerivedStep[], geometry: Geometry, names: MacNames): FrameCard | undefined {
  const plan = cardPlan(steps, geometry, names);
  const here = plan.at(index);
  if (!here?.at) return undefined;
  const prev = index > 0 && steps[index - 1]?.packet === steps[index]?.packet ? plan.at(index - 1) : undefined;
  const arrived = progress >= 1 || !prev;
  const shown = arrived ? here : prev;
  const at = arrived || !prev.at ? here.at : between(prev.at, here.at, easeInOut(progress));
  return { step: arrived ? index : index - 1, shape: shown.shape, summary: shown.view.summary, x: at.x, y: at.y };
}

function packetPoint(step: DerivedStep, progress: number, geometry: Geometry): Point | undefined {
  const end = restPoints(geometry)[step.at];
  if (!end) return undefined;
  if (progress >= 1 || step.from === step.at) return end;
  const path = hopPath(step, geometry);
  return path ? pointAlong(path, easeInOut(progress)) : end;
}

/**
 * The polyline the packet follows for a hop: from where it rests at `from`,
 * along the routed edge (turned round when the step runs from `b` to `a`), to
 * where it rests at `at` (rest.ts: a corner clear of the labels).
 */
export function hopPath(step: DerivedStep, geometry: Geometry): Point[] | undefined {
  const rest = restPoints(geometry);
  const start = rest[step.from];
  const end = rest[step.at];
  if (!start || !end) return undefined;
  const edge = step.link ? geometry.edges.find((e) => e.link === step.link) : undefined;
  if (!edge || edge.points.length === 0) return [start, end];
  let points = edge.points;
  if (edge.b === step.from && edge.a !== step.from) {
    points = [...points].reverse();
  } else if (edge.a !== step.from) {
    // The edge joins other boxes (a port, a parent): start at its nearer end.
    const first = points[0]!;
    const last = points[points.length - 1]!;
    if (dist(last, start) < dist(first, start)) points = [...points].reverse();
  }
  return [start, ...points, end];
}

/** The point at fraction `t` of the polyline's length (so speed is even along bends). */
export function pointAlong(path: Point[], t: number): Point {
  const first = path[0];
  if (!first) return { x: 0, y: 0 };
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < path.length; i++) {
    const d = dist(path[i - 1]!, path[i]!);
    lengths.push(d);
    total += d;
  }
  if (total === 0) return { x: first.x, y: first.y };
  let remaining = Math.min(Math.max(t, 0), 1) * total;
  for (let i = 1; i < path.length; i++) {
    const seg = lengths[i - 1]!;
    const a = path[i - 1]!;
    const b = path[i]!;
    if (remaining <= seg || i === path.length - 1) {
      const f = seg === 0 ? 1 : Math.min(remaining / seg, 1);
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
    remaining -= seg;
  }
  const last = path[path.length - 1]!;
  return { x: last.x, y: last.y };
}

function dist(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}
