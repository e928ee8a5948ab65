// The caption's type size: as large as the theme asks, but no larger than lets
// the caption fit the band the stage leaves for it, and never below the
// smallest size the theme allows. A larger caption that took height from the
// stage would shrink the diagram, and change its scale from step to step.

/** What fitting needs to know about the page; measured in the browser, stubbed in tests. */
export interface Measure {
  /** The caption box's height with the caption set at `px`. */
  heightAt(px: number): number;
}

/**
 * The largest size in [min, max] (to half a pixel) at which the caption box is
 * at most `room` tall; `min` when none is.
 */
export function fitSize(m: Measure, room: number, min: number, max: number): number {
  if (max <= min || m.heightAt(max) <= room) return Math.max(min, max);
  let lo = min;
  let hi = max;
  // Height only grows with size (more and taller lines), so halving finds the edge.
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (m.heightAt(mid) <= room) lo = mid;
    else hi = mid;
  }
  return Math.max(min, Math.floor(lo * 2) / 2);
}

/** Sizes already found, by everything the fit depends on: a redrawn player (the editor redraws it on every rebuild) asks again for the same caption. */
const found = new Map<string, string>();
const FOUND_MAX = 200;

/**
 * Sets `caption`'s font size so that `box` fits `band`'s reserved height. The
 * theme's sizes come from CSS: the caption's own font size is the largest,
 * `--caption-min` (a registered length) the smallest. Each trial size costs the
 * page a layout, so a fit already made for the same text, width, room and
 * sizes is reused.
 */
export function fitCaption(band: HTMLElement, box: HTMLElement, caption: HTMLElement): void {
  caption.style.fontSize = '';
  const cs = getComputedStyle(caption);
  const max = parseFloat(cs.fontSize);
  const min = parseFloat(cs.getPropertyValue('--caption-min')) || max;
  // The band's top border is inside its min-height.
  const bs = getComputedStyle(band);
  const room = parseFloat(bs.minHeight) - parseFloat(bs.borderTopWidth || '0');
  const key = [box.textContent, box.clientWidth, room, min, max, cs.fontFamily, cs.lineHeight].join('\u0000');
  const known = found.get(key);
  if (known !== undefined) {
    caption.style.fontSize = known;
    return;
  }
  const px = fitSize(
    {
      heightAt: (s) => {
        caption.style.fontSize = `${s}px`;
        return box.getBoundingClientRect().height;
      },
    },
    room,
    min,
    max,
  );
  caption.style.fontSize = px === max ? '' : `${px}px`;
  if (found.size >= FOUND_MAX) found.clear();
  found.set(key, caption.style.fontSize);
}
