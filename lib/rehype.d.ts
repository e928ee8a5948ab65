// Types of `kubehop/rehype` (lib/rehype.js). The source is src/bundle/rehype.ts;
// tests/unit/rehype.test.ts fails to type-check when the two differ.

export interface RehypeKubehopOptions {
  /** The folder bundles and stills are written to, as `scenes/<id>.json` and `scenes/<id>.svg` (the layout `kubehop bundle -o` gives). */
  outDir: string;
  /** The URL `outDir` is served at, such as `/kubehop/`. */
  base: string;
  /** Add the element's script tag after a page's first scene. Default true; false when the site's layout loads it. */
  script?: boolean;
  /** Copy the element's script (`kubehop.js`) into `outDir`, as `kubehop bundle --runtime` does. Default false. */
  runtime?: boolean;
  /** Keep each step's speaker notes in the bundle (as `kubehop bundle --notes`). */
  notes?: boolean;
}

/** Where a node came from in the Markdown file (unist positions, 1-based). */
interface Point {
  line: number;
  column: number;
}
/** The parts of a hast tree the plugin reads and writes. */
export interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
  position?: { start: Point; end: Point };
}
/** The parts of a vfile the plugin uses: its path, for messages, and its warning list. */
export interface HastFile {
  path?: string;
  message?: (reason: string, place?: Point) => unknown;
}

/**
 * A rehype plugin: every ```kubehop fence (after remark-rehype) becomes a
 * `<kubehop-scene>` with its still inside, its bundle and still written to
 * `outDir/scenes/`. A scene with an error rejects with `file:line:col` lines.
 */
export default function rehypeKubehop(options: RehypeKubehopOptions): (tree: HastNode, file: HastFile) => Promise<void>;
