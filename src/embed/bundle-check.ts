// A fetched bundle is untrusted input: it may be an old build, a different
// file served under the right name, or a truncated download. Check just
// enough of its shape that drawing it cannot throw halfway, and say in plain
// words what is wrong when it is not a bundle this runtime can read.
//
// Hand-written rather than a schema library: the checks are few, and zod
// would add ~24 KB to every page that embeds a scene.
import { formatDiagnostic, type Diagnostic } from '../scene/diagnostic.ts';
import type { Shown } from '../show.ts';

/**
 * The bundle format this runtime reads. Kept equal to BUNDLE_FORMAT in
 * src/bundle/bundle.ts by a unit test; imported from there, it would drag
 * the whole pipeline into the embed.
 */
export const READS_FORMAT = 2;

export type ShownScene = Pick<Shown, 'scene' | 'steps' | 'geometry'>;

export type BundleCheck = { ok: true; shown: ShownScene } | { ok: false; message: string; details: string[] };

/** How many diagnostics a message lists before "and N more". */
const MAX_DETAILS = 8;

export function checkBundle(data: unknown, name: string): BundleCheck {
  const fail = (why: string, details: string[] = []): BundleCheck => ({ ok: false, message: `${name} ${why}`, details });
  if (!isObject(data)) return fail('is not a kubehop scene bundle (expected a JSON object).');
  if (!('format' in data)) return fail('is not a kubehop scene bundle (it has no "format" field).');
  if (data.format !== READS_FORMAT) {
    return fail(
      `is a scene bundle of format ${JSON.stringify(data.format)}, but this kubehop.js reads format ${READS_FORMAT}. ` +
        'Rebuild the bundles and kubehop.js from the same version.',
    );
  }
  if (data.ok === false) return fail('holds a scene with errors:', diagnosticLines(data.diagnostics));
  const problem = shapeProblem(data);
  if (problem) return fail(`is damaged or not a scene bundle: ${problem}.`);
  return { ok: true, shown: { scene: data.scene, steps: data.steps, geometry: data.geometry } as ShownScene };
}

/** One line per diagnostic, `file:line:col: message`, capped so a broken file stays readable. */
export function diagnosticLines(list: unknown): string[] {
  const ds = Array.isArray(list) ? (list as unknown[]).filter(isDiagnostic) : [];
  const lines = ds.slice(0, MAX_DETAILS).map(formatDiagnostic);
  if (ds.length > MAX_DETAILS) lines.push(`… and ${ds.length - MAX_DETAILS} more`);
  return lines;
}

/** The first thing missing from a bundle's shape, or undefined when it is drawable. */
function shapeProblem(b: Record<string, unknown>): string | undefined {
  const scene = b.scene;
  if (!isObject(scene)) return '"scene" should be an object';
  for (const k of ['id', 'title', 'summary'] as const) if (typeof scene[k] !== 'string') return `"scene.${k}" should be text`;
  if (!isObject(scene.elements)) return '"scene.elements" should be an object';
  if (!Array.isArray(b.steps)) return '"steps" should be a list';
  for (const [i, s] of (b.steps as unknown[]).entries()) {
    if (!isObject(s)) return `"steps[${i}]" should be an object`;
    for (const k of ['packet', 'from', 'at', 'caption'] as const) if (typeof s[k] !== 'string') return `"steps[${i}].${k}" should be text`;
    if (!Array.isArray(s.highlight)) return `"steps[${i}].highlight" should be a list`;
  }
  const g = b.geometry;
  if (!isObject(g)) return '"geometry" should be an object';
  for (const k of ['width', 'height'] as const) {
    const v = g[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return `"geometry.${k}" should be a positive number`;
  }
  if (!Array.isArray(g.boxes)) return '"geometry.boxes" should be a list';
  if (!Array.isArray(g.edges)) return '"geometry.edges" should be a list';
  if (!isObject(g.anchors)) return '"geometry.anchors" should be an object';
  for (const [i, box] of (g.boxes as unknown[]).entries()) {
    if (!isObject(box) || typeof box.id !== 'string' || !Array.isArray(box.label)) return `"geometry.boxes[${i}]" is not a box`;
    for (const k of ['x', 'y', 'width', 'height'] as const) if (typeof box[k] !== 'number') return `"geometry.boxes[${i}].${k}" should be a number`;
  }
  for (const [i, e] of (g.edges as unknown[]).entries()) {
    if (!isObject(e) || !Array.isArray(e.points)) return `"geometry.edges[${i}]" is not an edge`;
  }
  // Optional (older bundles have none): the packet card's place at each step, or null.
  if (g.cards !== undefined) {
    if (!Array.isArray(g.cards)) return '"geometry.cards" should be a list';
    for (const [i, c] of (g.cards as unknown[]).entries()) {
      if (c !== null && !(isObject(c) && Number.isFinite(c.x) && Number.isFinite(c.y))) return `"geometry.cards[${i}]" should be a point or null`;
    }
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isDiagnostic(v: unknown): v is Diagnostic {
  return isObject(v) && typeof v.message === 'string' && typeof v.file === 'string';
}
