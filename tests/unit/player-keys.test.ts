import { describe, expect, it } from 'vitest';
import { keyAction } from '../../src/player/index.ts';

const el = (tagName: string, inDialog = false) =>
  ({ tagName, closest: (sel: string) => (inDialog && sel === 'dialog[open]' ? {} : null) }) as unknown as EventTarget;

describe('keyAction: full screen, theme, help', () => {
  it('maps F, T and ? (either case)', () => {
    const map = (key: string) => keyAction({ key, target: el('BODY') });
    expect(['f', 'F', 't', 'T', '?'].map(map)).toEqual(['fullscreen', 'fullscreen', 'theme', 'theme', 'help']);
  });

  it('leaves them to form fields', () => {
    for (const key of ['f', 'T', '?']) expect(keyAction({ key, target: el('INPUT') })).toBeUndefined();
  });

  it('ignores every key but ? while the help dialog is open', () => {
    for (const key of ['ArrowRight', 'n', 'f', 't', 'Home']) expect(keyAction({ key, target: el('BUTTON', true) })).toBeUndefined();
    expect(keyAction({ key: '?', target: el('BUTTON', true) })).toBe('help');
  });
});
