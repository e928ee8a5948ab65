// The CodeMirror view: YAML, lint marks the page pushes in (setDiagnostics),
// completion from the schema and the scene, Tab indents (Esc, then Tab, leaves),
// long lines wrap at their own indentation, and guides mark the indent levels.
import { basicSetup, EditorView } from 'codemirror';
import { keymap } from '@codemirror/view';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { autocompletion } from '@codemirror/autocomplete';
import { indentationMarkers } from '@replit/codemirror-indentation-markers';
// Both come with @codemirror/lang-yaml (its own dependencies).
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { EditorSelection, type StateCommand } from '@codemirror/state';
import type { Diagnostic } from '../../scene/diagnostic.ts';
import { sceneCompletion } from './completion.ts';
import { vocabulary } from './vocabulary.ts';
import { toMarks, offsetOf } from './lint.ts';
import type { Ids } from './ids.ts';
import { hangingWrap } from './hang.ts';

export interface EditorOptions {
  text: string;
  label: string;
  describedBy: string;
  onchange: (text: string) => void;
  ids: () => Ids;
}

const look = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--bg)', color: 'var(--fg)', fontSize: '0.9rem' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace" },
  '.cm-gutters': { backgroundColor: 'var(--panel)', color: 'var(--muted)', borderRight: '1px solid var(--line)' },
  '.cm-activeLineGutter, .cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 10%, transparent)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent) !important',
  },
  '.cm-tooltip': { backgroundColor: 'var(--card-bg)', color: 'var(--fg)', border: '1px solid var(--line)' },
});

/** Tab types two spaces (YAML indents with spaces). CodeMirror lets Esc, then Tab, move focus on. */
const indent: StateCommand = ({ state, dispatch }) => {
  dispatch(state.update(state.replaceSelection('  '), { scrollIntoView: true, userEvent: 'input' }));
  return true;
};

/** Token colours from the app's theme variables, so light, dark and projector all read well. */
const colours = HighlightStyle.define([
  { tag: [t.propertyName, t.definition(t.propertyName)], color: 'var(--accent)' },
  { tag: [t.comment, t.lineComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [t.string, t.special(t.string), t.content], color: 'var(--fg)' },
  { tag: [t.number, t.bool, t.null, t.atom, t.keyword], color: 'var(--packet-fg)' },
  { tag: [t.punctuation, t.separator, t.squareBracket, t.brace, t.meta], color: 'var(--muted)' },
]);

/**
 * Indentation guides in the app's theme colours (app.css sets --kh-guide and --kh-guide-active per
 * theme): the extension's own light/dark switch follows CodeMirror's theme flag, which this editor
 * never sets, so both of its slots get the same variables.
 */
const guides = indentationMarkers({
  markerType: 'codeOnly',
  colors: { light: 'var(--kh-guide)', dark: 'var(--kh-guide)', activeLight: 'var(--kh-guide-active)', activeDark: 'var(--kh-guide-active)' },
});

export function createEditor(parent: HTMLElement, o: EditorOptions): EditorView {
  return new EditorView({
    parent,
    doc: o.text,
    extensions: [
      basicSetup,
      keymap.of([{ key: 'Tab', run: indent }]),
      yaml(),
      hangingWrap,
      guides,
      lintGutter(),
      autocompletion({ override: [sceneCompletion(vocabulary, o.ids)] }),
      look,
      syntaxHighlighting(colours),
      // tabindex: the text is focusable anyway (contenteditable), but axe only counts
      // its scroller as keyboard-reachable when it says so (scrollable-region-focusable).
      EditorView.contentAttributes.of({ 'aria-label': o.label, 'aria-describedby': o.describedBy, tabindex: '0' }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) o.onchange(u.state.doc.toString());
      }),
    ],
  });
}

export function showDiagnostics(view: EditorView, ds: Diagnostic[]): void {
  view.dispatch(setDiagnostics(view.state, toMarks(view.state.doc, ds)));
}

/** Put the cursor at a 1-based line and column, in view, with focus. */
export function goTo(view: EditorView, line: number, col: number): void {
  const at = offsetOf(view.state.doc, line, col);
  view.dispatch({ selection: EditorSelection.cursor(at), scrollIntoView: true });
  view.focus();
}

/** Replace the whole text as one undoable change: Ctrl+Z brings the old text back. */
export function replaceText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'set' });
  // A selection step closes the history event, so typing straight after is undone on its own
  // and one Ctrl+Z still lands on the whole replaced text, never half of it.
  view.dispatch({ selection: EditorSelection.cursor(0), userEvent: 'select' });
}
