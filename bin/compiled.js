// Which CLI bin/kubehop.js runs: the compiled one (dist/cli/kubehop.js,
// written by `npm run build` or `npm run build:cli`) when it is there and no
// source compiled into it is newer; otherwise the TypeScript sources, through
// tsx. So after editing src/ the next command runs what was edited, never an
// old build (the build lists what it compiled in dist/cli/inputs.json).
// A file in that list that is missing counts as newer. In an installed
// package npm gives every file the same time, so the build is up to date.
// KUBEHOP_CLI=source runs the sources whatever the build says.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The compiled CLI's path when it may be run, else undefined. */
export function compiledCli(root, env = process.env) {
  if (env.KUBEHOP_CLI === 'source') return undefined;
  const entry = join(root, 'dist', 'cli', 'kubehop.js');
  try {
    const built = statSync(entry).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
    if (!Array.isArray(inputs) || inputs.length === 0) return undefined;
    for (const file of inputs) if (statSync(join(root, file)).mtimeMs > built) return undefined;
    return entry;
  } catch {
    return undefined;
  }
}
