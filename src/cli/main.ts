// kubehop's command line: argument handling only; the work is in the stages.
import { readFile, writeFile } from 'node:fs/promises';
import { checkScene } from '../pipeline.ts';
import { formatDiagnostic } from '../scene/diagnostic.ts';
import { traceJson, traceLines } from '../derive/trace.ts';
import { sceneJsonSchema, SCHEMA_FILE } from '../scene/json-schema.ts';
import { exportCommand } from './export.ts';

const USAGE = `usage: kubehop <command> [options]

commands:
  validate <scene.yaml>...     check scene files; prints every problem as file:line:col
                               and exits 1 if there is any
  trace <scene.yaml> [--json]  print the packet's headers after every step
                               (--json: the machine-readable trace)
  schema [--write]             print the scene JSON Schema (--write: to ${SCHEMA_FILE})
  export <scene.yaml> --format svg|png|gif|webm|html [-o <path>]
                               write the scene as a picture, animation or page
                               (kubehop export --help for its options)

options:
  -h, --help                   show this text
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

/** Returns the exit code; never throws for a user's mistake. */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [cmd, ...rest] = argv;
  // Its options take values, so it reads its own arguments.
  if (cmd === 'export') return exportCommand(rest, io);
  if (cmd === undefined || cmd === '-h' || cmd === '--help' || cmd === 'help') {
    (cmd === undefined ? io.err : io.out)(USAGE.trimEnd());
    return cmd === undefined ? 2 : 0;
  }
  const flags = rest.filter((a) => a.startsWith('-'));
  const files = rest.filter((a) => !a.startsWith('-'));
  const known: Record<string, string[]> = { validate: [], trace: ['--json'], schema: ['--write'] };
  if (!(cmd in known)) return usageError(io, `unknown command '${cmd}'`);
  const bad = flags.find((f) => !known[cmd]!.includes(f) && f !== '-h' && f !== '--help');
  if (bad) return usageError(io, `unknown option '${bad}' for '${cmd}'`);
  if (flags.includes('-h') || flags.includes('--help')) return io.out(USAGE.trimEnd()), 0;

  switch (cmd) {
    case 'validate':
      if (files.length === 0) return usageError(io, 'validate needs at least one scene file');
      return validate(files, io);
    case 'trace':
      if (files.length !== 1) return usageError(io, 'trace needs exactly one scene file');
      return trace(files[0]!, flags.includes('--json'), io);
    default:
      if (files.length > 0) return usageError(io, 'schema takes no files');
      if (flags.includes('--write')) {
        await writeFile(SCHEMA_FILE, sceneJsonSchema());
        io.out(`wrote ${SCHEMA_FILE}`);
      } else io.out(sceneJsonSchema().trimEnd());
      return 0;
  }
}

function usageError(io: Io, message: string): number {
  io.err(`kubehop: ${message}\n\n${USAGE.trimEnd()}`);
  return 2;
}

async function read(file: string, io: Io): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code ?? 'error'})`);
    return undefined;
  }
}

async function validate(files: string[], io: Io): Promise<number> {
  let failed = false;
  for (const file of files) {
    const text = await read(file, io);
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

async function trace(file: string, json: boolean, io: Io): Promise<number> {
  const text = await read(file, io);
  if (text === undefined) return 1;
  const result = checkScene(text, file);
  for (const d of result.diagnostics) io.err(formatDiagnostic(d));
  if (!result.ok) return 1;
  if (json) io.out(JSON.stringify(traceJson(result.scene.id, result.steps), null, 2));
  else for (const line of traceLines(result.steps)) io.out(line);
  return 0;
}
