// derive: the tables as the picture shows them after each step. Rows come
// and go only through steps' `rows:` changes (validate has checked them), so
// the state at step k is the declared tables with steps 1…k applied: a pure
// function of the step, the same whichever way the player got there.
import type { Scene, Step } from '../scene/model.ts';
import { rowId } from './row-id.ts';

/** `new`, `changed`, `removed`: what this step did to the row; `present`: nothing. */
export type RowState = 'present' | 'new' | 'changed' | 'removed';

export interface ShownRow {
  id: string;
  /** The text shown at this step. */
  text: string;
  state: RowState;
  /** The step highlights it: the row that decided the hop. */
  lit: boolean;
  /** A changed row's text before this step. */
  was?: string;
  /** Which of the row's texts is shown: 0 as declared, k the row's `later[k-1]` (the renderer draws each once). */
  version: number;
}

/** Per table id, its rows as drawn at a step, in declared order; absent rows are left out. */
export type TableStates = Record<string, ShownRow[]>;

export function tableStates(scene: Scene): TableStates[] {
  const tables = Object.values(scene.elements).filter((e) => e.kind === 'table');
  // Each row's latest text (kept while it is out of its table: added again, it comes back as it was) and which rows are in.
  const text = new Map<string, string>();
  const present = new Set<string>();
  for (const t of tables) {
    for (const r of t.rows ?? []) {
      text.set(rowId(t.id, r.id), r.text);
      if (!r.absent) present.add(rowId(t.id, r.id));
    }
  }
  return scene.steps.map((step) => {
    const marks = apply(step, text, present);
    const lit = new Set(step.highlight.map((h) => rowId(h.table, h.row)));
    const out: TableStates = {};
    for (const t of tables) {
      out[t.id] = (t.rows ?? []).flatMap((r): ShownRow[] => {
        const key = rowId(t.id, r.id);
        const mark = marks.get(key);
        if (!present.has(key) && mark?.state !== 'removed') return [];
        const now = text.get(key)!;
        const row: ShownRow = { id: r.id, text: now, state: mark?.state ?? 'present', lit: lit.has(key), version: Math.max(0, [r.text, ...(r.later ?? [])].indexOf(now)) };
        if (mark?.state === 'changed' && mark.was !== now) row.was = mark.was;
        return [row];
      });
    }
    return out;
  });
}

/** Applies one step's changes, returning what happened to each row it touched. */
function apply(step: Step, text: Map<string, string>, present: Set<string>): Map<string, { state: RowState; was?: string }> {
  const marks = new Map<string, { state: RowState; was?: string }>();
  for (const c of step.rows ?? []) {
    const key = rowId(c.table, c.row);
    const prior = marks.get(key);
    if (c.op === 'add') {
      marks.set(key, { state: 'new' });
      present.add(key);
    } else if (c.op === 'remove') {
      marks.set(key, { state: 'removed' });
      present.delete(key);
    } else if (c.op === 'change') {
      // Changed in the step that added it, it is still new; changed twice, `was` is the text before the step.
      marks.set(key, prior ?? { state: 'changed', was: text.get(key)! });
      text.set(key, c.text);
    }
  }
  return marks;
}
