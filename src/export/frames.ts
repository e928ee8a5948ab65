// The animation's pictures, in a browser: the scene drawn once, then the
// *paused* gsap timeline seeked to each planned position and the SVG
// rasterised. Never a screen recording, so every run gives the same frames,
// however slow the machine.
import { buildTimeline, timelineLabel, type GsapTimeline } from '../timeline/timeline.ts';
import { macNames } from '../timeline/card-names.ts';
import { drawPicture, type Drawable, type Picture } from './picture.ts';
import { canvasContext, drawSvg, type Canvas2D } from './raster.ts';
import type { PictureOptions } from './options.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface Filmstrip {
  picture: Picture;
  ctx: Canvas2D;
  /** Shows timeline position `pos` and rasterises it into ctx's canvas. */
  draw(pos: number): Promise<void>;
  close(): void;
}

export function filmstrip(built: Drawable, opts: PictureOptions): Filmstrip {
  const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  const picture = drawPicture(svg, built, opts, 0);
  const timeline = buildTimeline(svg, built.steps, built.geometry, macNames(built.scene));
  const ctx = canvasContext();
  let captioned = -1;
  return {
    picture,
    ctx,
    async draw(pos) {
      timeline.seek(timeAt(timeline, pos), false);
      // applyFrame marks the step it drew; the caption follows it, as the player's does.
      const k = Number(svg.getAttribute('data-step') ?? 0);
      if (k !== captioned) picture.caption(k), (captioned = k);
      await drawSvg(svg, ctx);
    },
    close() {
      timeline.kill();
    },
  };
}

/** Timeline seconds at position `pos`: between the labels of the steps on either side. */
export function timeAt(timeline: GsapTimeline, pos: number): number {
  const k0 = Math.floor(pos);
  const k1 = Math.ceil(pos);
  const t0 = timeline.labels[timelineLabel(k0)] ?? 0;
  const t1 = timeline.labels[timelineLabel(k1)] ?? t0;
  return t0 + (pos - k0) * (t1 - t0);
}
