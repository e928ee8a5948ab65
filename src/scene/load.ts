// parse → validate: scene text to a checked Scene, or every problem found.
import type { Scene } from './model.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostic.ts';
import { parseScene } from './parse.ts';
import { checkStructure } from './structure.ts';
import { resolveScene } from './resolve.ts';
import type { RawScene } from './schema.ts';

/** Guards against input that would make a browser tab hang rather than fail. */
export const LIMITS = { bytes: 512 * 1024 } as const;

export type LoadResult = { ok: true; scene: Scene; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export function loadScene(text: string, file: string): LoadResult {
  if (text.length > LIMITS.bytes) {
    return { ok: false, diagnostics: [{ file, line: 1, col: 1, severity: 'error', message: `scene file is ${text.length} bytes; the limit is ${LIMITS.bytes}` }] };
  }
  const { parsed, diagnostics } = parseScene(text, file);
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  const shape = checkStructure(parsed);
  if (shape.length > 0) return { ok: false, diagnostics: sortDiagnostics([...diagnostics, ...shape]) };
  const out: Diagnostic[] = [...diagnostics];
  const scene = resolveScene(parsed, parsed.value as RawScene, out);
  if (out.some((d) => d.severity === 'error')) return { ok: false, diagnostics: sortDiagnostics(out) };
  return { ok: true, scene, diagnostics: sortDiagnostics(out) };
}
