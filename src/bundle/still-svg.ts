// The static fallback: one step of a scene as a self-contained SVG file, for
// places with no JavaScript at all (feed readers, e-mail, AMP, a blog whose
// host strips scripts). Drawn in Node by the same render stage as the page
// (showStill), into jsdom, at build time.
import { JSDOM } from 'jsdom';
import { narration } from '../derive/trace.ts';
import { DARK } from '../render/style.ts';
import { showStill } from '../still.ts';
import type { Shown } from '../show.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The step a still shows: the one a reader learns most from without the
 * animation. Most headers first (inside a tunnel, say — the picture the
 * scene exists to explain), then most table rows lit (a route or rule that
 * decided something), then an operation applied; ties go to the step nearest
 * the middle of the walk, so the packet is on its way.
 */
export function stillStep(steps: readonly { headers: readonly unknown[]; highlight?: readonly unknown[]; ops?: readonly unknown[] }[]): number {
  const middle = (steps.length - 1) / 2;
  const score = (k: number): number => {
    const s = steps[k]!;
    return s.headers.length * 100 + Math.min(s.highlight?.length ?? 0, 9) * 10 + (s.ops?.length ? 1 : 0);
  };
  let best = 0;
  for (let k = 1; k < steps.length; k++) {
    const d = score(k) - score(best);
    if (d > 0 || (d === 0 && Math.abs(k - middle) < Math.abs(best - middle))) best = k;
  }
  return best;
}

/** The SVG file's text: sized, titled, described (with the step it shows), light or dark as the reader's system is. */
export function stillSvg(built: Pick<Shown, 'scene' | 'steps' | 'geometry'>, step = stillStep(built.steps)): string {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const svg = window.document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  svg.id = `kh-still-${built.scene.id}`;
  window.document.body.append(svg);
  showStill(svg, built, step);
  // An <img> needs an intrinsic size; the page scales it with CSS.
  svg.setAttribute('width', String(built.geometry.width));
  svg.setAttribute('height', String(built.geometry.height));
  const s = built.steps[step];
  const desc = svg.querySelector('desc');
  if (desc && s) desc.textContent = `${built.scene.summary} Shown: step ${step + 1} of ${built.steps.length}. ${narration(s)}`;
  const style = svg.querySelector('style');
  // No script can switch a theme in an <img>, but a media query still answers.
  if (style) style.textContent += `@media (prefers-color-scheme: dark) { .kh-scene {${DARK}\n} }\n`;
  // The serializer writes the namespace itself; the renderer's own xmlns attribute would make it twice.
  svg.removeAttribute('xmlns');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new window.XMLSerializer().serializeToString(svg)}\n`;
}
