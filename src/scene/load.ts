// parse → validate: scene text to a checked Scene, or every problem found.
import type { Scene } from './model.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostic.ts';
import { parseScene, posAt, type ParsedScene } from './parse.ts';
import { checkStructure } from './structure.ts';
import { resolveScene } from './resolve.ts';
import type { RawScene } from './schema.ts';
import { checkCounts, checkSize } from './limits.ts';
import { codeOf } from './messages.ts';

/** Guards against input that would make a browser tab hang rather than fail: see limits.ts. */
export { LIMITS } from './limits.ts';

export type LoadResult = { ok: true; scene: Scene; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export function loadScene(text: string, file: string): LoadResult {
  const big = checkSize(text, file);
  if (big) return { ok: false, diagnostics: [big] };
  const { parsed, diagnostics } = parseScene(text, file);
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  const over = checkCounts(parsed.value, (path) => posAt(parsed, path));
  if (over.length > 0) return { ok: false, diagnostics: sortDiagnostics([...diagnostics, ...over]) };
  const shape = checkStructure(parsed);
  if (shape.length > 0) return { ok: false, diagnostics: sortDiagnostics([...diagnostics, ...shape, ...bestEffort(parsed, shape)]) };
  const out: Diagnostic[] = [...diagnostics];
  const scene = resolveScene(parsed, parsed.value as RawScene, out);
  if (out.some((d) => d.severity === 'error')) return { ok: false, diagnostics: sortDiagnostics(out) };
  return { ok: true, scene, diagnostics: sortDiagnostics(out) };
}

/**
 * All of a file's problems at once: even when the shape is wrong somewhere,
 * check references everywhere else. The resolver assumes a well-shaped
 * document, so it may trip over the broken part; what it found until then
 * still helps, minus anything on a line that already has a shape error.
 */
function bestEffort(parsed: ParsedScene, shape: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  try {
    resolveScene(parsed, parsed.value as RawScene, out);
  } catch {
    // Expected on badly shaped input; the shape errors already explain it.
  }
  const lines = new Set(shape.map((d) => d.line));
  // A broken element or link (no name, say) makes every reference to it fail
  // too; those echoes would bury the one real mistake, so they wait for the next run.
  const [from, to] = [keyLine(parsed, 'elements'), keyLine(parsed, 'packets')];
  const treeBroken = shape.some((d) => d.line >= from && (to <= from || d.line < to));
  return out.filter((d) => !lines.has(d.line) && !(treeBroken && ECHOES.has(d.code)));
}

/** What a reference to a broken element or link reports. */
const ECHOES = new Set([codeOf('notAnElement'), codeOf('noLink')]);

/** The line of a top-level key (1 when the key is missing). */
function keyLine(parsed: ParsedScene, key: string): number {
  return posAt(parsed, [], key).line;
}
