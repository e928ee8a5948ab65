// The fragments that stand for a scene's steps, put right after the
// <kubehop-scene> inside its slide. They show nothing: reveal.js's classes
// (visible, current-fragment) are the state, and the element shows it. A
// step's speaker notes ride in its fragment, where reveal.js's notes plugin
// looks for the current fragment's <aside class="notes">; step 1's (the
// slide before any of the scene's fragments) sit outside any fragment, with
// the slide's own notes. A step without notes still gets an empty aside:
// without one, the notes plugin falls back to the slide's notes, and the
// speaker would read step 1's notes at a step that has none.
import { notesAside } from './notes.ts';

export interface StepFragments {
  /** Step k's fragment at [k − 1]. */
  readonly fragments: readonly HTMLElement[];
  remove(): void;
}

export function addStepFragments(scene: HTMLElement, count: number, notes: readonly (string | undefined)[]): StepFragments {
  const doc = scene.ownerDocument;
  const box = doc.createElement('span');
  box.className = 'kubehop-steps';
  // Nothing here is for the audience: reveal.js announces a shown fragment's
  // text to screen readers, and the element's caption already says the step.
  box.setAttribute('aria-hidden', 'true');
  const first = notes[0];
  if (first) box.append(notesAside(doc, first));
  const fragments: HTMLElement[] = [];
  for (let k = 1; k < count; k++) {
    const f = doc.createElement('span');
    f.className = 'fragment kubehop-step';
    f.dataset.kubehopStep = String(k);
    f.append(notesAside(doc, notes[k] ?? ''));
    fragments.push(f);
  }
  box.append(...fragments);
  scene.after(box);
  return { fragments, remove: () => box.remove() };
}
