// Tables at a frame's step: only the rows present then are drawn, each with
// the text it has then, and what the step did to it marked in its gutter
// (+ new, ~ changed, − removed, struck through). Everything is set from the
// frame alone, so stepping back restores the earlier picture exactly.
import { select } from 'd3-selection';
import type { TableStates } from '../derive/tables.ts';

const TAG = { new: '+', changed: '~', removed: '−', present: '' } as const;

/** `tables` undefined (a bundle made before tables changed over time): every row as rendered. */
export function applyRows(svg: SVGSVGElement, tables: TableStates | undefined): void {
  const root = select(svg);
  root.selectAll<SVGGElement, unknown>('g.kh-row').each(function () {
    const table = this.getAttribute('data-table') ?? '';
    const id = this.getAttribute('data-row') ?? '';
    const rows = tables?.[table];
    const row = rows ? rows.find((r) => r.id === id) : { state: 'present' as const, version: 0 };
    const g = select(this);
    g.attr('display', row ? null : 'none')
      .classed('kh-row-new', row?.state === 'new')
      .classed('kh-row-changed', row?.state === 'changed')
      .classed('kh-row-removed', row?.state === 'removed')
      .attr('data-state', row?.state ?? 'absent');
    if (!row) return;
    g.selectAll<SVGElement, unknown>('[data-version]').each(function () {
      select(this).attr('display', Number(this.getAttribute('data-version')) === row.version ? null : 'none');
    });
    g.select('text.kh-row-tag').text(TAG[row.state]);
  });
  root.selectAll<SVGTextElement, unknown>('text.kh-table-empty').each(function () {
    const rows = tables?.[this.getAttribute('data-table') ?? ''];
    select(this).attr('display', rows && rows.length === 0 ? null : 'none');
  });
}
