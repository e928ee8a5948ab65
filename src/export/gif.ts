// GIF encoding over RGBA frames, with gifenc. Pure JavaScript: the same
// bytes in the page that renders the frames, in the app, and in a Node test.
//
// One palette for the whole animation, so a colour never shifts between
// frames (per-frame palettes make flat areas shimmer), and the file depends
// only on the pixels. Each frame after the first stores only what changed:
// unchanged pixels become the transparent index over the previous frame
// (disposal 1, "leave in place"). A packet moving across a still diagram is
// a few hundred changed pixels, so this is what keeps a scene's GIF small.
//
// Pixels are mapped to the palette here rather than with gifenc's
// applyPalette: that caches by 5-bit bins per call, so the same colour could
// map to different entries in different frames (whichever colour of the bin
// came first), and a still table would flicker between two greys.
import { GIFEncoder, quantize, type Encoder, type Palette } from 'gifenc';

/** 255 colours, leaving one index for "unchanged" (the transparent colour). */
const COLOURS = 255;
const FORMAT = 'rgb565';
const UNSEEN = -1;
/** GIF's "do not dispose": the next frame draws over this one. */
const KEEP = 1;

/**
 * Every `stride`-th pixel of a frame: enough to find its colours (they come in
 * flat areas and glyph edges), and the palette's input stays a few MB however
 * large the frames.
 */
export function samplePixels(rgba: Uint8ClampedArray, stride: number): Uint8ClampedArray {
  const step = Math.max(1, Math.floor(stride));
  if (step === 1) return rgba.slice();
  const n = Math.ceil(rgba.length / 4 / step);
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0, p = 0; i < n; i++, p += step * 4) out.set(rgba.subarray(p, p + 4), i * 4);
  return out;
}

/** A palette from sample frames (the rest picture of every step holds every colour the animation uses). */
export function gifPalette(samples: readonly Uint8ClampedArray[]): Palette {
  const size = samples.reduce((n, s) => n + s.length, 0);
  // quantize reads the whole underlying buffer, so give it a fresh one.
  const all = new Uint8ClampedArray(size);
  let at = 0;
  for (const s of samples) all.set(s, at), (at += s.length);
  return quantize(all, COLOURS, { format: FORMAT });
}

export class GifWriter {
  readonly #gif: Encoder = GIFEncoder();
  readonly #palette: Palette;
  readonly #clear: number;
  /** Palette index per 24-bit colour, kept across frames: one colour, one index, always. */
  readonly #lookup = new Int16Array(1 << 24).fill(UNSEEN);
  #previous: Uint8Array | undefined;
  #frames = 0;

  constructor(
    readonly width: number,
    readonly height: number,
    palette: Palette,
  ) {
    this.#palette = palette;
    // The transparent index is one past the real colours, so no pixel ever maps to it.
    this.#clear = palette.length;
  }

  get frames(): number {
    return this.#frames;
  }

  /** Adds a frame shown for `cs` centiseconds (GIF's unit). */
  add(rgba: Uint8ClampedArray, cs: number): void {
    if (rgba.length !== this.width * this.height * 4) throw new Error(`frame is ${rgba.length / 4} pixels, expected ${this.width}×${this.height}`);
    const index = this.#indexed(rgba);
    const delay = Math.max(0, Math.round(cs)) * 10;
    if (!this.#previous) {
      this.#gif.writeFrame(index, this.width, this.height, {
        palette: [...this.#palette, [0, 0, 0]],
        delay,
        repeat: 0, // loop forever (NETSCAPE2.0)
        dispose: KEEP,
      });
    } else {
      const delta = index.slice();
      const prev = this.#previous;
      for (let i = 0; i < delta.length; i++) if (delta[i] === prev[i]) delta[i] = this.#clear;
      this.#gif.writeFrame(delta, this.width, this.height, {
        delay,
        transparent: true,
        transparentIndex: this.#clear,
        dispose: KEEP,
      });
    }
    this.#previous = index;
    this.#frames++;
  }

  #indexed(rgba: Uint8ClampedArray): Uint8Array {
    const out = new Uint8Array(rgba.length / 4);
    const lookup = this.#lookup;
    for (let i = 0, p = 0; i < out.length; i++, p += 4) {
      const key = (rgba[p]! << 16) | (rgba[p + 1]! << 8) | rgba[p + 2]!;
      let idx = lookup[key]!;
      if (idx === UNSEEN) idx = lookup[key] = nearest(this.#palette, rgba[p]!, rgba[p + 1]!, rgba[p + 2]!);
      out[i] = idx;
    }
    return out;
  }

  finish(): Uint8Array {
    this.#gif.finish();
    return this.#gif.bytes();
  }
}

/** The palette entry closest to r, g, b (squared RGB distance; the first of equals). */
export function nearest(palette: Palette, r: number, g: number, b: number): number {
  let best = 0;
  let min = Infinity;
  for (let i = 0; i < palette.length; i++) {
    const c = palette[i]!;
    const d = (c[0]! - r) ** 2 + (c[1]! - g) ** 2 + (c[2]! - b) ** 2;
    if (d < min) (min = d), (best = i);
  }
  return best;
}
