import { describe, expect, it } from 'vitest';
import { embedKey } from '../../src/embed/keys.ts';

const press = (key: string, target: unknown = { tagName: 'KUBEHOP-SCENE' }, mods: { ctrlKey?: boolean } = {}) =>
  embedKey({ key, ctrlKey: mods.ctrlKey ?? false, metaKey: false, altKey: false, composedPath: () => [target as EventTarget] });

describe('the keys an embed answers', () => {
  it('steps with the reveal.js keys, so clickers work', () => {
    for (const k of ['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'n']) expect(press(k), k).toBe('next');
    for (const k of ['ArrowLeft', 'ArrowUp', 'PageUp', 'p']) expect(press(k), k).toBe('prev');
    expect(press('Home')).toBe('first');
    expect(press('End')).toBe('last');
    expect(press('k')).toBe('toggle');
    expect(press('f')).toBe('fullscreen');
  });

  it("leaves the app's own keys, and modified keys, to the page", () => {
    for (const k of ['t', '?', 'x', 'Escape']) expect(press(k), k).toBeUndefined();
    expect(press('ArrowRight', undefined, { ctrlKey: true })).toBeUndefined();
  });

  it('lets a focused button inside the element keep Space and Enter (read through the shadow root)', () => {
    const button = { tagName: 'BUTTON' };
    expect(press(' ', button)).toBeUndefined();
    expect(press('Enter', button)).toBeUndefined();
    expect(press('ArrowRight', button)).toBe('next');
  });
});

describe("a clicker's keys in an embed", () => {
  it('step whichever control inside has focus', () => {
    for (const target of [{ tagName: 'BUTTON' }, { tagName: 'KUBEHOP-SCENE' }]) {
      expect(press('PageDown', target)).toBe('next');
      expect(press('PageUp', target)).toBe('prev');
    }
  });

  it('leave F5, Shift+F5, B, `.`, G and S to the page: an embed has no presenter mode or black screen', () => {
    for (const k of ['F5', 'b', '.', 'g', 's']) expect(press(k), k).toBeUndefined();
  });
});
