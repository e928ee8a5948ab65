// kubehop's command line: argument handling only; the work is in the stages.
import { readFile, writeFile } from 'node:fs/promises';
import { checkScene } from '../pipeline.ts';
import { formatDiagnostic, type Diagnostic } from '../scene/diagnostic.ts';
import { traceJson, traceLines } from '../derive/trace.ts';
import { sceneJsonSchema, SCHEMA_FILE } from '../scene/json-schema.ts';
import { bundleCommand } from './bundle.ts';
import { exportCommand } from './export.ts';
import { lineWriter } from './stdout.ts';
import { readOptions } from './options.ts';
import { COMMAND_USAGE, USAGE } from './usage.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

let stdio: Io | undefined;
/** The process's own output; `kubehop trace … | head -1` (or `2>&1 | head`) ends quietly, with the command's own exit code. */
function processIo(): Io {
  stdio ??= { out: lineWriter(process.stdout), err: lineWriter(process.stderr) };
  return stdio;
}

/** Returns the exit code; never throws for a user's mistake. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [cmd, ...rest] = argv;
  // Their options take values, so they read their own arguments.
  if (cmd === 'export') return exportCommand(rest, io);
  if (cmd === 'bundle') return bundleCommand(rest, io);
  if (cmd === '--version') return io.out(await version()), 0;
  if (cmd === undefined || cmd === '-h' || cmd === '--help' || cmd === 'help') {
    (cmd === undefined ? io.err : io.out)(USAGE.trimEnd());
    return cmd === undefined ? 2 : 0;
  }
  const known: Record<string, string[]> = { validate: [], trace: ['--json'], schema: ['--write'] };
  if (!(cmd in known)) return usageError(io, `unknown command '${cmd}'`);
  if (cmd === 'validate') return validateCommand(rest, io);
  const flags = rest.filter((a) => a.startsWith('-'));
  const files = rest.filter((a) => !a.startsWith('-'));
  const usage = COMMAND_USAGE[cmd as keyof typeof COMMAND_USAGE];
  const bad = flags.find((f) => !known[cmd]!.includes(f) && f !== '-h' && f !== '--help');
  if (bad) return usageError(io, `unknown option '${bad}' for '${cmd}'`, usage);
  if (flags.includes('-h') || flags.includes('--help')) return io.out(usage), 0;

  switch (cmd) {
    case 'trace':
      if (files.length !== 1) return usageError(io, 'trace needs exactly one scene file', usage);
      return trace(files[0]!, flags.includes('--json'), io);
    default:
      if (files.length > 0) return usageError(io, 'schema takes no files', usage);
      if (!flags.includes('--write')) return io.out(sceneJsonSchema().trimEnd()), 0;
      try {
        await writeFile(SCHEMA_FILE, sceneJsonSchema());
      } catch (e) {
        io.err(`kubehop: cannot write ${SCHEMA_FILE} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        return 1;
      }
      io.out(`wrote ${SCHEMA_FILE}`);
      return 0;
  }
}

/** The version of the package this CLI belongs to (a checkout or an installed tarball: package.json is two folders up). */
async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function usageError(io: Io, message: string, usage = USAGE): number {
  io.err(`kubehop: ${message}\n\n${usage}`);
  return 2;
}

async function readScene(file: string, io: Io): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code ?? 'error'})`);
    return undefined;
  }
}

async function validateCommand(argv: string[], io: Io): Promise<number> {
  const usage = COMMAND_USAGE.validate;
  const read = readOptions(argv, 'validate', ['--format'], ['-h', '--help']);
  if ('error' in read) return usageError(io, read.error, usage);
  if (read.flags.size > 0) return io.out(usage), 0;
  const format = read.values.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') return usageError(io, `--format must be text or json, not '${format}'`, usage);
  if (read.files.length === 0) return usageError(io, 'validate needs at least one scene file', usage);
  return format === 'json' ? validateJson(read.files, io) : validate(read.files, io);
}

async function validate(files: string[], io: Io): Promise<number> {
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

/** One JSON document on stdout, for editors and CI annotations: each file's diagnostics, or why it could not be read. */
async function validateJson(files: string[], io: Io): Promise<number> {
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

interface ValidateJsonFile {
  file: string;
  ok: boolean;
  steps?: number;
  error?: string;
  diagnostics: Diagnostic[];
}

async function trace(file: string, json: boolean, io: Io): Promise<number> {
  const text = await readScene(file, io);
  if (text === undefined) return 1;
  const result = checkScene(text, file);
  for (const d of result.diagnostics) io.err(formatDiagnostic(d));
  if (!result.ok) return 1;
  if (json) io.out(JSON.stringify(traceJson(result.scene.id, result.steps), null, 2));
  else for (const line of traceLines(result.steps)) io.out(line);
  return 0;
}
