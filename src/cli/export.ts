// `kubehop export`: reading the scene and reporting; the work is in src/export.
import { readFile } from 'node:fs/promises';
import { bundleScene } from '../bundle/bundle.ts';
import { formatDiagnostic } from '../scene/diagnostic.ts';
import { ExportError } from '../export/chromium.ts';
import { exportScene } from '../export/node.ts';
import { EXPORT_USAGE, parseExportArgs, resolveSteps } from './export-args.ts';
import type { Io } from './main.ts';

export async function exportCommand(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseExportArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) return io.out(EXPORT_USAGE), 0;
    io.err(`kubehop: ${parsed.error}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const a = parsed.args;
  let text: string;
  try {
    text = await readFile(a.file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`${a.file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code ?? 'error'})`);
    return 1;
  }
  const bundle = await bundleScene(text, a.file);
  // The bundle names the file by its base name only (nothing of this machine goes into an export); the author is told the path they gave.
  for (const d of bundle.diagnostics) io.err(formatDiagnostic({ ...d, file: a.file }));
  if (!bundle.ok) return 1;
  const steps = resolveSteps(a.step, bundle.steps.length);
  if (typeof steps === 'string') {
    io.err(`kubehop: ${steps}`);
    return 2;
  }
  try {
    const written = await exportScene(
      bundle,
      { format: a.format, steps, perStep: 'all' in a.step, theme: a.theme, width: a.width, scale: a.scale, out: a.out },
      progressLine(a.format),
    );
    for (const w of written) io.out(`wrote ${w.path} (${size(w.bytes)}; ${w.detail})`);
    return 0;
  } catch (e) {
    if (e instanceof ExportError) io.err(`kubehop: ${e.message}`);
    else io.err(`kubehop: export failed: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.KUBEHOP_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return 1;
  }
}

/** "frames 120/514" on one rewritten line, only where someone watches a terminal. */
function progressLine(format: string): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    process.stderr.write(`\r${format}: ${done}/${total} pictures${done === total ? '\r\x1b[K' : ''}`);
  };
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
