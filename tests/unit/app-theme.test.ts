import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadTheme, nextTheme, saveTheme } from '../../src/app/theme.ts';

describe('theme', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('cycles light → dark → projector → light', () => {
    expect([nextTheme('light'), nextTheme('dark'), nextTheme('projector')]).toEqual(['dark', 'projector', 'light']);
  });

  it('keeps the choice, and ignores junk', () => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) });
    expect(loadTheme()).toBeUndefined();
    saveTheme('projector');
    expect(loadTheme()).toBe('projector');
    store.set('kubehop.theme', 'neon');
    expect(loadTheme()).toBeUndefined();
  });

  it('tolerates storage that throws', () => {
    const boom = () => {
      throw new Error('denied');
    };
    vi.stubGlobal('localStorage', { getItem: boom, setItem: boom });
    expect(loadTheme()).toBeUndefined();
    expect(() => saveTheme('dark')).not.toThrow();
  });
});
