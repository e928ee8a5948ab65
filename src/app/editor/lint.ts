// The pipeline's diagnostics (1-based line and column) as CodeMirror lint
// marks: each covers the word it points at, or one character.
import type { Text } from '@codemirror/state';
import type { Diagnostic as Mark } from '@codemirror/lint';
import type { Diagnostic } from '../../scene/diagnostic.ts';

/** The document offset of a 1-based line and column, clamped into the document. */
export function offsetOf(doc: Text, line: number, col: number): number {
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  return l.from + Math.min(Math.max(0, col - 1), l.length);
}

export function toMarks(doc: Text, ds: Diagnostic[]): Mark[] {
  return ds.map((d) => {
    const from = offsetOf(doc, d.line, d.col);
    const line = doc.lineAt(from);
    const word = /^[^\s,:[\]{}]+/.exec(line.text.slice(from - line.from))?.[0].length ?? 0;
    const to = Math.min(line.to, from + Math.max(1, word));
    return { from, to: Math.max(from, to), severity: d.severity, message: d.message, source: `kubehop ${d.code}` };
  });
}
