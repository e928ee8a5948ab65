// The CLI's page script: built on the fly into one IIFE (build.ts), injected
// into a blank page in headless Chromium (chromium.ts), called through
// page.evaluate. It is the app's export code, unchanged: same renderer,
// same timeline, same encoders.
import { gifBytes, pngBytes, webmBytes, type Progress } from './animate.ts';
import type { Drawable } from './picture.ts';
import type { PictureOptions } from './options.ts';

/** Set by the CLI (page.exposeFunction); absent when nobody listens. */
declare global {
  var kubehopProgress: ((done: number, total: number) => void) | undefined;
}

/** Reports at most every 2 %: each report is a round trip to Node. */
function progress(): Progress {
  let last = -1;
  return (done, total) => {
    const pct = Math.floor((done * 50) / Math.max(1, total));
    if (pct === last && done !== total) return;
    last = pct;
    globalThis.kubehopProgress?.(done, total);
  };
}

// The build names the IIFE's exports `kubehopExport` (build.ts): this object is what the page sees.
export const api = {
  pngBytes,
  gifBytes: (built: Drawable, opts: PictureOptions) => gifBytes(built, opts, progress()),
  webmBytes: (built: Drawable, opts: PictureOptions) => webmBytes(built, opts, progress()),
};
export type RuntimeApi = typeof api;
