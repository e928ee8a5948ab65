import { describe, expect, it } from 'vitest';
import { Text } from '@codemirror/state';
import { offsetOf, toMarks } from '../../src/app/editor/lint.ts';
import { checkScene } from '../../src/pipeline.ts';
import { TEMPLATES } from '../../src/app/editor/templates.ts';
import { loadDraft, saveDraft, DRAFT_KEY } from '../../src/app/editor/draft.ts';
import { latest } from '../../src/app/editor/debounce.ts';

describe('diagnostics as lint marks', () => {
  const doc = Text.of(['apiVersion: kubehop/v1', 'kind: Scene', 'id: x']);
  it('maps 1-based line and column to a document offset, clamped', () => {
    expect(offsetOf(doc, 1, 1)).toBe(0);
    expect(offsetOf(doc, 2, 7)).toBe(23 + 6);
    expect(offsetOf(doc, 2, 99)).toBe(23 + 11);
    expect(offsetOf(doc, 99, 1)).toBe(doc.line(3).from);
    expect(offsetOf(doc, 0, 0)).toBe(0);
  });
  it('covers the word the diagnostic points at', () => {
    const [m] = toMarks(doc, [{ file: 'x.yaml', line: 2, col: 7, severity: 'error', code: 'KH2011', message: 'bad kind' }]);
    expect(m).toMatchObject({ from: 29, to: 34, severity: 'error', message: 'bad kind', source: 'kubehop KH2011' });
    expect(doc.sliceString(m!.from, m!.to)).toBe('Scene');
  });
  it('marks a real pipeline diagnostic at the offending value', () => {
    const text = TEMPLATES[0]!.text.replace('to: node1/veth-a', 'to: node1/nowhere');
    const r = checkScene(text, 'one-node.yaml');
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.severity === 'error')!;
    const t = Text.of(text.split('\n'));
    const [m] = toMarks(t, [d]);
    expect(t.sliceString(m!.from, m!.to)).toBe('node1/nowhere');
  });
});

describe('draft storage', () => {
  const mem = (): Storage => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) } as Storage;
  };
  it('saves and loads', () => {
    const s = mem();
    expect(loadDraft(DRAFT_KEY, s)).toBeUndefined();
    saveDraft('a', DRAFT_KEY, s);
    saveDraft('b', DRAFT_KEY, s);
    expect(loadDraft(DRAFT_KEY, s)).toBe('b');
  });
  it('tolerates missing or refusing storage', () => {
    const refuses = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } } as unknown as Storage;
    expect(loadDraft(DRAFT_KEY, refuses)).toBeUndefined();
    expect(saveDraft('x', DRAFT_KEY, refuses)).toBe(false);
    expect(saveDraft('x', DRAFT_KEY, undefined)).toBe(false);
  });
});

describe('debounced rebuild', () => {
  it('runs once after the pause and drops results overtaken by a newer edit', async () => {
    const applied: string[] = [];
    const delays: Record<string, number> = { a: 50, ab: 0, abc: 30 };
    const l = latest(
      (t) => new Promise<string>((res) => setTimeout(() => res(t), delays[t] ?? 0)),
      (r) => applied.push(r),
      10,
    );
    l.push('a');
    await new Promise((r) => setTimeout(r, 20)); // 'a' starts (slow)
    l.push('ab');
    l.push('abc');
    await new Promise((r) => setTimeout(r, 120));
    expect(applied).toEqual(['abc']);
  });
});
