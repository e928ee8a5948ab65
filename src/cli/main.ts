// kubehop's command line: argument handling only; the work is in the stages.
// Each command's module is imported when that command runs: validate pays
// for parse → validate → derive only, and --version or --help for nothing.
import { readFile, writeFile } from 'node:fs/promises';
import { lineWriter } from './stdout.ts';
import { HELP, readOptions, type OptionSpec } from './options.ts';
import { COMMAND_USAGE, SCHEMA_PATH, USAGE } from './usage.ts';

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

const TOP: OptionSpec = { ...HELP, version: { type: 'boolean' } };
const OPTIONS = {
  validate: { ...HELP, format: { type: 'string' } },
  trace: { ...HELP, json: { type: 'boolean' } },
  schema: { ...HELP, write: { type: 'boolean' } },
} satisfies Record<keyof typeof COMMAND_USAGE, OptionSpec>;

/** Returns the exit code; never throws for a user's mistake. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return io.err(USAGE.trimEnd()), 2;
  if (cmd === 'help') return io.out(USAGE.trimEnd()), 0;
  if (cmd.startsWith('-')) return topLevel(argv, io);
  if (cmd === 'export') return (await import('./export.ts')).exportCommand(rest, io);
  if (cmd === 'bundle') return (await import('./bundle.ts')).bundleCommand(rest, io);
  if (cmd === 'verify') return (await import('./verify.ts')).verifyCommand(rest, io);
  if (!Object.hasOwn(OPTIONS, cmd)) return usageError(io, `unknown command '${cmd}'`);
  const name = cmd as keyof typeof OPTIONS;
  const usage = COMMAND_USAGE[name];
  const read = readOptions(rest, name, OPTIONS[name]);
  if ('error' in read) return usageError(io, read.error, usage);
  if (read.flags.has('help')) return io.out(usage), 0;
  const { files, flags, values } = read;

  switch (name) {
    case 'validate': {
      const format = values.get('format') ?? 'text';
      if (format !== 'text' && format !== 'json') return usageError(io, `--format must be text or json, not '${format}'`, usage);
      if (files.length === 0) return usageError(io, 'validate needs at least one scene file', usage);
      const check = await import('./check.ts');
      return format === 'json' ? check.validateJson(files, io) : check.validate(files, io);
    }
    case 'trace':
      if (files.length !== 1) return usageError(io, 'trace needs exactly one scene file', usage);
      return (await import('./check.ts')).trace(files[0]!, flags.has('json'), io);
    case 'schema':
      if (files.length > 0) return usageError(io, 'schema takes no files', usage);
      return schema(flags.has('write'), io);
  }
}

/** `kubehop --help`, `kubehop --version`: options before any command. */
async function topLevel(argv: string[], io: Io): Promise<number> {
  const read = readOptions(argv, 'kubehop', TOP);
  if ('error' in read) return usageError(io, read.error);
  if (read.files.length > 0) return usageError(io, `put the command first: kubehop ${read.files[0]} ${argv.filter((a) => a !== read.files[0]).join(' ')}`);
  if (read.flags.has('help')) return io.out(USAGE.trimEnd()), 0;
  return io.out(await version()), 0;
}

/** The version of the package this CLI belongs to (a checkout or an installed tarball: package.json is two folders up, compiled or not). */
async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function usageError(io: Io, message: string, usage = USAGE): number {
  io.err(`kubehop: ${message}\n\n${usage}`);
  return 2;
}

async function schema(write: boolean, io: Io): Promise<number> {
  const { sceneJsonSchema } = await import('../scene/json-schema.ts');
  if (!write) return io.out(sceneJsonSchema().trimEnd()), 0;
  try {
    await writeFile(SCHEMA_PATH, sceneJsonSchema());
  } catch (e) {
    io.err(`kubehop: cannot write ${SCHEMA_PATH} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return 1;
  }
  io.out(`wrote ${SCHEMA_PATH}`);
  return 0;
}
