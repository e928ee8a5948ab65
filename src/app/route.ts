// The app's pages, by URL hash: `#/` the gallery, `#/overview` the overview,
// `#/<scene>/<k>` a scene at step k (src/player/url.ts); `#/edit` the editor
// (with the saved draft), `#/edit/<scene>` the editor on a copy of a bundled
// scene, `#v1:<payload>` the editor on a shared text (src/app/editor/share.ts),
// `#/<scene>/predict` the scene in predict mode (a question before each hop),
// `#/compare/<a>/<b>` two scenes side by side, stepped by milestone.
import { parseHash } from '../player/url.ts';

export type Route =
  | { page: 'gallery' }
  | { page: 'overview' }
  | { page: 'edit'; source: EditSource }
  | { page: 'scene'; scene: string; step: number; predict?: true }
  | { page: 'compare'; a: string; b: string }
  | { page: 'missing'; hash: string };

/** Page names that are not scenes: a scene file may not take one of these ids. */
export const RESERVED = ['overview', 'edit', 'compare'] as const;

/** Where the editor's text comes from. */
export type EditSource = { from: 'draft' } | { from: 'scene'; scene: string } | { from: 'share'; payload: string };

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  if (text === '' || text === '/') return { page: 'gallery' };
  if (text === '/overview' || text === '/overview/') return { page: 'overview' };
  if (text.startsWith('v1:')) return { page: 'edit', source: { from: 'share', payload: text.slice(3) } };
  const edit = /^\/edit(?:\/([^/]*))?\/?$/.exec(text);
  if (edit) {
    const scene = edit[1] ? safeDecode(edit[1]) : '';
    return { page: 'edit', source: scene ? { from: 'scene', scene } : { from: 'draft' } };
  }
  const compare = /^\/compare\/([^/]+)\/([^/]+)\/?$/.exec(text);
  if (compare) return { page: 'compare', a: safeDecode(compare[1]!), b: safeDecode(compare[2]!) };
  const predict = /^\/([^/]+)\/predict\/?$/.exec(text);
  if (predict) return { page: 'scene', scene: safeDecode(predict[1]!), step: 0, predict: true };
  const t = parseHash(hash);
  return t ? { page: 'scene', scene: t.scene, step: t.step ?? 0 } : { page: 'missing', hash: text };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The hash of a scene's predict mode. */
export function predictHash(scene: string): string {
  return `#/${encodeURIComponent(scene)}/predict`;
}
