// Types of `kubehop/bundle` (lib/bundle.js). The source is src/bundle/index.ts;
// tests/unit/package-entry.test.ts fails when the two differ.

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
      /** Warnings, as `file:line:col: warning: message`. */
      warnings: string[];
    }
  | {
      ok: false;
      /** Every problem, as `file:line:col: message`, in reading order. */
      errors: string[];
    };

/** Bundles one scene from its YAML text. Never throws for a mistake in the scene: those come back as `errors`. */
export declare function bundle(yaml: string, options?: BundleOptions): Promise<BundleResult>;
