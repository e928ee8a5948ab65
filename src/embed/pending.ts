// Calls made before the scene is ready (next(), goTo(), play() on an element
// that is still fetching, or not yet in the page). A script should not have
// to wait for a load event to drive the element, so each call is folded into
// one small intent and applied once the scene is drawn. Pure, so its
// arithmetic is unit-tested.
import { resolveStep, type StepRef } from './attributes.ts';

export interface Pending {
  /** Where an explicit goTo() asked to be; undefined: the `step` attribute decides. */
  base?: number;
  /** next() and prev() calls since then, relative to base. */
  offset: number;
  /** play() / pause() asked for; undefined: the `autoplay` attribute decides. */
  play?: boolean;
}

export type Call = { call: 'goTo'; step: number } | { call: 'next' } | { call: 'prev' } | { call: 'play' } | { call: 'pause' };

export const NOTHING_PENDING: Pending = { offset: 0 };

export function remember(p: Pending, c: Call): Pending {
  // As on a loaded scene, a move cancels an explicit play() (the player's next/prev/goTo stop playing).
  const moved = (next: Pending): Pending => (p.play === true ? { ...next, play: false } : next);
  switch (c.call) {
    case 'goTo':
      return moved({ ...p, base: Number.isFinite(c.step) ? Math.round(c.step) : 0, offset: 0 });
    case 'next':
      return moved({ ...p, offset: p.offset + 1 });
    case 'prev':
      return moved({ ...p, offset: p.offset - 1 });
    case 'play':
      return { ...p, play: true };
    case 'pause':
      return { ...p, play: false };
  }
}

/** The step and play intent to start with, once the scene's length is known. */
export function settle(p: Pending, count: number, attrStep: StepRef | undefined, autoplay: boolean): { step: number; play: boolean } {
  const last = Math.max(0, count - 1);
  const start = p.base === undefined ? resolveStep(attrStep, count) : p.base;
  const step = Math.min(Math.max(0, start + p.offset), last);
  return { step, play: p.play ?? autoplay };
}
