// A precompiled scene: everything a page needs to show it (model, derived
// steps, layout geometry) as plain JSON, so showing a bundled scene never
// runs elkjs (1.4 MB) in the browser. Built once per scene at build time
// (src/bundle/vite-plugin.ts), by `kubehop bundle`, and for the HTML export;
// also what the embed loads.
import { buildScene, type Built } from '../pipeline.ts';

/** Bumped when the shape changes, so a page can refuse a bundle it cannot read. */
export const BUNDLE_FORMAT = 2;

export type SceneBundle = Built & { format: typeof BUNDLE_FORMAT; file: string };

/**
 * A bundle is published, so it names its scene file by the base name only:
 * the path it was built from (`/home/me/blog/drafts/x.yaml`) is the author's
 * business, and every position in the model and every diagnostic carries it.
 * Whoever shows diagnostics to the author maps the name back (bundleFile).
 */
export async function bundleScene(text: string, file: string): Promise<SceneBundle> {
  const name = bundleFile(file);
  const built = await buildScene(text, name);
  return { format: BUNDLE_FORMAT, file: name, ...built };
}

/** The name a bundle gives the scene file `file`: its last path segment. */
export function bundleFile(file: string): string {
  return file.replace(/^.*[\\/]/, '') || file;
}
