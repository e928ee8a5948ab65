// SVG → pixels, in a browser. The serialised SVG is drawn through an <img>
// (createImageBitmap refuses SVG blobs), from a data: URL (faster than a blob
// URL, measured). Only what is inside the SVG survives this — which is
// why the renderer embeds its stylesheet and the picture uses system fonts.
import { svgMarkup } from './svg-file.ts';

export type Canvas2D = CanvasRenderingContext2D;

/**
 * Draws the svg into `ctx`'s canvas at `scale` device pixels per CSS pixel.
 * The svg is serialised at the scaled size (its viewBox unchanged), so the
 * vector is rasterised at full resolution, never an upscaled bitmap.
 */
export async function drawSvg(svg: SVGSVGElement, ctx: Canvas2D, scale = 1): Promise<void> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(h));
  let markup: string;
  try {
    markup = svgMarkup({ document: svg.ownerDocument, XMLSerializer }, svg);
  } finally {
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
  }
  const img = new Image(w, h);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await img.decode();
  const canvas = ctx.canvas;
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  ctx.clearRect(0, 0, w, h);
  ctx.drawImage(img, 0, 0, w, h);
}

export function canvasContext(): Canvas2D {
  const canvas = document.createElement('canvas');
  // GIF frames are read back every time: keep the canvas in memory, not on a GPU.
  const ctx = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
  if (!ctx) throw new Error('this browser gives no 2D canvas');
  return ctx;
}

export function canvasBytes(canvas: HTMLCanvasElement, type: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error(`the canvas could not be saved as ${type}`));
      blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject);
    }, type);
  });
}
