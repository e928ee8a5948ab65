// Fitting a diagram to the stage. The app shows the SVG scaled into a stage
// of about 900 × 560 px (the inspector takes the rest of a laptop screen), so
// what a student reads is the font scaled by that fit. A table's rows are the
// one free choice that moves the balance: wrapped narrow, tables are tall and
// the diagram grows down; wrapped wide, it grows sideways. Each scene gets the
// row width that makes its text largest on the stage.
import type { Scene } from '../scene/model.ts';
import { WRAP } from './measure.ts';
import { narrowTables } from './narrow.ts';
import { tableWraps, type TableWrap } from './table-wrap.ts';
import { FONT, type Geometry } from './types.ts';

export const STAGE = { width: 900, height: 560 } as const;

/** The font size in px as drawn on the stage once the whole diagram is scaled to fit it. */
export function effectiveFont(g: Pick<Geometry, 'width' | 'height'>): number {
  return FONT.size * Math.min(STAGE.width / g.width, STAGE.height / g.height);
}

/** Row widths tried, in characters: from tall narrow tables to one line a row. */
export const ROW_WRAPS = [22, 26, 30, 34, 40, 48, 58, 72, 90] as const;

type Layout = (wraps: ReadonlyMap<string, TableWrap>) => Promise<Geometry>;

/**
 * Lays the scene out at the default row width, then steps the width the way
 * the stage's tighter side asks (narrower when the diagram is too wide,
 * wider when too tall) while the text keeps growing; last, narrows the
 * tables that have height to spare (narrow.ts). Text at its natural size
 * needs no search. A handful of layouts at most; deterministic.
 */
export async function fitToStage(scene: Scene, layout: Layout): Promise<Geometry> {
  const longestRow = Math.max(0, ...Object.values(scene.elements).flatMap((el) => (el.rows ?? []).flatMap((r) => [r.text, ...(r.later ?? [])].map(chars))));
  const start = ROW_WRAPS.indexOf(WRAP.row as (typeof ROW_WRAPS)[number]);
  const at = async (rowWrap: number): Promise<Tried> => {
    const wraps = tableWraps(scene, rowWrap);
    const g = await layout(wraps);
    return { g, wraps, font: effectiveFont(g) };
  };
  let best = await at(WRAP.row);
  if (best.font >= FONT.size) return best.g;
  const step = best.g.width / STAGE.width > best.g.height / STAGE.height ? -1 : 1;
  let prevFont = best.font;
  let bestAt = start;
  for (let i = start + step; i >= 0 && i < ROW_WRAPS.length; i += step) {
    // Wider than the longest row, every width lays out the same.
    if (step > 0 && ROW_WRAPS[i - 1]! >= longestRow) break;
    const tried = await at(ROW_WRAPS[i]!);
    if (tried.font > best.font + 0.01) [best, bestAt] = [tried, i];
    // Past the point where the other side becomes the tight one, it only gets worse.
    if (tried.font < prevFont - 0.01) break;
    prevFont = tried.font;
  }
  // The best width on the coarse scale, then halfway to each neighbour: the
  // balance point between too wide and too tall is usually in between.
  for (const j of [bestAt - 1, bestAt + 1]) {
    const [a, b] = [ROW_WRAPS[bestAt]!, ROW_WRAPS[j]];
    const mid = b === undefined ? undefined : Math.round((a + b) / 2);
    if (mid === undefined || mid === a || mid === b || Math.min(a, mid) >= longestRow) continue;
    const tried = await at(mid);
    if (tried.font > best.font + 0.01) best = tried;
  }
  const narrower = narrowTables(scene, best.g, best.wraps);
  if (narrower) {
    const g = await layout(narrower);
    if (effectiveFont(g) > best.font + 0.01) return g;
  }
  return best.g;
}

interface Tried {
  g: Geometry;
  wraps: ReadonlyMap<string, TableWrap>;
  font: number;
}

const chars = (s: string): number => Array.from(s).length;
