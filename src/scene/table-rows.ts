// validate, part 2c: tables over time. Walks the steps in order, keeping
// which rows each table holds, so a step cannot add a row that is already
// there, remove or change one that is not, or highlight a row the picture
// does not show at that step. Fills in what later stages need: each row's
// later texts (the layout sizes a row for its longest) and which tables change.
import type { RowChange, SceneElement, SourcePos } from './model.ts';
import type { Diagnostic } from './diagnostic.ts';
import { didYouMean } from './suggest.ts';
import { diag } from './messages.ts';

type Raw = { add: string } | { remove: string } | { change: string; text: string };

/** Why a row is, or is not, in its table: for messages that say where to look. */
interface RowHistory {
  present: boolean;
  /** Step number (from 1) and line of the last add or remove; undefined: as declared. */
  step?: number;
  line?: number;
}

export interface TableTimeline {
  /** Resolves and applies one step's row changes; `posOf(k)` is where change k is written. */
  step(stepNumber: number, raw: readonly Raw[], posOf: (k: number, key?: string) => SourcePos): RowChange[];
  /** Whether a row is drawn at the step just applied (present, or removed by it and shown struck through). */
  shown(table: string, row: string): boolean;
  /** Why a row is not drawn now, as a clause for a message. */
  why(table: string, row: string): string;
  /** Warnings for rows declared absent that no step adds. */
  finish(): Diagnostic[];
}

export function tableTimeline(elements: Record<string, SceneElement>, out: Diagnostic[]): TableTimeline {
  const tables = Object.values(elements).filter((e) => e.kind === 'table');
  const history = new Map<string, RowHistory>();
  for (const t of tables) for (const r of t.rows ?? []) history.set(`${t.id}#${r.id}`, { present: !r.absent });
  let removedNow = new Set<string>();

  /** `<table>#<row>` → the row, or a diagnostic saying what is wrong with the reference. */
  const lookup = (ref: string, pos: SourcePos, what: string): { table: SceneElement; row: string } | undefined => {
    const [table = '', row] = ref.split('#');
    const el = elements[table];
    if (!el || el.kind !== 'table') {
      out.push(diag(pos, 'notATable', what, table, didYouMean(table, tables.map((t) => t.id))));
      return undefined;
    }
    const rows = el.rows?.map((r) => r.id) ?? [];
    if (row === undefined || !rows.includes(row)) {
      out.push(diag(pos, 'noSuchRow', table, row ?? '', didYouMean(row ?? '', rows), rows));
      return undefined;
    }
    return { table: el, row };
  };

  const why = (table: string, row: string): string => {
    const h = history.get(`${table}#${row}`);
    if (!h || h.present) return '';
    if (h.step === undefined) return `it is 'initially: absent' and no earlier step adds it`;
    return `step ${h.step} (line ${h.line}) removed it`;
  };

  return {
    step(stepNumber, raw, posOf) {
      removedNow = new Set();
      const changes: RowChange[] = [];
      raw.forEach((c, k) => {
        const op = 'add' in c ? 'add' : 'remove' in c ? 'remove' : 'change';
        const ref = 'add' in c ? c.add : 'remove' in c ? c.remove : c.change;
        // A change of the wrong shape has already been reported by the schema check.
        if (typeof ref !== 'string') return;
        const pos = posOf(k, op);
        const found = lookup(ref, pos, `'${op}'`);
        if (!found) return;
        const key = `${found.table.id}#${found.row}`;
        const h = history.get(key)!;
        if (op === 'add' && h.present) {
          const since = h.step === undefined ? "from the start (declare it with 'initially: absent' if a step creates it)" : `since step ${h.step} (line ${h.line})`;
          return void out.push(diag(pos, 'rowAlreadyThere', key, since));
        }
        if (op !== 'add' && !h.present && !removedNow.has(key)) {
          return void out.push(diag(pos, 'rowNotThere', op, key, stepNumber, why(found.table.id, found.row)));
        }
        if (op !== 'add' && removedNow.has(key)) return void out.push(diag(pos, 'rowRemovedNow', op, key));
        found.table.live = true;
        if (op === 'add') history.set(key, { present: true, step: stepNumber, line: pos.line });
        if (op === 'remove') {
          history.set(key, { present: false, step: stepNumber, line: pos.line });
          removedNow.add(key);
        }
        if (op === 'change' && 'text' in c) {
          const row = found.table.rows!.find((r) => r.id === found.row)!;
          if (c.text !== row.text && !row.later?.includes(c.text)) row.later = [...(row.later ?? []), c.text];
          changes.push({ op, table: found.table.id, row: found.row, text: c.text });
        } else changes.push({ op: op as 'add' | 'remove', table: found.table.id, row: found.row });
      });
      return changes;
    },
    shown(table, row) {
      const key = `${table}#${row}`;
      return history.get(key)?.present === true || removedNow.has(key);
    },
    why,
    finish() {
      const warnings: Diagnostic[] = [];
      for (const t of tables) {
        for (const r of t.rows ?? []) {
          const h = history.get(`${t.id}#${r.id}`)!;
          if (r.absent && h.step === undefined) {
            warnings.push(diag(t.pos, 'rowNeverAdded', `${t.id}#${r.id}`));
          }
        }
      }
      return warnings;
    },
  };
}
