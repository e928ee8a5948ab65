// A bundle as it goes on the web (`kubehop bundle`, the embed build): the
// JSON a reader downloads, so only what drawing and playing the scene reads.
// Left out: where things were written in the YAML (`pos`, for the author's
// diagnostics), the steps and packets as written (the derived steps are
// what plays) and warnings (the author saw them when bundling). About 0.5 KB
// gzipped of a 6 KB scene. A bundle with errors keeps its diagnostics: the
// element shows them in place of the diagram.
import type { SceneBundle } from './bundle.ts';

const AUTHOR_ONLY_SCENE_KEYS = new Set(['steps', 'packets']);

/** The published JSON text of `bundle`; the same bundle always gives the same text. */
export function publishedJson(bundle: SceneBundle): string {
  if (!bundle.ok) return JSON.stringify(bundle);
  const { scene, ...rest } = bundle;
  const lean = Object.fromEntries(Object.entries(scene).filter(([k]) => !AUTHOR_ONLY_SCENE_KEYS.has(k)));
  return JSON.stringify({ ...rest, scene: lean, diagnostics: [] }, (key, value: unknown) => (key === 'pos' ? undefined : value));
}
