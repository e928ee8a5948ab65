// The shape every command's arguments share: files, `--flag`s, and `--name value`
// or `--name=value` options (`-o` standing for `--output`). Each command then
// checks what the values mean.

export interface Options {
  files: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

export function readOptions(argv: readonly string[], command: string, valued: readonly string[], flagNames: readonly string[]): Options | { error: string } {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (flagNames.includes(name)) {
      if (eq > 0) return { error: `'${name}' takes no value` };
      flags.add(name);
      continue;
    }
    if (!valued.includes(name)) return { error: `unknown option '${name}' for '${command}'` };
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    // `-o -` writes to stdout: a lone dash is a value, another option is not.
    if (value === undefined || (eq < 0 && value.startsWith('-') && value !== '-')) return { error: `'${name}' needs a value` };
    const key = name === '-o' ? '--output' : name;
    if (values.has(key)) return { error: `'${name}' is given twice` };
    values.set(key, value);
  }
  return { files, flags, values };
}
