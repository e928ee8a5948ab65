// Each step's speaker notes, from the bundle the element shows (made with
// `kubehop bundle --notes`), as reveal.js's <aside class="notes">.
//
// The notes are the scene author's text, and reveal.js treats notes as HTML:
// its speaker view sets innerHTML to the aside's innerHTML. So an aside here
// holds only elements made by this file, with the text set through
// textContent: serialised, a "<" in the notes is "&lt;", and the speaker
// view parses it back into the same text, never into markup. (data-notes
// would not do: reveal.js passes that attribute's value as HTML as it is.)

/** The notes of each step of a bundle (undefined where a step has none); [] for anything that is not a bundle. */
export function stepNotes(bundle: unknown): (string | undefined)[] {
  const steps = isRecord(bundle) ? bundle.steps : undefined;
  if (!Array.isArray(steps)) return [];
  return steps.map((s: unknown) => (isRecord(s) && typeof s.notes === 'string' && s.notes.trim() ? s.notes : undefined));
}

/** The paragraphs of a note: a blank line starts a new one, other line breaks are spaces (as in Markdown). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

/** <aside class="notes"> with a <p> per paragraph, the text set as text. */
export function notesAside(doc: Document, text: string): HTMLElement {
  const aside = doc.createElement('aside');
  aside.className = 'notes';
  for (const p of paragraphs(text)) {
    const para = doc.createElement('p');
    para.textContent = p;
    aside.append(para);
  }
  return aside;
}

/**
 * The notes of the scene at `src` (resolved against `base`, as the element
 * does). The browser has just fetched the same URL for the element, so this
 * is usually its cache. A YAML scene, a bundle without notes or a failed
 * fetch give [] — the deck then simply has no notes for the scene.
 */
export async function fetchStepNotes(src: string, base: string): Promise<(string | undefined)[]> {
  try {
    const res = await fetch(new URL(src, base), { credentials: 'same-origin' });
    if (!res.ok) return [];
    const text = await res.text();
    return text.trimStart().startsWith('{') ? stepNotes(JSON.parse(text)) : [];
  } catch {
    return [];
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
