// The HTML a blogger pastes for one bundled scene. Scene text (title,
// summary) is untrusted, so it only ever goes into attribute values, escaped.

export interface SnippetScene {
  /** The published name: scenes/<name>.json. */
  name: string;
  title: string;
  summary: string;
  width: number;
  height: number;
}

/** Once per page: the element's script. */
export function scriptTag(base: string): string {
  return `<script type="module" src="${attr(base)}kubehop.js"></script>`;
}

/**
 * The element with its still inside: the still shows without JavaScript and
 * while the scene loads, and its width and height give the browser the
 * diagram's aspect ratio before anything is fetched, so the page can reserve
 * the space (with the CSS the README's "Embed a scene" section gives, which also leaves room for the caption and controls).
 */
export function sceneSnippet(s: SnippetScene, base: string): string {
  const url = `${base}scenes/${encodeURIComponent(s.name)}`;
  const alt = s.summary.trim() ? `${s.title.trim()}: ${s.summary.trim()}` : s.title.trim();
  const size = `width="${Math.round(s.width)}" height="${Math.round(s.height)}"`;
  return [
    `<kubehop-scene src="${attr(url)}.json" controls ${size}>`,
    `  <img src="${attr(url)}.svg" alt="${attr(alt.replace(/\s+/g, ' '))}" ${size}>`,
    `</kubehop-scene>`,
  ].join('\n');
}

function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
