// @vitest-environment jsdom
// One scene tied to a deck, with a stand-in for reveal.js that keeps its
// fragments as reveal.js does (visible up to the current index): the deck's
// fragments move the scene, and the scene's own steps move the deck.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SceneBinding, type SceneElement } from '../../src/reveal/binding.ts';
import type { Deck } from '../../src/reveal/deck.ts';

/** A <kubehop-scene> stand-in: its public API, and the events it sends. */
class FakeScene extends HTMLElement {
  currentStep: number | undefined = undefined;
  stepCount: number | undefined = undefined;
  goTo(n: number): void {
    if (this.currentStep === n) return;
    this.currentStep = n;
    this.dispatchEvent(new CustomEvent('stepchange', { detail: { step: n, count: this.stepCount } }));
  }
  loaded(count: number): void {
    this.stepCount = count;
    this.currentStep = 0;
    this.dispatchEvent(new CustomEvent('load'));
  }
}
customElements.define('fake-scene', FakeScene);

function fakeDeck(slide: HTMLElement): Deck & { calls: number[] } {
  const calls: number[] = [];
  const fragments = (): HTMLElement[] => [...slide.querySelectorAll<HTMLElement>('.fragment')];
  return {
    calls,
    on: () => {},
    off: () => {},
    getSlidesElement: () => slide.parentElement,
    getCurrentSlide: () => slide,
    getIndices: () => ({ h: 1, v: 0 }),
    slide(_h, _v, f = -1) {
      calls.push(f);
      for (const el of fragments()) el.classList.toggle('visible', Number(el.dataset.fragmentIndex) <= f);
    },
    syncFragments() {
      // A slide with only the scene's fragments: reveal.js numbers them in document order.
      fragments().forEach((el, k) => (el.dataset.fragmentIndex = String(k)));
      return fragments();
    },
    isReady: () => true,
  };
}

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

async function setUp(count: number) {
  // The bundle fetch for notes: a bundle without any.
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ steps: Array.from({ length: count }, () => ({})) }))));
  const slides = document.createElement('div');
  const slide = document.createElement('section');
  const scene = document.createElement('fake-scene') as FakeScene;
  scene.setAttribute('src', 'x.json');
  slide.append(scene);
  slides.append(slide);
  document.body.append(slides);
  const deck = fakeDeck(slide);
  const binding = new SceneBinding(scene as unknown as SceneElement, slide, deck);
  scene.loaded(count);
  await vi.waitFor(() => expect(slide.querySelectorAll('.fragment')).toHaveLength(count - 1));
  return { scene, slide, deck, binding };
}

describe('a scene bound to a deck', () => {
  it('shows the step the deck’s fragments stand for', async () => {
    const { scene, deck, binding } = await setUp(5);
    deck.slide(1, 0, 2);
    binding.fromDeck();
    expect(scene.currentStep).toBe(3);
    deck.slide(1, 0, -1);
    binding.fromDeck();
    expect(scene.currentStep).toBe(0);
  });

  it('moves the deck’s fragments to match when the scene steps itself, and leaves them where they already match', async () => {
    const { scene, deck } = await setUp(5);
    scene.goTo(4);
    expect(deck.calls).toEqual([3]);
    scene.goTo(1);
    expect(deck.calls).toEqual([3, 0]);
    scene.goTo(0);
    expect(deck.calls).toEqual([3, 0, -1]);
    // The deck moved first (its fragments say step 2), and the scene follows: nothing to send back.
    deck.slide(1, 0, 1);
    scene.goTo(2);
    expect(deck.calls).toEqual([3, 0, -1, 1]);
  });

  it('lets swipes on the scene be the scene’s, and gives everything back when destroyed', async () => {
    const { scene, slide, binding } = await setUp(3);
    expect(scene.hasAttribute('data-prevent-swipe')).toBe(true);
    binding.destroy();
    expect(scene.hasAttribute('data-prevent-swipe')).toBe(false);
    expect(slide.querySelector('.fragment')).toBeNull();
  });
});
