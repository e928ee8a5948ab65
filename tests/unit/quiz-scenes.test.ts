// Every bundled scene's generated questions: well-formed choices, and every
// answer is what the derived step says.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScene } from '../../src/pipeline.ts';
import { questionsByStep, quizPlan } from '../../src/quiz/generate.ts';
import { narration } from '../../src/derive/trace.ts';
import type { DerivedStep } from '../../src/derive/types.ts';
import type { Question } from '../../src/quiz/types.ts';

const files = readdirSync('scenes').filter((f) => f.endsWith('.yaml'));

function build(file: string) {
  const r = checkScene(readFileSync(`scenes/${file}`, 'utf8'), file);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return { ...r, questions: questionsByStep(r.scene, r.steps) };
}

/** What the question's answer must be, read from the step itself. */
function expected(q: Question, steps: DerivedStep[]): string {
  const step = steps[q.step]!;
  switch (q.kind) {
    case 'next':
      return step.at;
    case 'field': {
      const [layer, field] = q.id.split(':')[2]!.split('.');
      return String((step.headers[Number(layer)] as unknown as Record<string, unknown>)[field!]);
    }
    case 'row': {
      const table = q.id.split(':').slice(2).join(':');
      const lit = step.highlight.filter((h) => h.table === table);
      expect(lit).toHaveLength(1);
      return lit[0]!.row;
    }
    case 'tunnel': {
      const added = step.headers.find((h, n) => (h.layer === 'vxlan' || h.layer === 'ipip') && step.changed.some((c) => c.layer === n && c.field === undefined));
      return step.ops.includes('encap') && added ? added.layer : 'none';
    }
    case 'authored': {
      // The scene file's own answer, written on the step.
      const n = Number(q.id.split(':')[2]);
      return step.quiz![n]!.answer;
    }
  }
}

describe.each(files)('questions of %s', (file) => {
  const { scene, steps, questions } = build(file);
  const all = questions.flat();

  it('asks something about most of the scene', () => {
    expect(all.length).toBeGreaterThan(0);
    expect(questions).toHaveLength(steps.length);
    expect(questions[0]).toEqual([]);
  });

  it('offers 2–4 choices, each once, the answer exactly once', () => {
    for (const q of all) {
      expect(q.choices.length, q.id).toBeGreaterThanOrEqual(2);
      expect(q.choices.length, q.id).toBeLessThanOrEqual(4);
      expect(new Set(q.choices.map((c) => c.id)).size, q.id).toBe(q.choices.length);
      expect(new Set(q.choices.map((c) => c.label)).size, q.id).toBe(q.choices.length);
      expect(q.choices.filter((c) => c.id === q.answer), q.id).toHaveLength(1);
    }
  });

  it('answers each question with what the derived step says, and explains it with its narration', () => {
    for (const q of all) {
      expect(q.answer, `${scene.id} ${q.id}`).toBe(expected(q, steps));
      const n = q.kind === 'authored' ? Number(q.id.split(':')[2]) : -1;
      expect(q.explanation).toBe(steps[q.step]!.quiz?.[n]?.explanation ?? narration(steps[q.step]!));
    }
  });

  it('offers only devices of the scene where the packet could go, and asks only about moves from where it was seen', () => {
    for (const q of all.filter((q) => q.kind === 'next')) {
      const step = steps[q.step]!;
      expect(step.from).toBe(steps[q.step - 1]!.at);
      expect(step.at).not.toBe(step.from);
      for (const c of q.choices) {
        expect(scene.elements[c.id], c.id).toBeDefined();
        expect(scene.elements[c.id]!.kind).not.toBe('table');
        expect(c.id).not.toBe(step.from);
      }
    }
  });

  it('asks about a field only where the step changed it, and a row only where it was there to read', () => {
    for (const q of all.filter((q) => q.kind === 'field')) {
      const [layer, field] = q.id.split(':')[2]!.split('.');
      const change = steps[q.step]!.changed.find((c) => c.layer === Number(layer) && c.field === field);
      expect(change, q.id).toBeDefined();
      expect(String(change!.was)).not.toBe(q.answer);
    }
    for (const q of all.filter((q) => q.kind === 'row')) {
      const table = q.id.split(':').slice(2).join(':');
      const before = steps[q.step - 1]!.tables?.[table] ?? [];
      for (const c of q.choices) expect(before.find((r) => r.id === c.id)?.text, q.id).toBe(c.label);
    }
  });

  it('is the same every time it is generated', () => {
    expect(questionsByStep(scene, steps)).toEqual(questions);
  });

  it('plans one question per step that has any, the first preferred that is not a forced move', () => {
    const plan = quizPlan(questions);
    questions.forEach((qs, i) => expect(plan.get(i)).toBe(qs.find((q) => !q.forced)));
  });
});
