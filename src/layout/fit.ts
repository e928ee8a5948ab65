// Fitting a diagram to the stage. The app shows the SVG scaled into a stage
// of about 900 × 560 px (the inspector takes the rest of a laptop screen), so
// what a student reads is the font scaled by that fit. A table's rows are the
// one free choice that moves the balance: wrapped narrow, tables are tall and
// the diagram grows down; wrapped wide, it grows sideways. Each scene gets the
// row width that makes its text largest on the stage — chosen from one
// layout and estimate.ts's prediction of every other width, not by laying
// the scene out at each width.
import type { Scene } from '../scene/model.ts';
import { grownBoxes, sizePredictor, type Prediction, type Size } from './estimate.ts';
import { WRAP } from './measure.ts';
import { narrowTables } from './narrow.ts';
import { longestTableText, tableWraps, type TableWrap } from './table-wrap.ts';
import { FONT, type Geometry } from './types.ts';

export const STAGE = { width: 900, height: 560 } as const;

/** The font size in px as drawn on the stage once the whole diagram is scaled to fit it. */
export function effectiveFont(g: Pick<Geometry, 'width' | 'height'>): number {
  return FONT.size * Math.min(STAGE.width / g.width, STAGE.height / g.height);
}

/** Narrowest and widest row widths considered, in characters (below 18 a row of addresses breaks into fragments). */
export const ROW_WRAP_RANGE = { min: 18, max: 90 } as const;

type Wraps = ReadonlyMap<string, TableWrap>;

/**
 * Something drawn beside the boxes that the picture must hold: the packet
 * card at one step (timeline/card-room.ts), as a rect with its margin, and
 * the element the packet rests at, which it stays beside when the layout moves.
 */
export interface Reach {
  at: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the picture must hold beyond its boxes, for a layout. */
export type Room = (g: Geometry) => readonly Reach[];

/** The size of a drawing with what it must hold, each moved with the element it rests at. */
export function sizeWith(p: Prediction, reaches: readonly Reach[]): Size {
  let [x0, y0, x1, y1] = [0, 0, p.width, p.height];
  for (const r of reaches) {
    const { dx, dy } = p.moved(r.at);
    x0 = Math.min(x0, r.x + dx);
    y0 = Math.min(y0, r.y + dy);
    x1 = Math.max(x1, r.x + dx + r.width);
    y1 = Math.max(y1, r.y + dy + r.height);
  }
  return { width: Math.ceil(x1) - Math.floor(x0), height: Math.ceil(y1) - Math.floor(y0) };
}

const STILL = { dx: 0, dy: 0 };

/** The text size on the stage of a layout as drawn, with what it must hold where it is. */
export function fontWith(g: Geometry, reaches: readonly Reach[] = []): number {
  return effectiveFont(sizeWith({ width: g.width, height: g.height, moved: () => STILL }, reaches));
}

/**
 * The tables' widths for the scene, given its layout `g` at `from`: the row
 * width whose predicted drawing, with what it must hold (`reaches`, moved as
 * the rows they rest in move), has the largest text on the stage (on a
 * tie the first layout's own, else the narrowest), then narrower still for tables with height to spare
 * in their row (narrow.ts). Text at its natural size needs no change.
 */
export function chooseWraps(scene: Scene, g: Geometry, from: Wraps, all: readonly Reach[] = []): Wraps {
  // What fits in the drawing found a free spot there, and is taken to find one at every width.
  const reaches = all.filter((r) => r.x < 0 || r.y < 0 || r.x + r.width > g.width || r.y + r.height > g.height);
  const fontOf = (p: Prediction): number => effectiveFont(sizeWith(p, reaches));
  const current = fontWith(g, reaches);
  if (current >= FONT.size) return from;
  const predict = sizePredictor(scene, g, from);
  let best = { wraps: from, font: current };
  // Narrowest first, so a tie goes to narrower tables: the prediction of a
  // drawing's width errs high when its tables narrow (estimate.ts), never low.
  const widest = Math.min(ROW_WRAP_RANGE.max, Math.max(ROW_WRAP_RANGE.min, longestTableText(scene)));
  for (let w = ROW_WRAP_RANGE.min; w <= widest; w++) {
    const wraps = tableWraps(scene, w);
    const font = fontOf(predict(wraps));
    if (font > best.font + 0.01) best = { wraps, font };
  }
  const narrower = narrowTables(scene, { ...g, boxes: grownBoxes(scene, g, from, best.wraps) }, best.wraps);
  if (narrower && fontOf(predict(narrower)) > best.font + 0.01) return narrower;
  return best.wraps;
}
