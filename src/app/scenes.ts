// The bundled scenes. Their gallery cards are part of the app; each scene's
// bundle (model, steps and layout, precompiled at build time by
// src/bundle/vite-plugin.ts) is fetched the first time it is opened.

import type { SceneBundle } from '../bundle/bundle.ts';
import type { SceneMeta } from '../bundle/meta.ts';
import { groupByTopic, type SceneGroup } from './topics.ts';

export type SceneEntry = SceneMeta;

const metas = import.meta.glob<SceneMeta>('/scenes/*.yaml', { query: '?meta', import: 'default', eager: true });
const bundles = import.meta.glob<SceneBundle>('/scenes/*.yaml', { query: '?bundle', import: 'default' });

const entries: SceneEntry[] = Object.values(metas).sort((a, b) => a.id.localeCompare(b.id));

/** The gallery's groups, in learning order; within each, by `order:` then id. */
export const SCENE_GROUPS: SceneGroup<SceneEntry>[] = groupByTopic(entries);

/** Every scene in gallery order. */
export const SCENES: SceneEntry[] = SCENE_GROUPS.flatMap((g) => g.scenes);

const cache = new Map<string, Promise<SceneBundle>>();

export function fetchBundle(id: string): Promise<SceneBundle> | undefined {
  const entry = SCENES.find((s) => s.id === id);
  const load = entry && bundles[`/${entry.file}`];
  if (!load) return undefined;
  let p = cache.get(id);
  if (!p) {
    p = load();
    cache.set(id, p);
  }
  return p;
}

/** The first sentence of a summary: the card's one line. */
export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(?=\s|$)/s.exec(text.trim());
  return (m?.[1] ?? text).replace(/\s+/g, ' ').trim();
}
