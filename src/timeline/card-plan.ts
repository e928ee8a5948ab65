// The card at every step, worked out once per scene: its content, its shape
// and where it rests. Lazy and memoised per (steps, geometry): the player asks
// on every tick, and a scene of 20 steps should not place 20 cards before its
// first picture.
import type { DerivedStep } from '../derive/types.ts';
import type { Geometry, Point } from '../layout/types.ts';
import { cardView, type CardView, type MacNames } from './card-content.ts';
import { cardShape, type CardShape } from './card-layout.ts';
import { placeCard } from './card-place.ts';
import { markerRect, restPoints } from './rest.ts';

export interface CardAtStep {
  view: CardView;
  shape: CardShape;
  /** Top-left corner of the card at rest; undefined when the packet has nowhere to be. */
  at?: Point;
}

export interface CardPlan {
  at(k: number): CardAtStep | undefined;
}

const plans = new WeakMap<DerivedStep[], WeakMap<Geometry, CardPlan>>();

export function cardPlan(steps: DerivedStep[], geometry: Geometry, names: MacNames = {}): CardPlan {
  let byGeometry = plans.get(steps);
  if (!byGeometry) plans.set(steps, (byGeometry = new WeakMap()));
  let plan = byGeometry.get(geometry);
  if (!plan) byGeometry.set(geometry, (plan = makePlan(steps, geometry, names)));
  return plan;
}

function makePlan(steps: DerivedStep[], geometry: Geometry, names: MacNames): CardPlan {
  const memo = new Map<number, CardAtStep>();
  return {
    at(k) {
      const step = steps[k];
      if (!step) return undefined;
      let c = memo.get(k);
      if (!c) {
        const view = cardView(step, names);
        const shape = cardShape(view);
        const rest = restPoints(geometry)[step.at];
        c = { view, shape };
        const known = geometry.cards?.[k];
        const box = geometry.boxes.find((b) => b.id === step.at);
        if (known) c.at = known;
        else if (rest && known === undefined) c.at = placeCard(geometry, rest, shape, box);
        memo.set(k, c);
      }
      return c;
    },
  };
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
