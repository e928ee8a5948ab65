// Hanging indent for wrapped lines. EditorView.lineWrapping alone starts a
// wrapped line's continuation at column 0, which hides the indentation YAML
// depends on: here each line is padded to where its text starts (plus one
// indent unit, so a continuation never lines up with a sibling key), and a
// negative text-indent of the same width brings its first row back.
import { getIndentUnit } from '@codemirror/language';
import { RangeSetBuilder, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

/** Past this many columns a deeper hang would leave too little room for the text itself. */
export const MAX_HANG = 24;

/**
 * Columns a wrapped line's continuation starts at: its indentation and any sequence
 * markers (`- `, `- - `) before its text, plus `unit`; 0 for a line with no text to wrap.
 */
export function hangColumns(line: string, unit: number, tabSize = 4, max = MAX_HANG): number {
  let col = 0;
  let i = 0;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === ' ') col++;
    else if (c === '\t') col += tabSize - (col % tabSize);
    // A sequence marker is a dash followed by a blank: the item's text starts after it.
    else if (c === '-' && (line[i + 1] === ' ' || line[i + 1] === '\t')) col++;
    else break;
  }
  if (i >= line.length) return 0;
  return Math.min(col + unit, max);
}

const marks = new Map<number, Decoration>();
function mark(cols: number): Decoration {
  let d = marks.get(cols);
  if (!d) {
    d = Decoration.line({ class: 'kh-hang', attributes: { style: `--kh-hang: ${cols}ch` } });
    marks.set(cols, d);
  }
  return d;
}

function decorate(view: EditorView, state: EditorState): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  const unit = getIndentUnit(state);
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = state.doc.lineAt(pos);
      const cols = hangColumns(line.text, unit, state.tabSize);
      if (cols > 0) b.add(line.from, line.from, mark(cols));
      pos = line.to + 1;
    }
  }
  return b.finish();
}

const plugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorate(view, view.state);
    }
    update(u: ViewUpdate): void {
      if (u.docChanged || u.viewportChanged) this.decorations = decorate(u.view, u.state);
    }
  },
  { decorations: (v) => v.decorations },
);

// 6px is CodeMirror's own left padding of a line, kept in front of the hang.
const look = EditorView.baseTheme({
  '.cm-line.kh-hang': { paddingLeft: 'calc(var(--kh-hang) + 6px)', textIndent: 'calc(-1 * var(--kh-hang))' },
});

/** Long lines wrap, each continuation at its own line's indentation. */
export const hangingWrap = [EditorView.lineWrapping, plugin, look];
