// Where exported files go. With --all-steps one file per step, numbered like
// the player's counter (1-based) and zero-padded so they sort in order in a
// file manager or a slide tool's import dialog:
//   -o slides/vxlan.svg   → slides/vxlan-01.svg … slides/vxlan-20.svg
//   -o slides/            → slides/<scene>-01.svg …
//   (no -o)               → <scene>-01.svg … in the current folder
import { join } from 'node:path';
import type { Format } from './options.ts';

export interface Target {
  out?: string;
  /** `out` names an existing folder (or ends with a slash). */
  isDir: boolean;
  sceneId: string;
  format: Format;
}

/** The one file for a single picture or an animation. */
export function singlePath(t: Target): string {
  const name = `${t.sceneId}.${t.format}`;
  if (!t.out) return name;
  return t.isDir || /[\\/]$/.test(t.out) ? join(t.out, name) : t.out;
}

/** One path per step index in `steps` (0-based), numbered 1-based. */
export function stepPaths(t: Target, steps: readonly number[], count: number): string[] {
  const digits = String(Math.max(1, count)).length;
  const num = (k: number): string => String(k + 1).padStart(digits, '0');
  let stem: string;
  let ext = `.${t.format}`;
  if (!t.out) stem = t.sceneId;
  else if (t.isDir || /[\\/]$/.test(t.out)) stem = join(t.out, t.sceneId);
  else {
    const m = /^(.*?)(\.[A-Za-z0-9]+)?$/.exec(t.out)!;
    stem = m[1] ?? t.out;
    ext = m[2] ?? ext;
  }
  return steps.map((k) => `${stem}-${num(k)}${ext}`);
}

/** The format an output path asks for by its extension, if any. */
export function formatOfPath(path: string): string | undefined {
  return /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
}
