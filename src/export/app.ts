// The app's side of export (ExportMenu.svelte): the same pictures, GIFs,
// videos and pages as `kubehop export`, made in the viewer's own browser and
// handed over as downloads. The heavy parts (gifenc, mediabunny, the frame
// loop) load on first use, so the player's own bundle does not grow.
import { READS_FORMAT } from '../embed/bundle-check.ts';
import { svgFile } from './svg-file.ts';
import { htmlPage } from './html.ts';
import { DEFAULT_WIDTH, PNG_SCALE, type ExportTheme, type Format } from './options.ts';
import type { Drawable } from './picture.ts';
import type { Progress } from './animate.ts';

export type { Progress } from './animate.ts';

export interface Made {
  blob: Blob;
  /** A file name that says what it is: same-node-bridge-step-04.png, cross-node-vxlan.gif. */
  name: string;
}

const TYPES: Record<Format, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  gif: 'image/gif',
  webm: 'video/webm',
  html: 'text/html',
};

/** Step k (0-based) as a self-contained SVG file. */
export function stepSvg(built: Drawable, k: number, theme: ExportTheme, width = DEFAULT_WIDTH.svg): Made {
  const text = svgFile({ document, XMLSerializer }, built, k, { theme, width });
  return made(text, built, 'svg', k);
}

/** Step k as a PNG, sharp at 2×. */
export async function stepPng(built: Drawable, k: number, theme: ExportTheme, width = DEFAULT_WIDTH.png): Promise<Made> {
  const { pngBytes } = await import('./animate.ts');
  const png = await pngBytes(built, k, { theme, width }, PNG_SCALE);
  return made(png.bytes, built, 'png', k);
}

/** The whole scene as a looping GIF (takes a while: every frame is drawn and encoded here). */
export async function sceneGif(built: Drawable, theme: ExportTheme, progress?: Progress, width = DEFAULT_WIDTH.gif): Promise<Made> {
  const { gifBytes } = await import('./animate.ts');
  return made((await gifBytes(built, { theme, width }, progress)).bytes, built, 'gif');
}

/** The whole scene as a WebM video (needs WebCodecs: Chromium-based browsers, recent Firefox and Safari). */
export async function sceneWebm(built: Drawable, theme: ExportTheme, progress?: Progress, width = DEFAULT_WIDTH.webm): Promise<Made> {
  if (typeof VideoEncoder === 'undefined') throw new Error('This browser cannot encode video (no WebCodecs). Try a Chromium-based browser, or the kubehop CLI.');
  const { webmBytes } = await import('./animate.ts');
  return made((await webmBytes(built, { theme, width }, progress)).bytes, built, 'webm');
}

/**
 * The scene as one HTML file that plays offline. The player inside is the
 * built embed element, read from beside the app (embed/kubehop.js), so the
 * file is what a blog embed shows.
 */
export async function sceneHtml(built: Drawable, theme: ExportTheme, width = DEFAULT_WIDTH.html): Promise<Made> {
  const url = new URL('embed/kubehop.js', document.baseURI);
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new Error(`Could not load the player (${url.pathname}) to put in the page.`);
  }
  // A dev server answers unknown paths with the app's index.html.
  if (!res.ok || !/javascript/i.test(res.headers.get('content-type') ?? '')) {
    throw new Error('The player for the HTML file is not here: it is built by `npm run build` (or use `kubehop export --format html`).');
  }
  const bundle = { format: READS_FORMAT, ok: true as const, scene: built.scene, steps: built.steps, geometry: built.geometry };
  return made(htmlPage(bundle, await res.text(), { theme, width }), built, 'html');
}

/** Offers the file as a download. */
export function download({ blob, name }: Made): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download; a little later it can go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `<scene>-step-04.png` for one step (numbered like the counter), `<scene>.gif` for the scene. */
export function exportName(sceneId: string, format: Format, k?: number, count?: number): string {
  if (k === undefined) return `${sceneId}.${format}`;
  const digits = String(Math.max(1, count ?? k + 1)).length;
  return `${sceneId}-step-${String(k + 1).padStart(Math.max(2, digits), '0')}.${format}`;
}

function made(data: string | Uint8Array, built: Drawable, format: Format, k?: number): Made {
  const part: BlobPart = typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>);
  return { blob: new Blob([part], { type: TYPES[format] }), name: exportName(built.scene.id, format, k, built.steps.length) };
}
