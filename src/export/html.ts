// One .html file that plays the scene with no network and no other file:
// the <kubehop-scene> element (src/embed) inlined as a module, the
// precompiled scene inlined as JSON, and a few lines that hand one to the
// other. Opened from disk (file://) a page may run inline modules but fetch
// nothing, not even a sibling file — so the scene reaches the
// element as a data: URL, which fetch always reads.
import type { ExportTheme } from './options.ts';

/** What the element needs of a bundle (src/bundle/bundle.ts's SceneBundle, ok case). */
export interface HtmlScene {
  format: number;
  ok: true;
  scene: { id: string; title: string; summary: string };
  steps: unknown[];
  geometry: unknown;
}

export interface HtmlOptions {
  theme: ExportTheme;
  /** Widest the diagram is drawn, in CSS pixels (it shrinks to fit narrower windows). */
  width: number;
}

/** Page colours around the element, per theme (the element and diagram bring their own). */
const PAGE: Record<ExportTheme, { bg: string; fg: string; muted: string }> = {
  light: { bg: '#ffffff', fg: '#1b1f24', muted: '#57606a' },
  dark: { bg: '#15181c', fg: '#e8ebef', muted: '#a9b1bb' },
  projector: { bg: '#ffffff', fg: '#000000', muted: '#1b1f24' },
};

export function htmlPage(bundle: HtmlScene, elementModule: string, opts: HtmlOptions): string {
  const { scene } = bundle;
  const c = PAGE[opts.theme];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kubehop export">
<title>${escapeHtml(scene.title)}</title>
<style>
  html { color-scheme: ${opts.theme === 'dark' ? 'dark' : 'light'}; }
  body { margin: 0; background: ${c.bg}; color: ${c.fg}; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; }
  main { max-width: ${Math.round(opts.width)}px; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
  h1 { font-size: 1.4rem; margin: 0.5rem 0 0.25rem; }
  p.summary { margin: 0 0 1rem; color: ${c.muted}; }
  p.keys { margin: 0.75rem 0 0; color: ${c.muted}; font-size: 0.875rem; }
  kubehop-scene { margin: 0; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(scene.title)}</h1>
<p class="summary">${escapeHtml(scene.summary)}</p>
<kubehop-scene id="kubehop-scene" controls theme="${opts.theme}"></kubehop-scene>
<p class="keys">Keys: → or Space next step, ← previous, Home / End first and last, K or Enter play and pause.</p>
</main>
<script type="application/json" id="kubehop-bundle">${jsonInHtml(bundle)}</script>
<script type="module">${scriptInHtml(elementModule)}</script>
<script type="module">
  const el = document.getElementById('kubehop-scene');
  const json = document.getElementById('kubehop-bundle').textContent;
  el.setAttribute('src', 'data:application/json;charset=utf-8,' + encodeURIComponent(json));
  // The page is the diagram: its keys work at once, without a click first.
  // Framed, the page is a guest: focus would move the reader's keys into it
  // and scroll the host page to it, so it waits for a click or Tab there.
  if (window.top === window) el.focus({ preventScroll: true });
</script>
</body>
</html>
`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** JSON inside <script>: no `<` at all, so nothing in a caption can end the element early. */
export function jsonInHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * A script inside <script>: `</script` would end it, `<!--` would change how
 * it is parsed. `<\/` and `\x3C` mean `</` and `<` in every JavaScript
 * string, template or regular expression that can hold them.
 */
export function scriptInHtml(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\x3C!--');
}
