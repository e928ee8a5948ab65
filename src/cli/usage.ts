// What `kubehop --help` and `kubehop <command> --help` print. Export's own
// text lives with its option parser (export-args.ts), bundle's with its own.

/**
 * Where `schema --write` writes: the same as SCHEMA_FILE in
 * src/scene/json-schema.ts (a unit test holds them equal), named here so the
 * help text does not load zod and the whole scene schema to print one path.
 */
export const SCHEMA_PATH = 'static/kubehop-scene.schema.json';

export const EXIT_CODES = `exit codes:
  0  done (trace, export and bundle may have printed warnings)
  1  a scene has errors (validate: errors or warnings), a file could not be
     read or written, or an export failed
  2  the command line is wrong: unknown command or option, no file, a bad
     value, a step the scene does not have`;

export const USAGE = `usage: kubehop <command> [options]

commands:
  validate <scene.yaml>...     check scene files; prints every problem as file:line:col
                               and exits 1 if there is any
  trace <scene.yaml> [--json]  print the packet's headers after every step
                               (--json: the machine-readable trace)
  schema [--write]             print the scene JSON Schema (--write: to ${SCHEMA_PATH})
  export <scene.yaml> --format svg|png|gif|webm|html [-o <path>]
                               write the scene as a picture, animation or page
  bundle <scene.yaml>... -o <dir> [--runtime] [--notes]
                               precompile scenes for a web page (<kubehop-scene>)
  verify <scene.yaml>... [--json] [--keep]
                               replay scenes in Linux network namespaces (root) and
                               compare every step with the kernel's frames

  kubehop <command> --help shows a command's options.

options:
  -h, --help                   show this text
  --version                    print kubehop's version

${EXIT_CODES}`;

export const COMMAND_USAGE: Record<'validate' | 'trace' | 'schema', string> = {
  validate: `usage: kubehop validate <scene.yaml>... [--format text|json]

  Checks each scene file: YAML, the scene format, and every step (does the
  packet have a route, does each hop have a link…). Prints every problem as
  file:line:col: message on stderr, and "<file>: ok (n steps)" for a good file.
  With --format json, prints one JSON document on stdout instead:
  { "files": [ { file, ok, steps, error?, diagnostics: [ { file, line, col, severity, message } ] } ] }

options:
  --format text|json   how to print the results (default text)
  -h, --help           show this text

${EXIT_CODES}`,
  trace: `usage: kubehop trace <scene.yaml> [--json]

  Prints the packet's headers after every step, one tcpdump-like line per
  step (counted from 1, like the player).

options:
  --json        the machine-readable trace: { scene, steps: [ { index, packet,
                at, ops, caption, headers, tables, end?, wait? } ] }, index from 0
  -h, --help    show this text

${EXIT_CODES}`,
  schema: `usage: kubehop schema [--write]

  Prints the JSON Schema of scene files (editors use it to complete and check
  YAML: see the modeline at the top of every scene in scenes/).

options:
  --write       write it to ${SCHEMA_PATH} instead
  -h, --help    show this text

${EXIT_CODES}`,
};
