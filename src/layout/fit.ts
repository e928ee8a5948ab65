// Fitting a diagram to the stage. The app shows the SVG scaled into a stage
// of about 900 × 560 px (the inspector takes the rest of a laptop screen), so
// what a student reads is the font scaled by that fit. A table's rows are the
// one free choice that moves the balance: wrapped narrow, tables are tall and
// the diagram grows down; wrapped wide, it grows sideways. Each scene gets the
// row width that makes its text largest on the stage.
import { WRAP } from './measure.ts';
import { FONT, type Geometry } from './types.ts';

export const STAGE = { width: 900, height: 560 } as const;

/** The font size in px as drawn on the stage once the whole diagram is scaled to fit it. */
export function effectiveFont(g: Pick<Geometry, 'width' | 'height'>): number {
  return FONT.size * Math.min(STAGE.width / g.width, STAGE.height / g.height);
}

/** Row widths tried, in characters: from tall narrow tables to one line a row. */
export const ROW_WRAPS = [22, 26, 30, 34, 40, 48, 58, 72, 90] as const;

/**
 * Lays the scene out at the default row width, then steps the width the way
 * the stage's tighter side asks (narrower when the diagram is too wide,
 * wider when too tall) while the text keeps growing. Text at its natural
 * size needs no search. A handful of layouts at most; deterministic.
 */
export async function fitToStage(layout: (rowWrap: number) => Promise<Geometry>, longestRow: number): Promise<Geometry> {
  const start = ROW_WRAPS.indexOf(WRAP.row as (typeof ROW_WRAPS)[number]);
  let best = await layout(WRAP.row);
  let bestFont = effectiveFont(best);
  if (bestFont >= FONT.size) return best;
  const tooWide = best.width / STAGE.width > best.height / STAGE.height;
  const step = tooWide ? -1 : 1;
  let prevFont = bestFont;
  for (let i = start + step; i >= 0 && i < ROW_WRAPS.length; i += step) {
    // Wider than the longest row, every width lays out the same.
    if (step > 0 && ROW_WRAPS[i - 1]! >= longestRow) break;
    const g = await layout(ROW_WRAPS[i]!);
    const font = effectiveFont(g);
    if (font > bestFont + 0.01) [best, bestFont] = [g, font];
    // Past the point where the other side becomes the tight one, it only gets worse.
    if (font < prevFont - 0.01) break;
    prevFont = font;
  }
  return best;
}
