#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so there is no build step
// between editing src/ and running `npx kubehop`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
