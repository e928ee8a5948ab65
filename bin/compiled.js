// Which CLI bin/kubehop.js runs: the compiled one (dist/cli/kubehop.js,
// written by `npm run build` or `npm run build:cli`) or the TypeScript
// sources through tsx.
//   - An installed package (a folder inside node_modules) runs the compiled
//     one: it is what was packed, and nobody edits src/ there. (npm gives
//     its files the time they were unpacked, so times say nothing there.)
//   - A checkout runs it only while no source compiled into it (the list in
//     dist/cli/inputs.json) is newer than it, or missing: after editing src/
//     the next command runs what was edited, never an old build. Something
//     that only touches files (a branch switch) falls back to the sources too,
//     slower but never wrong; `npm run build:cli` brings the compiled one back.
//   - KUBEHOP_CLI=source runs the sources whatever the build says.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** The compiled CLI's path when it may be run, else undefined. */
export function compiledCli(root, env = process.env) {
  if (env.KUBEHOP_CLI === 'source') return undefined;
  const entry = join(root, 'dist', 'cli', 'kubehop.js');
  try {
    const built = statSync(entry).mtimeMs;
    if (resolve(root).split(sep).includes('node_modules')) return entry;
    const inputs = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
    if (!Array.isArray(inputs) || inputs.length === 0) return undefined;
    for (const file of inputs) if (statSync(join(root, file)).mtimeMs > built) return undefined;
    return entry;
  } catch {
    return undefined;
  }
}
