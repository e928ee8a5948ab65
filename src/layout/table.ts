// A table's row boxes, stacked under its title: the renderer draws each as
// its own rectangle so a step can highlight the row that matched.
import type { SceneElement } from '../scene/model.ts';
import type { Rect } from './absolute.ts';
import type { Box } from './types.ts';
import { lineHeight, PAD, tableRowHeight, wrap, WRAP } from './measure.ts';

/** `titleLines`: the table's title as drawn (titles.ts), which the rows start under. */
export function tableRows(el: SceneElement, r: Rect, titleLines: number, limit: number = WRAP.row): NonNullable<Box['rows']> {
  let y = r.y + PAD.leafY + titleLines * lineHeight() + PAD.rowGap;
  return (el.rows ?? []).map((row) => {
    const lines = wrap(row.text, limit);
    const later = (row.later ?? []).map((t) => wrap(t, limit));
    // Sized for its tallest text, so the table never grows when a step changes the row.
    const height = tableRowHeight(Math.max(lines.length, ...later.map((l) => l.length)));
    const box: NonNullable<Box['rows']>[number] = { id: row.id, text: row.text, lines, x: r.x + PAD.rowInset, y, width: r.width - 2 * PAD.rowInset, height };
    if (later.length > 0) box.later = later;
    y += height + PAD.rowGap;
    return box;
  });
}
