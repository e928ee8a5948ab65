#!/usr/bin/env node
// The compiled CLI when it is up to date (bin/compiled.js says how that is
// decided), else the TypeScript sources through tsx: the published package
// runs the compiled one, a checkout the one that matches its src/.
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compiledCli } from './compiled.js';

// validate, trace and schema are over in a few hundred milliseconds, before
// V8's optimising compiler would pay back the CPU it takes: without it,
// validate of one scene (and of all fourteen) took about a third less wall
// time on a busy two-core machine. Set before any of the CLI is loaded;
// export and bundle (layout, rendering) keep it.
if (['validate', 'trace', 'schema'].includes(process.argv[2] ?? '')) setFlagsFromString('--no-opt');

const compiled = compiledCli(fileURLToPath(new URL('..', import.meta.url)));
let cli;
if (compiled) cli = await import(pathToFileURL(compiled).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/main.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
