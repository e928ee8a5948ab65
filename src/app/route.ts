// The app's pages, by URL hash: `#/` the gallery, `#/overview` the overview,
// `#/<scene>/<k>` a scene at step k (src/player/url.ts).
import { parseHash } from '../player/url.ts';

export type Route =
  | { page: 'gallery' }
  | { page: 'overview' }
  | { page: 'scene'; scene: string; step: number }
  | { page: 'missing'; hash: string };

/** Page names that are not scenes: a scene file may not take one of these ids. */
export const RESERVED = ['overview'] as const;

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  if (text === '' || text === '/') return { page: 'gallery' };
  if (text === '/overview' || text === '/overview/') return { page: 'overview' };
  const t = parseHash(hash);
  return t ? { page: 'scene', scene: t.scene, step: t.step ?? 0 } : { page: 'missing', hash: text };
}
