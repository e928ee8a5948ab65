// `kubehop validate` and `kubehop trace`: parse → validate → derive, and the
// report. Loaded only for these two, so --version and --help stay quick.
import { readFile } from 'node:fs/promises';
import { checkScene } from '../pipeline.ts';
import { formatDiagnostic, type Diagnostic } from '../scene/diagnostic.ts';
import { traceJson, traceLines } from '../derive/trace.ts';
import type { Io } from './main.ts';

async function readScene(file: string, io: Io): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code ?? 'error'})`);
    return undefined;
  }
}

export async function validate(files: string[], io: Io): Promise<number> {
  let failed = false;
  for (const file of files) {
    const text = await readScene(file, io);
    if (text === undefined) {
      failed = true;
      continue;
    }
    const result = checkScene(text, file);
    for (const d of result.diagnostics) io.err(formatDiagnostic(d));
    if (result.diagnostics.length > 0) failed = true;
    else io.out(`${file}: ok (${result.ok ? result.steps.length : 0} steps)`);
  }
  return failed ? 1 : 0;
}

interface ValidateJsonFile {
  file: string;
  ok: boolean;
  steps?: number;
  error?: string;
  diagnostics: Diagnostic[];
}

/** One JSON document on stdout, for editors and CI annotations: each file's diagnostics, or why it could not be read. */
export async function validateJson(files: string[], io: Io): Promise<number> {
  const reasons: string[] = [];
  const quiet: Io = { out: io.out, err: (s) => reasons.push(s) };
  const out: ValidateJsonFile[] = [];
  for (const file of files) {
    const text = await readScene(file, quiet);
    if (text === undefined) {
      out.push({ file, ok: false, error: reasons.at(-1) ?? `${file}: cannot read the file`, diagnostics: [] });
      continue;
    }
    const result = checkScene(text, file);
    out.push({ file, ok: result.diagnostics.length === 0, steps: result.ok ? result.steps.length : 0, diagnostics: result.diagnostics });
  }
  io.out(JSON.stringify({ files: out }, null, 2));
  return out.every((f) => f.ok) ? 0 : 1;
}

export async function trace(file: string, json: boolean, io: Io): Promise<number> {
  const text = await readScene(file, io);
  if (text === undefined) return 1;
  const result = checkScene(text, file);
  for (const d of result.diagnostics) io.err(formatDiagnostic(d));
  if (!result.ok) return 1;
  if (json) io.out(JSON.stringify(traceJson(result.scene.id, result.steps), null, 2));
  else for (const line of traceLines(result.steps)) io.out(line);
  return 0;
}
