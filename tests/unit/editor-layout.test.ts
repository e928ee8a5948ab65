// The editor's layout logic: where a wrapped line's continuation starts (hang.ts)
// and where the split between editor and preview rests (split.ts).
import { describe, expect, it } from 'vitest';
import { hangColumns, MAX_HANG } from '../../src/app/editor/hang.ts';
import {
  clampSplit, loadSplit, saveSplit, splitAt, splitForKey,
  SPLIT_DEFAULT, SPLIT_KEY, SPLIT_MAX, SPLIT_MIN,
} from '../../src/app/editor/split.ts';

describe('hangColumns', () => {
  it('continues one indent unit past where the text starts', () => {
    expect(hangColumns('title: x', 2)).toBe(2);
    expect(hangColumns('    caption: a long caption', 2)).toBe(6);
  });
  it('counts sequence markers as indentation: the item text is where the continuation lines up', () => {
    expect(hangColumns('  - caption: x', 2)).toBe(6);
    expect(hangColumns('- - x', 2)).toBe(6);
  });
  it('does not take a dash that starts a word or a document marker for a sequence marker', () => {
    expect(hangColumns('  -5', 2)).toBe(4);
    expect(hangColumns('---', 2)).toBe(2);
  });
  it('gives nothing to a line with no text, and caps deep indentation', () => {
    expect(hangColumns('      ', 2)).toBe(0);
    expect(hangColumns('  - ', 2)).toBe(0);
    expect(hangColumns(' '.repeat(40) + 'x', 2)).toBe(MAX_HANG);
  });
  it('expands tabs to the next tab stop', () => {
    expect(hangColumns('\tx', 2, 4)).toBe(6);
    expect(hangColumns('  \tx', 2, 4)).toBe(6);
  });
});

describe('split', () => {
  const memory = (init: Record<string, string> = {}) => {
    const m = new Map(Object.entries(init));
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
  };

  it('keeps shares whole and within range; nonsense gives the default', () => {
    expect(clampSplit(41.4)).toBe(41);
    expect(clampSplit(3)).toBe(SPLIT_MIN);
    expect(clampSplit(99)).toBe(SPLIT_MAX);
    expect(clampSplit(Number.NaN)).toBe(SPLIT_DEFAULT);
  });
  it('loads what was saved, and the default when nothing or garbage was', () => {
    const s = memory();
    expect(loadSplit(s)).toBe(SPLIT_DEFAULT);
    saveSplit(52, s);
    expect(s.m.get(SPLIT_KEY)).toBe('52');
    expect(loadSplit(s)).toBe(52);
    expect(loadSplit(memory({ [SPLIT_KEY]: 'wide' }))).toBe(SPLIT_DEFAULT);
    expect(loadSplit(memory({ [SPLIT_KEY]: '' }))).toBe(SPLIT_DEFAULT);
    expect(loadSplit(memory({ [SPLIT_KEY]: '90' }))).toBe(SPLIT_MAX);
  });
  it('survives storage that throws', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    expect(loadSplit(broken)).toBe(SPLIT_DEFAULT);
    expect(() => saveSplit(50, broken)).not.toThrow();
  });
  it('moves by keys as a window splitter does', () => {
    expect(splitForKey(40, 'ArrowRight')).toBe(42);
    expect(splitForKey(40, 'ArrowLeft', true)).toBe(30);
    expect(splitForKey(SPLIT_MIN, 'ArrowLeft')).toBe(SPLIT_MIN);
    expect(splitForKey(50, 'Home')).toBe(SPLIT_MIN);
    expect(splitForKey(50, 'End')).toBe(SPLIT_MAX);
    expect(splitForKey(50, 'Enter')).toBe(SPLIT_DEFAULT);
    expect(splitForKey(50, 'a')).toBeUndefined();
  });
  it('turns a pointer x into a share of the box', () => {
    expect(splitAt(600, 100, 1000)).toBe(50);
    expect(splitAt(0, 100, 1000)).toBe(SPLIT_MIN);
    expect(splitAt(600, 100, 0)).toBe(SPLIT_DEFAULT);
  });
});
