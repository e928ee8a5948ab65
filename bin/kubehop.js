#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so there is no build step
// between editing src/ and running `npx kubehop`. The installed package does
// the same (it ships src/ and has tsx as a dependency): `kubehop export`
// builds its page scripts from those sources anyway, and tsx caches what it
// transpiles, so a precompiled CLI would start only a little sooner.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
