// Tables at a frame's step: only the rows present then are drawn, each with
// the text it has then, and what the step did to it marked in its gutter
// (+ new, ~ changed, − removed, struck through). Everything is set from the
// frame alone, so stepping back restores the earlier picture exactly. Rows
// are the elements render drew, found by their one id.
import type { ShownRow, TableStates } from '../derive/tables.ts';
import { rowId, type RowId } from '../derive/row-id.ts';
import type { Drawn } from '../render/drawn.ts';

const TAG = { new: '+', changed: '~', removed: '−', present: '' } as const;

const show = (el: Element, shown: boolean): void => {
  if (shown) el.removeAttribute('display');
  else el.setAttribute('display', 'none');
};

/** `tables` undefined (a bundle made before tables changed over time): every row as rendered. */
export function applyRows(drawn: Drawn, tables: TableStates | undefined): void {
  const states = new Map<RowId, ShownRow>();
  for (const [table, rows] of Object.entries(tables ?? {})) for (const r of rows) states.set(rowId(table, r.id), r);
  for (const [id, { g, table, versions, tag }] of drawn.rows) {
    const row = tables?.[table] ? states.get(id) : { state: 'present' as const, version: 0 };
    show(g, !!row);
    g.classList.toggle('kh-row-new', row?.state === 'new');
    g.classList.toggle('kh-row-changed', row?.state === 'changed');
    g.classList.toggle('kh-row-removed', row?.state === 'removed');
    g.setAttribute('data-state', row?.state ?? 'absent');
    if (!row) continue;
    versions.forEach((parts, v) => parts.forEach((p) => show(p, v === row.version)));
    if (tag) tag.textContent = TAG[row.state];
  }
  for (const [table, empty] of drawn.empty) show(empty, tables?.[table]?.length === 0);
}
