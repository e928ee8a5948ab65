import { describe, expect, it } from 'vitest';
import { formatHash, keyAction, parseHash } from '../../src/player/index.ts';

const el = (tagName: string, isContentEditable = false) => ({ tagName, isContentEditable }) as unknown as EventTarget;

describe('keyAction', () => {
  it('maps the reveal.js keys', () => {
    const map = (key: string) => keyAction({ key, target: el('BODY') });
    expect(['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'n', 'N'].map(map)).toEqual(Array(6).fill('next'));
    expect(['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P'].map(map)).toEqual(Array(5).fill('prev'));
    expect(['Home', 'End', 'k', 'K', 'Enter'].map(map)).toEqual(['first', 'last', 'toggle', 'toggle', 'toggle']);
    expect(map('x')).toBeUndefined();
  });

  it('leaves keys to form fields and modified keys to the browser', () => {
    for (const tag of ['INPUT', 'select', 'TEXTAREA']) expect(keyAction({ key: 'ArrowRight', target: el(tag) })).toBeUndefined();
    expect(keyAction({ key: 'n', target: el('DIV', true) })).toBeUndefined();
    expect(keyAction({ key: 'ArrowLeft', altKey: true, target: el('BODY') })).toBeUndefined();
    expect(keyAction({ key: 'p', ctrlKey: true })).toBeUndefined();
  });

  it('lets Space and Enter press a focused button, but arrows still step', () => {
    expect(keyAction({ key: ' ', target: el('BUTTON') })).toBeUndefined();
    expect(keyAction({ key: 'Enter', target: el('BUTTON') })).toBeUndefined();
    expect(keyAction({ key: 'ArrowRight', target: el('BUTTON') })).toBe('next');
  });
});

describe('hash', () => {
  it('is 1-based in the URL, 0-based in the program', () => {
    expect(parseHash('#/same-node-bridge/8')).toEqual({ scene: 'same-node-bridge', step: 7 });
    expect(formatHash('same-node-bridge', 7)).toBe('#/same-node-bridge/8');
    // Links of the first format still open the same step.
    expect(parseHash('#same-node-bridge/step-8')).toEqual({ scene: 'same-node-bridge', step: 7 });
    for (const k of [0, 1, 19]) expect(parseHash(formatHash('s', k))).toEqual({ scene: 's', step: k });
  });

  it('accepts a bare scene, and rejects junk', () => {
    expect(parseHash('#cross-node-vxlan')).toEqual({ scene: 'cross-node-vxlan' });
    expect(parseHash('#/cross-node-vxlan')).toEqual({ scene: 'cross-node-vxlan' });
    expect(parseHash('#/s/0')).toEqual({ scene: 's', step: 0 });
    expect(parseHash('#/s/x')).toBeUndefined();
    expect(parseHash('#s/step-0')).toEqual({ scene: 's', step: 0 });
    expect(parseHash('')).toBeUndefined();
    expect(parseHash('#//3')).toBeUndefined();
    expect(parseHash('#a/b/c')).toBeUndefined();
    expect(parseHash('#%E0%A4%A')).toBeUndefined();
  });
});
