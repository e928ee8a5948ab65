// How many characters each table's rows hold before they wrap. The scene's
// row width (fit.ts picks it) is the start; a table whose title is wider
// anyway lets its rows use that width; and the tables that stack in one
// column on a node's side all take the widest one's width, since the column
// is that wide regardless: fewer wrapped lines, a shorter node, nothing wider.
import type { Scene, SceneElement } from '../scene/model.ts';
import { wrap } from './measure.ts';
import { childrenOf, rootsOf, rowOf } from './scene-tree.ts';

const chars = (s: string): number => Array.from(s.trimEnd()).length;

/** Every text a table draws: its title lines and each row's text now and later. */
const textsOf = (table: SceneElement): string[] => [...(table.rows ?? []).flatMap((r) => [r.text, ...(r.later ?? [])]), ...table.label];

/** The longest text of any table, in characters: at that row width or wider, nothing wraps, so every wider choice draws the same. */
export function longestTableText(scene: Scene): number {
  return Math.max(0, ...Object.values(scene.elements).flatMap((el) => (el.kind === 'table' ? textsOf(el).map(chars) : [])));
}

/** The table's own width in characters when its rows and title wrap at `limit`. */
function widthAt(table: SceneElement, limit: number): number {
  const lines = textsOf(table).flatMap((text) => wrap(text, limit));
  return Math.max(0, ...lines.map(chars));
}

export interface TableWrap {
  /** Characters a row holds before it wraps. */
  limit: number;
  /** True for a table in a column: it is drawn `limit` characters wide, as wide as the column, so the column reads as one. */
  fill?: boolean;
  /** Room for the +/~/− gutter: the table's rows change over time, or another in its column does (one width for the column). */
  gutter?: boolean;
}

/** Wrap limit per table id, for every table in the scene. */
export function tableWraps(scene: Scene, rowWrap: number): Map<string, TableWrap> {
  const out = new Map<string, TableWrap>();
  for (const el of Object.values(scene.elements)) {
    if (el.kind === 'table') out.set(el.id, el.live ? { limit: rowWrap, gutter: true } : { limit: rowWrap });
  }
  for (const node of rootsOf(scene).filter((r) => r.kind === 'node')) {
    const tables = childrenOf(scene, node.id).filter((c) => c.kind === 'table');
    const perRow = new Map<number, number>();
    for (const t of tables) perRow.set(rowOf(scene, t.id), (perRow.get(rowOf(scene, t.id)) ?? 0) + 1);
    // Tables sharing a row sit side by side, not in a column: they keep their own widths.
    const column = tables.filter((t) => perRow.get(rowOf(scene, t.id)) === 1);
    if (column.length < 2) continue;
    const width = Math.max(...column.map((t) => widthAt(t, out.get(t.id)!.limit)));
    const gutter = column.some((t) => t.live);
    for (const t of column) out.set(t.id, gutter ? { limit: width, fill: true, gutter } : { limit: width, fill: true });
  }
  return out;
}
