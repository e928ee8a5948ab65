// Refreshes static/verified.json: verifies every bundled scene on this
// machine's kernel and records, per scene, k of n steps and why the rest are
// not verified. Run as root on Linux:
//   sudo npm run verify:record
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { checkScene } from '../pipeline.ts';
import { hostProblems, thisHost } from './host.ts';
import { verifyScene } from './verify.ts';
import { RECORD_COMMAND, sceneRecord, type VerifiedFile } from './record-file.ts';

export const VERIFIED_FILE = 'static/verified.json';

async function main(): Promise<number> {
  const problems = hostProblems(thisHost());
  if (problems.length > 0) {
    for (const p of problems) console.error(`verify:record: ${p}`);
    return 2;
  }
  const date = new Date().toISOString().slice(0, 10);
  const out: VerifiedFile = { command: RECORD_COMMAND, scenes: {} };
  for (const f of readdirSync('scenes').filter((f) => f.endsWith('.yaml')).sort()) {
    const file = `scenes/${f}`;
    const text = readFileSync(file, 'utf8');
    const checked = checkScene(text, file);
    if (!checked.ok) {
      console.error(`${file}: has errors; not recorded`);
      continue;
    }
    const v = await verifyScene(checked.scene, checked.steps);
    const r = sceneRecord(file, text, release(), date, v.result.steps);
    out.scenes[f.replace(/\.yaml$/, '')] = r;
    console.log(`${file}: ${r.ok} of ${r.total} steps ✓${r.differs.length ? `, ✗ at steps ${r.differs.flatMap((g) => g.steps).join(', ')}` : ''}`);
  }
  writeFileSync(VERIFIED_FILE, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${VERIFIED_FILE}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
