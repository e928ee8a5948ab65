// The bundled scenes. Each is built (parse → validate → derive → layout) the
// first time it is opened, then kept.

import { buildScene, type BuildResult } from './stages.ts';
import { groupByTopic, type SceneGroup } from './topics.ts';

export interface SceneEntry {
  /** The file's stem, which is also the scene's id and its URL name by convention. */
  id: string;
  file: string;
  /** For the picker before the scene is built; the built scene's own title wins on its page. */
  title: string;
  /** The picker's group (`topic:` in the file); undefined when the file has none. */
  topic?: string;
  /** Place within the topic (`order:` in the file); undefined when absent or not a whole number. */
  order?: number;
  text: string;
}

const raw = import.meta.glob<string>('/scenes/*.yaml', { query: '?raw', import: 'default', eager: true });

const entries: SceneEntry[] = Object.entries(raw)
  .map(([path, text]) => {
    const file = path.replace(/^\//, '');
    const id = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
    return { id, file, text, title: topLevel(text, 'title') ?? id, topic: topLevel(text, 'topic'), order: wholeNumber(topLevel(text, 'order')) };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

/** The picker's groups, in learning order; within each, by `order:` then id. */
export const SCENE_GROUPS: SceneGroup<SceneEntry>[] = groupByTopic(entries);

/** Every scene in picker order, so "the first scene" (the page without a hash) is the first one offered. */
export const SCENES: SceneEntry[] = SCENE_GROUPS.flatMap((g) => g.scenes);

/**
 * A quick look at a top-level `key:` line, only to label the picker without
 * building every scene up front (layout is the slow stage). Not a YAML parser.
 */
function topLevel(text: string, key: string): string | undefined {
  const m = new RegExp(`^${key}:[ \\t]*(.+?)[ \\t]*$`, 'm').exec(text);
  return m?.[1]?.replace(/^(['"])(.*)\1$/, '$2');
}

function wholeNumber(v: string | undefined): number | undefined {
  const m = v === undefined ? null : /^(\d+)(?:\s+#.*)?$/.exec(v);
  return m ? Number(m[1]) : undefined;
}

const cache = new Map<string, Promise<BuildResult>>();

export function loadScene(id: string): Promise<BuildResult> | undefined {
  const entry = SCENES.find((s) => s.id === id);
  if (!entry) return undefined;
  let p = cache.get(id);
  if (!p) {
    p = buildScene(entry.text, entry.file);
    cache.set(id, p);
  }
  return p;
}
