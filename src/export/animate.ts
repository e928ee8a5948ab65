// The exports that need a browser's rasteriser, written once for both
// callers: the CLI runs this file inside headless Chromium (runtime.ts), the
// app runs it in the viewer's own browser. Each returns the file's bytes.
import { FPS, PNG_SCALE, type PictureOptions } from './options.ts';
import { framePlan, gifDelays, videoRuns, type PlannedFrame } from './plan.ts';
import { drawPicture, type Drawable } from './picture.ts';
import { canvasBytes, canvasContext, drawSvg } from './raster.ts';
import { filmstrip } from './frames.ts';
import { GifWriter, gifPalette, samplePixels } from './gif.ts';
import { webmWriter } from './webm.ts';

export type Progress = (done: number, total: number) => void;

export interface Encoded {
  bytes: Uint8Array;
  width: number;
  height: number;
  /** Frames in the file (a GIF's rest is one frame; a video's is one per 1/30 s). */
  frames: number;
  durationMs: number;
  codec?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** How many sampled pixels the GIF palette is built from, at most. */
const PALETTE_SAMPLE = 4_000_000;

/** PNG of step k: the picture at `scale` device pixels per CSS pixel. */
export async function pngBytes(built: Drawable, k: number, opts: PictureOptions, scale = PNG_SCALE): Promise<Encoded> {
  const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  drawPicture(svg, built, opts, k);
  const ctx = canvasContext();
  await drawSvg(svg, ctx, scale);
  const bytes = await canvasBytes(ctx.canvas, 'image/png');
  return { bytes, width: ctx.canvas.width, height: ctx.canvas.height, frames: 1, durationMs: 0 };
}

/** The whole scene as a looping GIF: hops at FPS.gif, each rest one frame held for its caption. */
export async function gifBytes(built: Drawable, opts: PictureOptions, progress?: Progress): Promise<Encoded> {
  const plan = framePlan(built.steps, FPS.gif);
  const delays = gifDelays(plan);
  const film = filmstrip(built, opts);
  try {
    const { width, height } = film.picture;
    const count = built.steps.length;
    const total = plan.length + count;
    // First pass: the rest picture of every step, for the one shared palette.
    const stride = Math.ceil((count * width * height) / PALETTE_SAMPLE);
    const samples: Uint8ClampedArray[] = [];
    for (let k = 0; k < count; k++) {
      await film.draw(k);
      samples.push(samplePixels(pixels(film.ctx), stride));
      progress?.(k + 1, total);
    }
    const gif = new GifWriter(width, height, gifPalette(samples));
    for (const [i, f] of plan.entries()) {
      await film.draw(f.pos);
      gif.add(pixels(film.ctx), delays[i]!);
      progress?.(count + i + 1, total);
    }
    return { bytes: gif.finish(), width, height, frames: gif.frames, durationMs: delays.reduce((a, b) => a + b, 0) * 10 };
  } finally {
    film.close();
  }
}

/** The whole scene as a WebM at FPS.webm: each distinct picture drawn once, then encoded as often as it is shown. */
export async function webmBytes(built: Drawable, opts: PictureOptions, progress?: Progress): Promise<Encoded> {
  const fps = FPS.webm;
  const plan: PlannedFrame[] = framePlan(built.steps, fps);
  const runs = videoRuns(plan, fps);
  // Video encoders want even sizes.
  const film = filmstrip(built, { ...opts, even: true });
  try {
    const { width, height } = film.picture;
    await film.draw(0);
    const video = await webmWriter(film.ctx.canvas, fps);
    let frame = 0;
    for (const [i, run] of runs.entries()) {
      if (run.frames === 0) continue;
      if (i > 0) await film.draw(run.pos);
      for (let j = 0; j < run.frames; j++) await video.add(frame++);
      progress?.(i + 1, runs.length);
    }
    const bytes = await video.finish();
    return { bytes, width, height, frames: frame, durationMs: (frame * 1000) / fps, codec: video.codec };
  } finally {
    film.close();
  }
}

function pixels(ctx: CanvasRenderingContext2D): Uint8ClampedArray {
  return ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height).data;
}
