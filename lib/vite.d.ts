// Types of `kubehop/vite` (lib/vite.js). The source is src/bundle/vite.ts;
// tests/unit/vite-kubehop.test.ts fails to type-check when the two differ.
import type { Plugin } from 'vite';

export interface KubehopViteOptions {
  /** The folder, under the site's base URL, the bundles and stills go to. Default `kubehop/scenes`. */
  dir?: string;
  /** Keep each step's speaker notes in the bundle (as `kubehop bundle --notes`). */
  notes?: boolean;
}

/** What `import scene from './x.yaml?kubehop'` gives. */
export interface KubehopSceneModule {
  id: string;
  title: string;
  summary: string;
  steps: number;
  /** The diagram's size in CSS pixels: the element's and the still's `width` and `height`. */
  width: number;
  height: number;
  /** The bundle's URL: the element's `src`. */
  src: string;
  /** The still's URL: the `<img>` inside the element. */
  still: string;
  /** The still's alt text: the title and summary. */
  alt: string;
}

/** A Vite plugin: `import scene from './x.yaml?kubehop'` gives a KubehopSceneModule, its bundle and still emitted as files. */
export default function kubehop(options?: KubehopViteOptions): Plugin;
