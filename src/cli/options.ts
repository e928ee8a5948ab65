// Every command's arguments go through node:util's parseArgs: files, flags,
// and `--name value` or `--name=value` options (short aliases such as `-o`
// for `--output`), `--` before a file that starts with a dash. parseArgs is
// run lenient, and its tokens are checked here, so that each mistake is told
// in the CLI's own words (exit 2 with the usage) rather than as a Node error
// code. Each command then checks what the values mean.
import { parseArgs } from 'node:util';

/** What a command accepts: each option's long name, whether it takes a value, and its one-letter alias. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface Options {
  files: string[];
  /** The boolean options given, by long name. */
  flags: Set<string>;
  /** The values given, by long name (`-o x` is `output`). */
  values: Map<string, string>;
}

/** -h and --help, which every command has. */
export const HELP: OptionSpec = { help: { type: 'boolean', short: 'h' } };

export function readOptions(argv: readonly string[], command: string, spec: OptionSpec): Options | { error: string } {
  const { tokens } = parseArgs({ args: [...argv], options: spec, strict: false, allowPositionals: true, tokens: true });
  const files: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const given = new Set<string>();
  for (const t of tokens) {
    if (t.kind === 'positional') files.push(t.value);
    if (t.kind !== 'option') continue;
    const known = Object.hasOwn(spec, t.name) ? spec[t.name] : undefined;
    if (!known) {
      const arg = argv[t.index] ?? '';
      const file = /\.ya?ml$/i.test(arg) ? ` (for a file named '${arg}', put -- before it)` : '';
      return { error: `unknown option '${t.rawName}' for '${command}'${file}` };
    }
    if (known.type === 'boolean') {
      if (t.value !== undefined) return { error: `'${t.rawName}' takes no value` };
      flags.add(t.name);
      continue;
    }
    // A lone dash is a value (by convention standard input or output); another option (`--format --json`) is not.
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-') && t.value !== '-')) return { error: `'${t.rawName}' needs a value` };
    if (given.has(t.name)) return { error: `'${t.rawName}' is given twice` };
    given.add(t.name);
    values.set(t.name, t.value);
  }
  return { files, flags, values };
}
