// `kubehop bundle`'s arguments, checked before anything is written.
import { basename, resolve } from 'node:path';
import { HELP, readOptions, type OptionSpec } from './options.ts';
import { EXIT_CODES } from './usage.ts';

export const BUNDLE_USAGE = `usage: kubehop bundle <scene.yaml>... -o <dir> [--runtime] [--notes] [--base <url>]

  Precompiles scenes for a web page, into a folder to copy to your site:
    <dir>/scenes/<name>.json   the scene with its steps and layout (what
                               <kubehop-scene src> loads: no layout in the page)
    <dir>/scenes/<name>.svg    a still of the scene, light or dark as the reader's
                               system is: shown without JavaScript and while loading
    <dir>/kubehop.js           with --runtime: the <kubehop-scene> element
    <dir>/index.html           with --runtime: the iframe page (<dir>/#<name>/<step>)
  <name> is the scene file's name without .yaml. Every URL inside is relative,
  the same scene always gives the same bytes, and no path of this machine is
  written. Prints, per scene, the HTML to paste into a post.

options:
  -o, --output <dir>   the folder to write (made if missing; files in it are replaced)
  --runtime            also copy the element's script (built by \`npm run build\`)
  --notes              keep the steps' speaker notes in the bundles (the element
                       never shows them; left out, the page downloads less)
  --base <url>         where the folder will be served, for the printed HTML
                       (default: /<dir's name>/)
  -h, --help           show this text

${EXIT_CODES}`;

export interface BundleArgs {
  files: string[];
  out: string;
  runtime: boolean;
  notes: boolean;
  base: string;
}

export type Parsed = { ok: true; args: BundleArgs } | { ok: false; help: true } | { ok: false; help?: false; error: string };

const OPTIONS: OptionSpec = {
  ...HELP,
  output: { type: 'string', short: 'o' },
  runtime: { type: 'boolean' },
  notes: { type: 'boolean' },
  base: { type: 'string' },
};

export function parseBundleArgs(argv: readonly string[]): Parsed {
  const read = readOptions(argv, 'bundle', OPTIONS);
  if ('error' in read) return fail(read.error);
  const { values, flags, files } = read;
  if (flags.has('help')) return { ok: false, help: true };
  if (files.length === 0) return fail('bundle needs at least one scene file');
  const out = values.get('output');
  if (!out) return fail('say where to write with -o <dir>');
  const bad = files.find((f) => !/\.ya?ml$/i.test(f));
  if (bad) return fail(`'${bad}' is not a scene file (.yaml or .yml)`);
  const names = new Map<string, string>();
  for (const f of files) {
    const name = sceneName(f);
    const other = names.get(name);
    if (other !== undefined) return fail(other === f ? `'${f}' is given twice` : `'${other}' and '${f}' would both be written as scenes/${name}.json`);
    names.set(name, f);
  }
  const base = values.get('base') ?? `/${folderName(out)}/`;
  return { ok: true, args: { files, out, runtime: flags.has('runtime'), notes: flags.has('notes'), base: base.endsWith('/') ? base : `${base}/` } };
}

/** The name a scene is published under: its file name without .yaml (as the app and the build name it). */
export function sceneName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
}

function folderName(dir: string): string {
  return basename(resolve(dir)) || 'kubehop';
}

function fail(error: string): Parsed {
  return { ok: false, error };
}
