import { describe, expect, it } from 'vitest';
import { PREVIOUS_KEY, saveDraft } from '../../src/app/editor/draft.ts';
import { RECENT_KEY, RECENT_MAX, forget, lineCount, loadRecent, remember, saveRecent, titleOf } from '../../src/app/editor/recent.ts';
import { TEMPLATES } from '../../src/app/editor/templates.ts';

const mem = (): Storage => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) } as Storage;
};

describe('recent drafts', () => {
  it('puts the newest first, once, and keeps at most RECENT_MAX', () => {
    expect(remember(['b', 'a'], 'a')).toEqual(['a', 'b']);
    expect(remember(['a'], '  \n')).toEqual(['a']);
    const many = Array.from({ length: RECENT_MAX }, (_, i) => `t${i}`);
    const next = remember(many, 'new');
    expect(next).toHaveLength(RECENT_MAX);
    expect(next[0]).toBe('new');
    expect(next).not.toContain(`t${RECENT_MAX - 1}`);
    expect(forget(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('names a draft by its title, else its first line', () => {
    expect(titleOf(TEMPLATES[0]!.text)).toBe('Two pods on one node');
    expect(titleOf('id: x\ntitle: "Quoted: yes"\n')).toBe('Quoted: yes');
    expect(titleOf('steps:\n  - title: not the scene’s\n')).toBe('steps:');
    expect(titleOf('\n\n')).toBe('Untitled draft');
    expect(lineCount('a\nb\n')).toBe(2);
  });

  it('round-trips through storage and folds in the draft older versions kept', () => {
    const s = mem();
    expect(loadRecent(s)).toEqual([]);
    saveDraft('old one', PREVIOUS_KEY, s);
    expect(loadRecent(s)).toEqual(['old one']);
    expect(saveRecent(['x'], s)).toBe(true);
    // Saved without it: restoring and forgetting the old one must not bring it back.
    expect(loadRecent(s)).toEqual(['x']);
    saveDraft('{not json', RECENT_KEY, s);
    expect(loadRecent(s)).toEqual([]);
    saveDraft(JSON.stringify(['ok', 3, null]), RECENT_KEY, s);
    expect(loadRecent(s)).toEqual(['ok']);
  });

  it('tolerates storage that refuses', () => {
    const refuses = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } } as unknown as Storage;
    expect(loadRecent(refuses)).toEqual([]);
    expect(saveRecent(['a'], refuses)).toBe(false);
  });
});
