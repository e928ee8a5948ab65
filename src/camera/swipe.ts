// Swipe left / right on the stage steps on touch screens. A swipe is one
// finger moving mostly sideways, quickly; anything else (a vertical scroll,
// a two-finger pinch, a slow drag) is left to the browser. The stage claims
// only sideways pans (touch-action: pan-y pinch-zoom), and none at all while
// the page is pinch-zoomed in, when sideways drags must pan the page.

export type SwipeStep = 'next' | 'prev';

/** Thresholds in CSS pixels and milliseconds. */
export const SWIPE = { minDistance: 40, maxMs: 800, ratio: 1.5 } as const;

/** Left (finger moving towards the left edge) is next, as when turning a page. */
export function swipeStep(dx: number, dy: number, ms: number): SwipeStep | undefined {
  if (ms > SWIPE.maxMs || Math.abs(dx) < SWIPE.minDistance) return undefined;
  if (Math.abs(dx) < SWIPE.ratio * Math.abs(dy)) return undefined;
  return dx < 0 ? 'next' : 'prev';
}

const CLAIM = 'pan-y pinch-zoom';

export function watchSwipe(el: HTMLElement | SVGElement, onswipe: (s: SwipeStep) => void): () => void {
  let start: { id: number; x: number; y: number; t: number } | undefined;
  let fingers = 0;
  const vv = typeof visualViewport === 'object' ? visualViewport : null;
  const zoomed = (): boolean => !!vv && vv.scale > 1.01;
  const claim = (): void => {
    el.style.touchAction = zoomed() ? 'auto' : CLAIM;
  };
  claim();

  const down = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse') return;
    fingers++;
    // A second finger makes it a pinch: no swipe from this gesture.
    start = fingers === 1 && !zoomed() ? { id: e.pointerId, x: e.clientX, y: e.clientY, t: e.timeStamp } : undefined;
  };
  const up = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse') return;
    fingers = Math.max(0, fingers - 1);
    const s = start;
    if (!s || s.id !== e.pointerId) return;
    start = undefined;
    const step = swipeStep(e.clientX - s.x, e.clientY - s.y, e.timeStamp - s.t);
    if (step) onswipe(step);
  };
  const cancel = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse') return;
    fingers = Math.max(0, fingers - 1);
    start = undefined;
  };
  el.addEventListener('pointerdown', down as EventListener);
  el.addEventListener('pointerup', up as EventListener);
  el.addEventListener('pointercancel', cancel as EventListener);
  vv?.addEventListener('resize', claim);
  return () => {
    el.removeEventListener('pointerdown', down as EventListener);
    el.removeEventListener('pointerup', up as EventListener);
    el.removeEventListener('pointercancel', cancel as EventListener);
    vv?.removeEventListener('resize', claim);
  };
}
