// The element's own look, inside its shadow root: the blog's CSS cannot
// break it, and it cannot leak into the blog. Type is inherited from the
// page (font and size flow through the shadow boundary), so captions read
// like the article around them. Pages can still restyle the pieces that are
// exposed as parts (::part(frame), ::part(caption), ::part(controls)…), and
// the diagram's colours through the --kh-* custom properties.
//
// The diagram's own stylesheet (STYLE) is adopted here too, and the copy the
// renderer puts inside the <svg> is dropped: a page whose CSP allows only
// `style-src 'self'` blocks inline <style>, never an adopted sheet.
//
// No layout shift: with a still <img width height> inside (the snippet
// `kubehop bundle` prints), the still stays in the flow, unseen once the
// scene is drawn, and the diagram, caption and controls are laid over it and
// over the strip its padding adds below it. The page's CSS (README) gives the
// still the same box before the script arrives, so nothing moves; the
// controls keep one height whatever they show, for the same reason.
import { STYLE } from '../render/style.ts';

const CSS = `
:host { display: block; position: relative; border-radius: 8px; container-type: inline-size; --kh-ui-bg: #ffffff; --kh-ui-fg: #1b1f24; --kh-ui-muted: #57606a; --kh-ui-line: #d0d7de; --kh-ui-button: #f6f8fa; --kh-ui-button-hover: #eaeef2; --kh-ui-focus: #0969da; --kh-ui-error: #b42318; }
:host([hidden]) { display: none; }
:host(:focus) { outline: none; }
:host(:focus-visible) { outline: 3px solid var(--kh-ui-focus); outline-offset: 3px; }
.frame { display: grid; grid-template-columns: 100%; background: var(--kh-ui-bg); color: var(--kh-ui-fg);
` +
// An outline, not a border: the frame is exactly as wide and tall as what the page reserved.
`outline: 1px solid var(--kh-ui-line); outline-offset: -1px; border-radius: inherit; overflow: hidden; }
.frame.kh-theme-dark { --kh-ui-bg: #15181c; --kh-ui-fg: #e8ebef; --kh-ui-muted: #a9b1bb; --kh-ui-line: #3a414a; --kh-ui-button: #22272e; --kh-ui-button-hover: #2d333b; --kh-ui-focus: #6cb6ff; --kh-ui-error: #ff9b8f; color-scheme: dark; }
.stage { position: relative; width: 100%; max-height: 85vh; }
.stage svg { display: block; width: 100%; height: 100%; }
.frame[data-state="ready"] .stage { cursor: default; }
.frame[data-clickable] .stage { cursor: pointer; }
.frame:not([data-state="ready"]) .stage,
.frame:not([data-state="ready"]) .caption,
.frame:not([data-state="ready"]) .controls { display: none; }
` +
// The still (its padding the caption's and controls' strip) sizes the element;
// the rest lies over it. The same rules as the README's, for pages without them.
`.hold, .body { grid-area: 1 / 1; min-width: 0; }
.body { display: flex; flex-direction: column; min-height: 0; }
::slotted(img) { display: block; box-sizing: content-box; width: 100%; height: auto; max-height: 85vh; object-fit: contain; padding-bottom: 8em; }
@container (width < 560px) { ::slotted(img) { min-height: min(100cqi, 85vh); padding-bottom: 13em; } }
.frame[data-state="error"] ::slotted(img) { padding-bottom: 0 !important; }
.frame[data-state="ready"] .fallback { visibility: hidden; }
.frame[data-state="ready"]:not([data-sized]) .fallback { display: none; }
.frame:not([data-sized]) .body, .frame[data-state="error"] .body { grid-row: 2; }
@media screen { .frame[data-sized] .stage { flex: 1 1 0; min-height: 0; aspect-ratio: auto !important; } }
` +
// Every caption stacked in one grid cell, unseen but one: the box is as tall
// as the longest, so the article below never jumps as the steps change.
`.caption { display: grid; padding: 0.6em 0.9em; border-top: 1px solid var(--kh-ui-line); font-size: 0.95em; line-height: 1.45; }
.caption > * { grid-area: 1 / 1; margin: 0; }
.caption .sizer { visibility: hidden; display: grid; }
.caption .sizer > p { grid-area: 1 / 1; margin: 0; }
.caption .fate { color: var(--kh-ui-error); }
.caption .fate.wait { color: inherit; }
.caption .fate[hidden] { display: none; }
.packet { display: inline-block; margin-right: 0.25em; padding: 0 0.45em; border-radius: 999px; font: 600 0.8em/1.6 ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace;
` +
// The marker's orange, with dark text: white on it would be under 4.5:1.
`background: #e66100; color: #1f1300; vertical-align: 0.1em; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em; padding: 0.45em 0.9em; border-top: 1px solid var(--kh-ui-line); font-size: 0.9em; }
.controls[hidden] { display: none; }
button { font: inherit; color: inherit; background: var(--kh-ui-button); border: 1px solid var(--kh-ui-line); border-radius: 6px; padding: 0.25em 0.75em; height: 2.25em; cursor: pointer; }
` +
// Room kept for the whole-scene switch, which comes and goes with the camera: no row wraps anew.
`button.overview[hidden] { display: inline-block; visibility: hidden; }
button:hover:not([aria-disabled]) { background: var(--kh-ui-button-hover); }
button[aria-disabled] { opacity: 0.45; cursor: default; }
button:focus-visible { outline: 3px solid var(--kh-ui-focus); outline-offset: 1px; }
button.play { min-width: 6.2em; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.counter { margin-left: 0.4em; color: var(--kh-ui-muted); font-variant-numeric: tabular-nums; }
.spacer { flex: 1; }
button.full { padding: 0.25em 0.55em; line-height: 0; }
.status { padding: 1em; color: var(--kh-ui-fg); font-size: 0.95em; }
.status:empty { display: none; }
.status .headline { margin: 0; font-weight: 600; }
.frame[data-state="error"] .status .headline { color: var(--kh-ui-error); }
.status ul { margin: 0.5em 0 0; padding-left: 1.2em; }
.status li { font: 0.85em/1.5 ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; overflow-wrap: anywhere; }
` +
// Full screen, or a host the page gave a height (fill): the diagram takes what
// the caption and controls leave, scaled to fit.
`:host([fill]) { margin: 0; height: 100%; }
:host([fill]) .frame, :host(:fullscreen) .frame { height: 100%; box-sizing: border-box; }
:host([fill]) .hold, :host(:fullscreen) .hold { display: none; }
:host([fill]) .body, :host(:fullscreen) .body { grid-row: 1; }
:host([fill]) .stage, :host(:fullscreen) .stage { flex: 1 1 auto; min-height: 0; max-height: none; aspect-ratio: auto !important; }
:host(:fullscreen) { border-radius: 0; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
` +
// On paper: the step on screen, its caption and where to find the diagram; no buttons, no split.
`.heading { display: none; padding: 0.5em 0.9em; font-weight: 600; color: inherit; }
@media print {
:host, .frame { break-inside: avoid; }
.frame[data-state="ready"] .hold, .controls, .caption .sizer { display: none !important; }
.frame[data-state="ready"] .heading { display: block; }
.heading::after { content: " · " attr(href); font-weight: 400; overflow-wrap: anywhere; }
}
`;

/**
 * One parsed sheet for every element on the page (adopted, not copied), or a
 * <style> per element where constructable stylesheets are missing. The sheet
 * is never modified after it is built, so sharing it shares no state.
 */
let shared: CSSStyleSheet | undefined;

export function applyStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!shared) {
      shared = new CSSStyleSheet();
      shared.replaceSync(CSS + STYLE);
    }
    root.adoptedStyleSheets = [shared];
    return;
  }
  const style = document.createElement('style');
  style.textContent = CSS + STYLE;
  (root as ShadowRoot).append(style);
}
