// `kubehop/bundle`, the package's bundler for other tools (a site generator,
// a Markdown plugin, a build script): a scene's YAML text in, what a page
// needs to show it out — the same files `kubehop bundle` writes. Loaded in
// Node through lib/bundle.js; its published types are lib/bundle.d.ts
// (tests/unit/package-entry.test.ts keeps the two in step).
import { formatDiagnostic, type Diagnostic } from '../scene/diagnostic.ts';
import { bundleFile, bundleScene, type SceneBundle } from './bundle.ts';
import { publishedJson } from './publish.ts';
import { stillSvg } from './still-svg.ts';

export interface BundleOptions {
  /** The scene file's name, for diagnostics; only its last path segment goes into the bundle. Default `scene.yaml`. */
  file?: string;
  /** Keep each step's speaker notes in `json` (the element never shows them; a slide deck may). */
  notes?: boolean;
}

export type BundleResult =
  | {
      ok: true;
      /** The scene's id, title and one-line summary, as written. */
      id: string;
      title: string;
      summary: string;
      steps: number;
      /** The diagram's size in CSS pixels: the element's `width`/`height`, the still's aspect ratio. */
      width: number;
      height: number;
      /** The bundle as published (`scenes/<name>.json`): what `<kubehop-scene src>` loads. Same scene, same text. */
      json: string;
      /** The still (`scenes/<name>.svg`): one step as a self-contained SVG, light or dark with the reader's system. */
      svg: string;
      /** Warnings, as `file:line:col: warning KHnnnn: message`. */
      warnings: string[];
    }
  | {
      ok: false;
      /** Every problem, as `file:line:col: message`, in reading order. */
      errors: string[];
    };

/** Bundles one scene. Never throws for a mistake in the scene: those come back as `errors`. */
export async function bundle(yaml: string, options: BundleOptions = {}): Promise<BundleResult> {
  const file = options.file ?? 'scene.yaml';
  const built = await bundleScene(yaml, file);
  // The bundle knows the file by its base name; the caller is told the name it gave.
  const lines = (ds: readonly Diagnostic[]): string[] => ds.map((d) => formatDiagnostic(d.file === bundleFile(file) ? { ...d, file } : d));
  if (!built.ok) return { ok: false, errors: lines(built.diagnostics) };
  const { scene, geometry } = built;
  return {
    ok: true,
    id: scene.id,
    title: scene.title,
    summary: scene.summary,
    steps: built.steps.length,
    width: geometry.width,
    height: geometry.height,
    json: publishedJson(built, { notes: options.notes ?? false }),
    svg: stillSvg(built),
    warnings: lines(built.diagnostics),
  };
}
