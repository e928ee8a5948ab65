// An exported picture: one step of the scene drawn by the same stages as the
// player (showStill: render, packet markers, frameAt/applyFrame), sized in
// pixels, in the chosen theme, with the step's caption and "Step k of n" in a
// band underneath — where the player would show them beside the diagram.
// Plain DOM, so it runs in jsdom (the CLI's SVG files), in Chromium (the
// CLI's PNG/GIF/WebM frames) and in the app alike.
import { select } from 'd3-selection';
import { narration } from '../derive/trace.ts';
import { showStill } from '../still.ts';
import type { Shown } from '../show.ts';
import { bandLayout, stepLabel, wrapText, type BandLayout } from './caption.ts';
import type { PictureOptions } from './options.ts';

export type Drawable = Pick<Shown, 'scene' | 'steps' | 'geometry'>;

export interface Picture {
  /** Pixel size (the svg's width and height attributes). */
  width: number;
  height: number;
  /** Writes step k's caption, counter, title and description (the packet is the timeline's business). */
  caption(k: number): void;
}

// Scoped like the renderer's sheet; colours come from the same theme variables.
// The last rule repeats what the app's page CSS (src/app/app.css) adds to the
// diagram in the dark theme, so an export looks like the player it came from:
// a file has no page around it. (The projector's thicker lines are the
// renderer's own sheet's, src/render/style.ts.)
const EXPORT_STYLE = `
.kh-scene .kh-caption-rule { stroke: var(--kh-table-stroke, #8a8f96); stroke-width: 1; }
.kh-scene .kh-caption-step { fill: var(--kh-muted, #3d4650); font-weight: 700; }
.kh-scene.kh-theme-dark .kh-packet-halo { fill: var(--kh-bg); }
`;

/** Draws step `step` into `svg` with its caption band; returns how to re-caption it for other steps. */
export function drawPicture(svg: SVGSVGElement, built: Drawable, opts: PictureOptions, step = 0): Picture {
  // The renderer prefixes every id with the svg's id: stable ids make stable files.
  if (!svg.id) svg.id = `kh-export-${built.scene.id}`;
  showStill(svg, built, step);
  const { width: gw, height: gh } = built.geometry;
  const band = bandLayout(
    built.steps.map(narration),
    gw,
    opts.width,
  );
  const size = pixelSize(gw, gh + band.height, opts);
  // The viewBox takes the pixel size's exact aspect (the band absorbs the
  // rounding), so no sliver of transparent letterbox appears at any width.
  const viewHeight = (size.height * gw) / size.width;
  const root = select(svg)
    .attr('width', size.width)
    .attr('height', size.height)
    .attr('viewBox', `0 0 ${gw} ${round(viewHeight)}`)
    .attr('data-theme', opts.theme);
  if (opts.theme !== 'light') root.classed(`kh-theme-${opts.theme}`, true);
  const style = svg.querySelector('style');
  if (style) style.textContent += EXPORT_STYLE;

  // Under the packets layer, so a badge resting on a bottom corner stays on top.
  const packets = svg.querySelector('g.kh-packets');
  const g = root.insert('g', () => packets as Element).attr('class', 'kh-caption-band');
  g.append('rect').attr('class', 'kh-bg').attr('x', 0).attr('y', gh).attr('width', gw).attr('height', round(viewHeight - gh));
  g.append('line').attr('class', 'kh-caption-rule').attr('x1', 0).attr('x2', gw).attr('y1', gh).attr('y2', gh);
  const text = g.append('text').attr('class', 'kh-caption').attr('font-size', round(band.fontSize));

  const title = svg.querySelector('title');
  const desc = svg.querySelector('desc');
  const count = built.steps.length;
  const caption = (k: number): void => {
    const s = built.steps[k];
    const words = s ? narration(s) : '';
    g.attr('data-step', k);
    text.selectAll('tspan').remove();
    const lines = [stepLabel(k, count), ...wrapText(words, band.columns)];
    lines.forEach((line, i) => {
      text
        .append('tspan')
        .attr('class', i === 0 ? 'kh-caption-step' : 'kh-caption-line')
        .attr('x', round(band.padX))
        .attr('y', round(baseline(gh, band, i)))
        .text(line);
    });
    if (title) title.textContent = `${built.scene.title} — ${stepLabel(k, count).toLowerCase()}`;
    if (desc) desc.textContent = `${built.scene.summary} ${stepLabel(k, count)}: ${words}`.trim();
  };
  caption(step);
  return { ...size, caption };
}

/** Pixel size for a picture `w × h` units drawn `opts.width` pixels across. */
export function pixelSize(w: number, h: number, opts: Pick<PictureOptions, 'width' | 'even'>): { width: number; height: number } {
  const even = (n: number): number => (opts.even ? 2 * Math.ceil(n / 2) : n);
  const width = even(Math.max(1, Math.round(opts.width)));
  const height = even(Math.max(1, Math.round((width * h) / Math.max(1, w))));
  return { width, height };
}

function baseline(top: number, band: BandLayout, line: number): number {
  // Text sits in the middle of its line box; 0.78 em is DejaVu Sans Mono's ascent above the baseline, near enough.
  return top + band.padY + line * band.lineHeight + (band.lineHeight - band.fontSize) / 2 + 0.78 * band.fontSize;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
