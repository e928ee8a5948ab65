// The pipeline's property, at length: `npx tsx bench/fuzz.ts [runs] [--seed N] [--only generated]`.
// Feeds random text, scenes mutated as text and edited as YAML trees, generated scenes and huge files
// through parse → validate → derive → layout and counts how each ends: a
// scene (ok), diagnostics, or a failure (a throw, a diagnostic without a
// position, a hang). Each failure is printed with its seed and case number,
// and its input is kept in bench/out/. Exits 1 if any case failed.
// (tests/unit/fuzz-pipeline.test.ts runs the same property, fewer times.)
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { editedScene, generatedScene, mutatedScene, randomText, runPipeline, HOSTILE, type Sample } from '../tests/unit/fuzz-arbitraries.ts';
import { LIMITS } from '../src/scene/limits.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args.splice(i, 2)[1];
};
const seed = Number(flag('--seed') ?? Date.now() % 2 ** 31);
const only = flag('--only');
const runs = Number(args[0] ?? 3000);

/** Files near the size limit: a snippet of scene or junk, repeated. */
const hugeText = fc
  .tuple(fc.oneof(randomText, mutatedScene.map((s) => s.text), fc.constantFrom(...HOSTILE)), fc.integer({ min: 50_000, max: LIMITS.bytes + 1000 }))
  .map(([snippet, size]): Sample => ({ file: 'huge.yaml', text: (snippet || '- ').repeat(Math.ceil(size / Math.max(1, snippet.length))).slice(0, size) }));

// Layout is the slow stage: generated scenes (nearly all laid out) get a fifth of the runs.
const families: { name: string; arb: fc.Arbitrary<Sample>; runs: number; budgetMs: number }[] = [
  { name: 'random text', arb: randomText.map((text) => ({ file: 'random.yaml', text })), runs, budgetMs: 20_000 },
  { name: 'mutated scenes', arb: mutatedScene, runs, budgetMs: 20_000 },
  { name: 'edited scenes', arb: editedScene, runs, budgetMs: 20_000 },
  { name: 'generated scenes', arb: generatedScene, runs: Math.ceil(runs / 5), budgetMs: 20_000 },
  { name: 'huge files', arb: hugeText, runs: Math.ceil(runs / 100), budgetMs: 60_000 },
];

console.log(`fuzz: seed ${seed}, ${families.filter((f) => !only || f.name.includes(only)).map((f) => `${f.runs} ${f.name}`).join(', ')}`);
let failures = 0;
const all = { ok: 0, diagnostics: 0, failed: 0, ms: 0 };
for (const [k, fam] of families.entries()) {
  if (only && !fam.name.includes(only)) continue;
  const samples = fc.sample(fam.arb, { seed: seed + k, numRuns: fam.runs });
  const counts = { ok: 0, diagnostics: 0, failed: 0 };
  let slowest = { ms: 0, index: -1 };
  const t0 = performance.now();
  for (const [i, sample] of samples.entries()) {
    const t = performance.now();
    try {
      counts[await runPipeline(sample, fam.budgetMs)]++;
    } catch (e) {
      counts.failed++;
      failures++;
      mkdirSync('bench/out', { recursive: true });
      const saved = `bench/out/fuzz-${fam.name.replace(/ /g, '-')}-${seed + k}-${i}.yaml`;
      writeFileSync(saved, sample.text);
      console.log(`\nFAILED ${fam.name} #${i} (seed ${seed + k}; rerun: npx tsx bench/fuzz.ts ${runs} --seed ${seed}): ${(e as Error).message.split('\n').slice(0, 6).join('\n  ')}`);
      console.log(`  input (${sample.file}, ${sample.text.length} chars, kept in ${saved}): ${JSON.stringify(sample.text.slice(0, 600))}${sample.text.length > 600 ? '…' : ''}`);
    }
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { ms, index: i };
  }
  const ms = performance.now() - t0;
  all.ok += counts.ok;
  all.diagnostics += counts.diagnostics;
  all.failed += counts.failed;
  all.ms += ms;
  const rate = (samples.length / (ms / 1000)).toFixed(1);
  console.log(`${fam.name.padEnd(17)} ${String(samples.length).padStart(5)} cases: ${String(counts.ok).padStart(5)} ok, ${String(counts.diagnostics).padStart(5)} diagnostics, ${counts.failed} failed   ${(ms / 1000).toFixed(1).padStart(6)} s, ${rate.padStart(6)} cases/s, slowest #${slowest.index} ${slowest.ms.toFixed(0)} ms`);
}
const total = all.ok + all.diagnostics + all.failed;
console.log(`${'all'.padEnd(17)} ${String(total).padStart(5)} cases: ${String(all.ok).padStart(5)} ok, ${String(all.diagnostics).padStart(5)} diagnostics, ${all.failed} failed   ${(all.ms / 1000).toFixed(1).padStart(6)} s, ${(total / (all.ms / 1000)).toFixed(1).padStart(6)} cases/s`);
process.exit(failures > 0 ? 1 : 0);
