// @vitest-environment jsdom
// The reveal.js plugin's pure parts: steps ↔ fragments, whose keys are the
// deck's, and speaker notes as text. (The plugin in a real deck is
// tests/e2e/reveal.spec.ts.)
import { describe, expect, it } from 'vitest';
import type * as Published from '../../lib/reveal.js';
import { KubehopReveal, type Deck, type RevealPlugin } from '../../src/reveal/index.ts';
import { addStepFragments } from '../../src/reveal/fragments.ts';
import { keyRoute } from '../../src/reveal/keys.ts';
import { notesAside, paragraphs, stepNotes } from '../../src/reveal/notes.ts';
import { fragmentInHash } from '../../src/reveal/start-link.ts';
import { fragmentIndexFor, stepOf } from '../../src/reveal/steps.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const samePlugin: Same<Published.RevealPlugin, RevealPlugin> = true;
const sameDeck: Same<Published.Deck, Deck> = true;
const sameFactory: typeof Published.KubehopReveal = KubehopReveal;

describe('kubehop/reveal types', () => {
  it('publishes types that match the source', () => {
    expect([samePlugin, sameDeck, typeof sameFactory]).toEqual([true, true, 'function']);
    expect(KubehopReveal().id).toBe('kubehop');
  });
});

describe('steps and fragments', () => {
  it('reads the step from how many of the scene’s fragments are shown, in order', () => {
    expect(stepOf([])).toBe(0);
    expect(stepOf([false, false, false])).toBe(0);
    expect(stepOf([true, false, false])).toBe(1);
    expect(stepOf([true, true, true])).toBe(3);
    // A gap cannot come from reveal.js; if it did, the step is where the run of shown ones stops.
    expect(stepOf([true, false, true])).toBe(1);
  });

  it('maps a step to the fragment index that shows exactly that many fragments', () => {
    // A slide whose only fragments are the scene's: indices 0…3 for steps 1…4.
    const alone = [0, 1, 2, 3];
    expect(fragmentIndexFor(alone, 0)).toBe(-1);
    expect(fragmentIndexFor(alone, 1)).toBe(0);
    expect(fragmentIndexFor(alone, 4)).toBe(3);
    // After two fragments of the author's: step 0 leaves those shown.
    const after = [2, 3, 4];
    expect(fragmentIndexFor(after, 0)).toBe(1);
    expect(fragmentIndexFor(after, 2)).toBe(3);
    // Out of range clamps; a one-step scene has no fragment to move.
    expect(fragmentIndexFor(alone, 99)).toBe(3);
    expect(fragmentIndexFor(alone, -5)).toBe(-1);
    expect(fragmentIndexFor([], 0)).toBeUndefined();
  });

  it('round-trips: the index for step k shows k fragments', () => {
    const indices = [3, 4, 5, 6, 7];
    for (let k = 0; k <= indices.length; k++) {
      const f = fragmentIndexFor(indices, k)!;
      expect(stepOf(indices.map((i) => i <= f))).toBe(k);
    }
  });
});

describe('a link to a step', () => {
  it('reads the fragment index from a reveal.js hash as reveal.js does', () => {
    expect(fragmentInHash('#/1/0/3')).toBe(3);
    expect(fragmentInHash('#/bridge/3')).toBe(3);
    expect(fragmentInHash('#/bridge/-1')).toBe(-1);
    expect(fragmentInHash('#/1/0')).toBeUndefined();
    expect(fragmentInHash('#/1')).toBeUndefined();
    expect(fragmentInHash('#/bridge')).toBeUndefined();
    expect(fragmentInHash('')).toBeUndefined();
    expect(fragmentInHash('#/1/0/x')).toBeUndefined();
  });
});

describe('keys inside a deck', () => {
  it('gives the element’s stepping keys to the deck, and a button its Space and Enter', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', ' ', 'PageDown', 'PageUp', 'Home', 'End', 'n', 'P', 'k', 'Enter', 'f', 'o']) {
      expect(keyRoute(key, false)).toBe('deck');
    }
    expect(keyRoute(' ', true)).toBe('button');
    expect(keyRoute('Enter', true)).toBe('button');
    expect(keyRoute('ArrowRight', true)).toBe('deck');
    // Tab and the rest stay the browser's (focus moves as usual).
    expect(keyRoute('Tab', false)).toBe('none');
    expect(keyRoute('s', false)).toBe('none');
  });
});

describe('speaker notes', () => {
  it('reads each step’s notes from a bundle, and nothing from what is not one', () => {
    expect(stepNotes({ steps: [{ notes: 'one' }, {}, { notes: '  ' }, { notes: 'four' }] })).toEqual(['one', undefined, undefined, 'four']);
    expect(stepNotes({ steps: [{ notes: 7 }, null] })).toEqual([undefined, undefined]);
    expect(stepNotes(null)).toEqual([]);
    expect(stepNotes({ steps: 'x' })).toEqual([]);
    expect(stepNotes('{"steps":[]}')).toEqual([]);
  });

  it('splits paragraphs on blank lines and joins the other lines', () => {
    expect(paragraphs('first line\nsame paragraph\n\n  second  \n \n\nthird')).toEqual(['first line same paragraph', 'second', 'third']);
    expect(paragraphs('  \n ')).toEqual([]);
  });

  it('puts notes in an aside as text: markup in a note stays text after reveal.js copies it as HTML', () => {
    const hostile = 'Say <b>this</b> & <img src=x onerror="window.pwned=1">\n\nthen "that"';
    const aside = notesAside(document, hostile);
    expect(aside.localName).toBe('aside');
    expect(aside.className).toBe('notes');
    // What the speaker view does with it: innerHTML in, innerHTML out.
    const view = document.createElement('div');
    view.innerHTML = aside.innerHTML;
    expect(view.querySelector('img, b, script')).toBeNull();
    expect([...view.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Say <b>this</b> & <img src=x onerror="window.pwned=1">', 'then "that"']);
  });

  it('gives a scene of n steps n − 1 silent fragments after it, notes inside, step 1’s outside any fragment', () => {
    const section = document.createElement('section');
    const scene = document.createElement('kubehop-scene');
    section.append(scene, document.createElement('p'));
    const parts = addStepFragments(scene, 4, ['first', undefined, 'third <i>', 'fourth']);
    expect(parts.fragments).toHaveLength(3);
    const box = scene.nextElementSibling!;
    expect(box.getAttribute('aria-hidden')).toBe('true');
    expect(parts.fragments.map((f) => f.className)).toEqual(['fragment kubehop-step', 'fragment kubehop-step', 'fragment kubehop-step']);
    // Every fragment has its aside, empty for a step without notes (else reveal.js shows the slide's).
    expect(parts.fragments.map((f) => f.querySelector('aside.notes')?.textContent ?? null)).toEqual(['', 'third <i>', 'fourth']);
    const outside = [...box.querySelectorAll('aside.notes')].filter((a) => a.closest('.fragment') === null);
    expect(outside.map((a) => a.textContent)).toEqual(['first']);
    parts.remove();
    expect(section.querySelector('.fragment, aside')).toBeNull();
  });
});
