// From a `src` URL to a drawable scene, or to a message a blogger can act on.
//
// A precompiled bundle (.json) is the fast path: fetch, parse, check, draw —
// no YAML parser, no validator, no elkjs. A raw scene (.yaml/.yml) works too,
// but then the whole pipeline is imported on demand, as its own chunk (with
// elkjs behind it in another), so pages that only show bundles never fetch it;
// it runs in a Web Worker (src/worker/), so laying out never blocks the page.
import { macNames } from '../timeline/card-names.ts';
import { checkBundle, diagnosticLines, type BundleCheck } from './bundle-check.ts';

export type SourceKind = 'bundle' | 'yaml';

/**
 * Which reader a source needs: by the URL's extension, else by the response's
 * content type, else by its first character (a bundle is a JSON object).
 */
export function sourceKind(url: string, contentType: string | null, text: string): SourceKind {
  const path = url.replace(/[?#].*$/, '').toLowerCase();
  if (path.endsWith('.json')) return 'bundle';
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml';
  if (contentType && /json/i.test(contentType)) return 'bundle';
  if (contentType && /yaml/i.test(contentType)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'bundle' : 'yaml';
}

/** The last part of the URL's path: how messages and diagnostics name the file. */
export function fileName(url: string): string {
  const path = url.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || url;
  } catch {
    return name || url;
  }
}

export async function loadSource(src: string, base: string, signal: AbortSignal): Promise<BundleCheck> {
  let url: string;
  try {
    url = new URL(src, base).href;
  } catch {
    return { ok: false, message: `"${src}" is not a URL.`, details: [] };
  }
  const name = fileName(url);
  // A YAML file is built here, and elkjs takes longest to arrive: fetch it alongside the scene.
  // (Not for a data: URL, whose text may name a .yaml file; nor fatal where the chunk is left out, as in an HTML export.)
  if (!url.startsWith('data:') && /\.ya?ml$/i.test(new URL(url).pathname)) import('../worker/build-client.ts').then((m) => m.warmUp(), () => {});
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (e) {
    if (signal.aborted) throw e;
    return {
      ok: false,
      message: `Could not fetch ${name}: the network failed, or the server does not allow this page to read it (CORS).`,
      details: [url],
    };
  }
  if (!res.ok) {
    return { ok: false, message: `Could not load ${name}: the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`, details: [url] };
  }
  const text = await res.text();
  // Many hosts answer a wrong path with their HTML home or 404 page, and status 200.
  if (/html/i.test(res.headers.get('content-type') ?? '') || /^\s*</.test(text)) {
    return { ok: false, message: `${name} is a web page, not a kubehop scene: most likely nothing is at that address, so check the src URL.`, details: [url] };
  }
  if (sourceKind(url, res.headers.get('content-type'), text) === 'bundle') return withCardPlaces(readBundle(text, name));
  return readYaml(text, name);
}

export function readBundle(text: string, name: string): BundleCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${name} is not valid JSON, so it is not a scene bundle.`, details: [String((e as Error).message)] };
  }
  return checkBundle(data, name);
}

/**
 * A bundle written before builds kept the packet card's places has none: they
 * are searched here, every step's before the first picture (the runtime
 * once searched each step's when it was first shown), with the pipeline's
 * chunk (the YAML path's), so pages showing newer bundles never fetch the
 * search. Where that chunk is left out (an HTML export, whose
 * bundle keeps its places), the cards go without a place.
 */
async function withCardPlaces(b: BundleCheck): Promise<BundleCheck> {
  if (!b.ok || (b.shown.geometry.cards?.length ?? -1) >= b.shown.steps.length) return b;
  const { scene, steps, geometry } = b.shown;
  try {
    // Through the pipeline's chunk, the one place the search lives in a build of the embed.
    // Places the bundle does keep are kept; only the missing ones are searched.
    const { searchCards } = await import('../pipeline.ts');
    return { ok: true, shown: { ...b.shown, geometry: { ...geometry, cards: searchCards(geometry, steps, macNames(scene)) } } };
  } catch (e) {
    console.warn(`kubehop: the packet card's places could not be searched (${String(e)}); the cards of this scene go without one.`);
    return b;
  }
}

async function readYaml(text: string, name: string): Promise<BundleCheck> {
  // The lazy chunk: parse → validate → derive → layout, elkjs included, in a worker where the page allows one.
  const { buildOffThread } = await import('../worker/build-client.ts');
  const built = await buildOffThread(text, name);
  if (!built.ok) return { ok: false, message: `${name} has errors:`, details: diagnosticLines(built.diagnostics) };
  return { ok: true, shown: { scene: built.scene, steps: built.steps, geometry: built.geometry } };
}
