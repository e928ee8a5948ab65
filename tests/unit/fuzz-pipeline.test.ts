// No input crashes the pipeline: random text, mutated and edited scenes, and
// generated scenes go through parse → validate → derive → layout, and each
// ends as a scene or as diagnostics with positions, never by throwing, and
// in bounded time. A modest number of cases here, with a fixed seed (set
// FUZZ_SEED to vary it); `npx tsx bench/fuzz.ts` runs thousands.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editedScene, generatedScene, mutatedScene, randomText, runPipeline, violation, type Sample } from './fuzz-arbitraries.ts';
import { buildScene } from '../../src/pipeline.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20240611);
/** Generous: only a hang should take this long, even on a loaded machine. */
const BUDGET_MS = 15_000;

async function holds(arb: fc.Arbitrary<Sample>, numRuns: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = { ok: 0, diagnostics: 0 };
  await fc.assert(
    fc.asyncProperty(arb, async (sample) => {
      counts[await runPipeline(sample, BUDGET_MS)]!++;
    }),
    { numRuns, seed, endOnFailure: true },
  );
  return counts;
}

describe('the pipeline never crashes', () => {
  it('random text and YAML-ish text end as diagnostics', async () => {
    const counts = await holds(randomText.map((text) => ({ file: 'random.yaml', text })), 300);
    expect(counts.diagnostics).toBeGreaterThan(0);
  }, 60_000);

  it('real scenes with mistakes typed into them', async () => {
    const counts = await holds(mutatedScene, 60);
    expect(counts.diagnostics).toBeGreaterThan(0);
  }, 60_000);

  it('real scenes edited as YAML trees (values of other types, aliases, loops)', async () => {
    const counts = await holds(editedScene, 60);
    expect(counts.diagnostics).toBeGreaterThan(0);
  }, 60_000);

  it('generated scenes get through derive and layout', async () => {
    // Layout is the slow stage: few cases, but most of them are laid out.
    const counts = await holds(generatedScene, 8);
    expect(counts.ok).toBeGreaterThan(0);
  }, 120_000);
});

describe('crashes the fuzzing found, fixed', () => {
  const head = 'apiVersion: kubehop/v1\nkind: Scene\nid: c\ntitle: t\nsummary: s\n';
  // Each used to throw "Converting circular structure to JSON" from the schema's
  // messages (structure.ts quotes the bad value); now the loop is a diagnostic at the alias.
  const loops: Record<string, [string, number, number]> = {
    'an element whose kind is itself': [head + 'elements: [&e {kind: *e, name: n}]\n', 6, 22],
    "a device's type, a list that holds itself": [head + 'elements: [{kind: device, name: n, type: &t [*t]}]\n', 6, 46],
    'an apiVersion that holds itself': ['apiVersion: &a [*a]\n', 1, 17],
    "a link's kind": [head + 'elements: [{kind: node, name: n}]\nlinks: [{kind: &k [*k], between: [n, n]}]\n', 7, 20],
    'a document that is a key of itself': ['&m0\n? *m0\n: kubehop/v1\n', 2, 3],
  };
  for (const [name, [text, line, col]] of Object.entries(loops)) {
    it(name, async () => {
      const r = await buildScene(text, 'c.yaml');
      expect(r.ok).toBe(false);
      expect(r.diagnostics).toEqual([expect.objectContaining({ line, col, message: expect.stringMatching(/inside the value it stands for, a loop/) })]);
    });
  }
});

describe('the property itself', () => {
  it('catches a diagnostic without a usable position', () => {
    const sample = { file: 'x.yaml', text: 'a\nb\n' };
    const d = { file: 'x.yaml', line: 1, col: 1, severity: 'error' as const, code: 'KH1001', message: 'm' };
    expect(violation(sample, { ok: false, diagnostics: [d] })).toBeUndefined();
    expect(violation(sample, { ok: false, diagnostics: [{ ...d, line: 0 }] })).toMatch(/line/);
    expect(violation(sample, { ok: false, diagnostics: [{ ...d, line: 9 }] })).toMatch(/line/);
    expect(violation(sample, { ok: false, diagnostics: [{ ...d, col: 0 }] })).toMatch(/column/);
    expect(violation(sample, { ok: false, diagnostics: [{ ...d, message: ' ' }] })).toMatch(/message/);
    expect(violation(sample, { ok: false, diagnostics: [{ ...d, file: 'y.yaml' }] })).toMatch(/file/);
    expect(violation(sample, { ok: false, diagnostics: [{ ...d, code: 'KH0000' }] })).toMatch(/code/);
    expect(violation(sample, { ok: false, diagnostics: [{ ...d, severity: 'warning' }] })).toMatch(/code/);
    expect(violation(sample, { ok: false, diagnostics: [] })).toMatch(/without diagnostics/);
  });

  it('catches a throw and a hang', async () => {
    await expect(runPipeline({ file: 'x.yaml', text: 'a: 1' }, -1)).rejects.toThrow(/over the budget/);
  });
});
