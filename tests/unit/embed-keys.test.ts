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
