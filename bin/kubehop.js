#!/usr/bin/env node
// The compiled CLI when it is up to date (bin/compiled.js says how that is
// decided), else the TypeScript sources through tsx: the published package
// runs the compiled one, a checkout the one that matches its src/.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compiledCli } from './compiled.js';

const compiled = compiledCli(fileURLToPath(new URL('..', import.meta.url)));
let cli;
if (compiled) cli = await import(pathToFileURL(compiled).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/main.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
