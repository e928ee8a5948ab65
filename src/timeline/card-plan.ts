// The card at every step, worked out once per scene: its content, its shape
// and where it rests. Lazy and memoised per (steps, geometry): the player asks
// on every tick, and a scene of 20 steps should not place 20 cards before its
// first picture. Where the card rests is searched once, by the build
// (card-room.ts keeps the places in the geometry); what draws a built scene
// reads them, so a page showing one carries no search (the embed's budget).
import type { DerivedStep } from '../derive/types.ts';
import type { Geometry, Point } from '../layout/types.ts';
import { cardView, type CardView, type MacNames } from './card-content.ts';
import { cardShape, type CardShape } from './card-layout.ts';
import { markerRect, restPoints, type Rect } from './rest.ts';

export interface CardAtStep {
  view: CardView;
  shape: CardShape;
  /** Top-left corner of the card at rest; undefined when the packet has nowhere to be. */
  at?: Point;
}

export interface CardPlan {
  at(k: number): CardAtStep | undefined;
}

/** Finds a card's place on a geometry that keeps none (card-place.ts's placeCard, passed in by the build). */
export type Placer = (geometry: Geometry, at: Point, size: { width: number; height: number }, near?: Rect) => Point;

const kept = new WeakMap<DerivedStep[], WeakMap<Geometry, CardPlan>>();
const searched = new WeakMap<DerivedStep[], WeakMap<Geometry, CardPlan>>();

/** One object for "no names", so the content memo (below) holds across calls that give none. */
const NO_NAMES: MacNames = {};

/** `place`: how to find a card's place the geometry does not keep; without it, such a card has none. */
export function cardPlan(steps: DerivedStep[], geometry: Geometry, names: MacNames = NO_NAMES, place?: Placer): CardPlan {
  const plans = place ? searched : kept;
  let byGeometry = plans.get(steps);
  if (!byGeometry) plans.set(steps, (byGeometry = new WeakMap()));
  let plan = byGeometry.get(geometry);
  if (!plan) byGeometry.set(geometry, (plan = makePlan(steps, geometry, names, place)));
  return plan;
}

function makePlan(steps: DerivedStep[], geometry: Geometry, names: MacNames, place?: Placer): CardPlan {
  const memo = new Map<number, CardAtStep>();
  return {
    at(k) {
      const step = steps[k];
      if (!step) return undefined;
      let c = memo.get(k);
      if (!c) {
        const { view, shape } = contentOf(step, names);
        const rest = restPoints(geometry)[step.at];
        c = { view, shape };
        const known = geometry.cards?.[k];
        const box = geometry.boxes.find((b) => b.id === step.at);
        if (known) c.at = known;
        else if (rest && known === undefined && place) c.at = place(geometry, rest, shape, box);
        memo.set(k, c);
      }
      return c;
    },
  };
}

// A card's content and shape depend on its step alone, not on the picture:
// kept across the geometries a build places cards on (the layout's
// measuring run, the drawn one, the one grown to hold the cards).
const contents = new WeakMap<DerivedStep, WeakMap<MacNames, { view: CardView; shape: CardShape }>>();

function contentOf(step: DerivedStep, names: MacNames): { view: CardView; shape: CardShape } {
  let byNames = contents.get(step);
  if (!byNames) contents.set(step, (byNames = new WeakMap()));
  let c = byNames.get(names);
  if (!c) {
    const view = cardView(step, names);
    byNames.set(names, (c = { view, shape: cardShape(view) }));
  }
  return c;
}

/** Where a card in rest at `a` would be when a fraction `t` of the way to `b`. */
export function between(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** The card's rect at rest at step k (picture units). */
export function cardRect(steps: DerivedStep[], geometry: Geometry, names: MacNames, k: number): { x: number; y: number; width: number; height: number } | undefined {
  const c = cardPlan(steps, geometry, names).at(k);
  return c?.at ? { ...c.at, width: c.shape.width, height: c.shape.height } : undefined;
}

/** The card at rest with the packet's dot beside it: what the camera keeps in view first. */
export function cardFocus(steps: DerivedStep[], geometry: Geometry, names: MacNames, k: number): { x: number; y: number; width: number; height: number } | undefined {
  const step = steps[k];
  // A step on the topology moves no packet and draws no card: what it creates is its focus.
  if (step?.packet === '') return undefined;
  const card = cardRect(steps, geometry, names, k);
  const dot = step ? restPoints(geometry)[step.at] : undefined;
  if (!card || !dot) return card;
  const m = markerRect(dot);
  const x = Math.min(card.x, m.x);
  const y = Math.min(card.y, m.y);
  return { x, y, width: Math.max(card.x + card.width, m.x + m.width) - x, height: Math.max(card.y + card.height, m.y + m.height) - y };
}

/** What the camera keeps in view first at each step, for every shell that follows the packet (app stage, embed). */
export function cardFocusOf(steps: DerivedStep[], geometry: Geometry, names: MacNames): (k: number) => { x: number; y: number; width: number; height: number }[] {
  return (k) => {
    const r = cardFocus(steps, geometry, names, k);
    return r ? [r] : [];
  };
}
