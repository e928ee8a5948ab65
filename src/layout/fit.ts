// Fitting a diagram to the stage. The app shows the SVG scaled into a stage
// of about 900 × 560 px (the inspector takes the rest of a laptop screen), so
// what a student reads is the font scaled by that fit. A table's rows are the
// one free choice that moves the balance: wrapped narrow, tables are tall and
// the diagram grows down; wrapped wide, it grows sideways. Each scene gets the
// row width that makes its text largest on the stage — chosen from one
// layout and estimate.ts's prediction of every other width, not by laying
// the scene out at each width.
import type { Scene } from '../scene/model.ts';
import { grownBoxes, sizePredictor, type Size } from './estimate.ts';
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

/** What the picture must grow by, beyond its boxes, for a layout (the packet card's room: timeline/card-room.ts). */
export type Room = (g: Geometry) => Size;

const NONE: Size = { width: 0, height: 0 };

/**
 * The tables' widths for the scene, given its layout `g` at `from`: the row
 * width whose predicted drawing has the largest text on the stage (nearest
 * the default on a tie), then narrower still for tables with height to spare
 * in their row (narrow.ts). Text at its natural size needs no change.
 */
export function chooseWraps(scene: Scene, g: Geometry, from: Wraps, extra: Size = NONE): Wraps {
  const fontOf = (s: Size): number => effectiveFont({ width: s.width + extra.width, height: s.height + extra.height });
  if (fontOf(g) >= FONT.size) return from;
  const predict = sizePredictor(scene, g, from);
  let best = { wraps: from, font: fontOf(g) };
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
