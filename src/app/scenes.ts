// The bundled scenes. Each is built (parse → validate → derive → layout) the
// first time it is opened, then kept.

import { buildScene, type BuildResult } from './stages.ts';

export interface SceneEntry {
  /** The file's stem, which is also the scene's id and its URL name by convention. */
  id: string;
  file: string;
  /** For the picker before the scene is built; the built scene's own title wins on its page. */
  title: string;
  text: string;
}

const raw = import.meta.glob<string>('/scenes/*.yaml', { query: '?raw', import: 'default', eager: true });

export const SCENES: SceneEntry[] = Object.entries(raw)
  .map(([path, text]) => {
    const file = path.replace(/^\//, '');
    const id = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
    return { id, file, text, title: pickerTitle(text) ?? id };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

/**
 * A quick look at the top-level `title:` line, only to label the picker without
 * building every scene up front (layout is the slow stage). Not a YAML parser.
 */
function pickerTitle(text: string): string | undefined {
  const m = /^title:[ \t]*(.+?)[ \t]*$/m.exec(text);
  return m?.[1]?.replace(/^(['"])(.*)\1$/, '$2');
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
