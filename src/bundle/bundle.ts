// A precompiled scene: everything a page needs to show it (model, derived
// steps, layout geometry) as plain JSON, so showing a bundled scene never
// runs elkjs (1.4 MB) in the browser. Built once per scene at build time
// (src/bundle/vite-plugin.ts); also what the embed loads.
import { buildScene, type Built } from '../pipeline.ts';

/** Bumped when the shape changes, so a page can refuse a bundle it cannot read. */
export const BUNDLE_FORMAT = 1;

export type SceneBundle = Built & { format: typeof BUNDLE_FORMAT; file: string };

export async function bundleScene(text: string, file: string): Promise<SceneBundle> {
  const built = await buildScene(text, file);
  return { format: BUNDLE_FORMAT, file, ...built };
}
