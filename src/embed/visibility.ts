// Whether the element is on screen enough to be worth animating. Autoplay
// waits for this, and scrolling away pauses: a reader should not arrive at a
// diagram that has already played to its end, and an off-screen element
// should cost the page nothing.

/** Thresholds at which the observer reports, so `visibleEnough` sees the crossings it cares about. */
export const THRESHOLDS = [0, 0.15, 0.3, 0.5];

export interface Seen {
  isIntersecting: boolean;
  intersectionRatio: number;
  intersectionHeight: number;
  /** The viewport's height (0 when the browser does not say, e.g. in some cross-origin iframes). */
  rootHeight: number;
}

/**
 * Nearly a third of the element shows, or — for an element taller than the
 * viewport, which can never be a third on screen — it fills half the viewport.
 */
export function visibleEnough(s: Seen): boolean {
  if (!s.isIntersecting) return false;
  if (s.intersectionRatio >= 0.3) return true;
  return s.rootHeight > 0 && s.intersectionHeight >= 0.5 * s.rootHeight;
}

/** Calls `fn` with each change of visibility; returns the stop function. */
export function watchVisibility(el: Element, fn: (visible: boolean) => void): () => void {
  if (typeof IntersectionObserver !== 'function') {
    fn(true);
    return () => {};
  }
  const io = new IntersectionObserver(
    (entries) => {
      const e = entries[entries.length - 1];
      if (!e) return;
      fn(
        visibleEnough({
          isIntersecting: e.isIntersecting,
          intersectionRatio: e.intersectionRatio,
          intersectionHeight: e.intersectionRect.height,
          rootHeight: e.rootBounds?.height ?? 0,
        }),
      );
    },
    { threshold: THRESHOLDS },
  );
  io.observe(el);
  return () => io.disconnect();
}
