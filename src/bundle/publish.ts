// A bundle as it goes on the web (`kubehop bundle`, the embed build): the
// JSON a reader downloads, so only what drawing and playing the scene reads.
// Left out: where things were written in the YAML (`pos`, for the author's
// diagnostics), the steps and packets as written (the derived steps are
// what plays), warnings (the author saw them when bundling) and, unless
// asked for, the steps' speaker notes (the element has no notes view; a
// slide deck may want them). About 0.5 KB gzipped of a 6 KB scene, and as
// much again per KB of notes. A bundle with errors keeps its diagnostics:
// the element shows them in place of the diagram. Of each element, only
// what a runtime reads beside the geometry (kind, type, parent, addresses:
// the packet card's MAC owners, predict mode's choices): its title lines,
// table rows and children are drawn from the geometry, which carries them.
// Of each step's table rows, what the player reads (id, text, state,
// version): which rows are lit is the step's `highlight`, and a changed
// row's old text is for the app's panels.
import type { SceneBundle } from './bundle.ts';

const AUTHOR_ONLY_SCENE_KEYS = new Set(['steps', 'packets']);
const DRAWN_ELEMENT_KEYS = new Set(['name', 'label', 'children', 'row', 'beside', 'rows', 'live']);
const PANEL_ROW_KEYS = new Set(['lit', 'was']);

export interface PublishOptions {
  /** Keep each step's speaker notes. */
  notes?: boolean;
}

/** The published JSON text of `bundle`; the same bundle always gives the same text. */
export function publishedJson(bundle: SceneBundle, { notes = false }: PublishOptions = {}): string {
  if (!bundle.ok) return JSON.stringify(bundle);
  const { scene, steps, ...rest } = bundle;
  const elements = Object.fromEntries(
    Object.entries(scene.elements).map(([id, el]) => [id, Object.fromEntries(Object.entries(el).filter(([k]) => !DRAWN_ELEMENT_KEYS.has(k)))]),
  );
  const lean = { ...Object.fromEntries(Object.entries(scene).filter(([k]) => !AUTHOR_ONLY_SCENE_KEYS.has(k))), elements };
  const shown = steps.map(({ notes: n, tables, ...step }) => ({
    ...step,
    ...(notes && n !== undefined ? { notes: n } : {}),
    ...(tables ? { tables: Object.fromEntries(Object.entries(tables).map(([id, rows]) => [id, rows.map(leanRow)])) } : {}),
  }));
  return JSON.stringify({ ...rest, scene: lean, steps: shown, diagnostics: [] }, (key, value: unknown) => (key === 'pos' ? undefined : value));
}

function leanRow(row: object): object {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !PANEL_ROW_KEYS.has(k)));
}
