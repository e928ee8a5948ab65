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

describe('keyAction: presenter mode, black screen, speaker notes', () => {
  it('maps G, B and `.` (a clicker\'s blank key), S and Esc', () => {
    const map = (key: string) => keyAction({ key, target: el('BODY') });
    expect(['g', 'G'].map(map)).toEqual(['present', 'present']);
    expect(['b', 'B', '.'].map(map)).toEqual(['blackout', 'blackout', 'blackout']);
    expect(['s', 'S'].map(map)).toEqual(['notes', 'notes']);
    expect(map('Escape')).toBe('exit');
  });

  it('leaves them to text fields, and to the browser when modified', () => {
    for (const key of ['g', 'b', '.', 's', 'Escape']) {
      expect(keyAction({ key, target: el('INPUT') }), key).toBeUndefined();
      expect(keyAction({ key, target: el('TEXTAREA') }), key).toBeUndefined();
    }
    expect(keyAction({ key: 's', ctrlKey: true, target: el('BODY') })).toBeUndefined();
    expect(keyAction({ key: 'b', metaKey: true, target: el('BODY') })).toBeUndefined();
  });

  it('maps I (either case) to the packet headers, and leaves it to form fields', () => {
    expect(['i', 'I'].map((key) => keyAction({ key, target: el('BODY') }))).toEqual(['inspector', 'inspector']);
    expect(keyAction({ key: 'i', target: el('INPUT') })).toBeUndefined();
  });

  it('leaves Esc to an open help dialog, which closes itself', () => {
    for (const key of ['Escape', 'g', 'b', 's']) expect(keyAction({ key, target: el('BUTTON', true) })).toBeUndefined();
  });

  it('works on a focused button: these keys do not press buttons', () => {
    for (const key of ['g', 'b', '.', 's', 'Escape']) expect(keyAction({ key, target: el('BUTTON') }), key).toBeDefined();
  });
});
