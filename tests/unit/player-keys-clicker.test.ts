// A clicker's keys reach the player whatever control has focus; a text field keeps every key.
import { describe, expect, it } from 'vitest';
import { keyAction } from '../../src/player/index.ts';

const input = (type: string) => ({ tagName: 'INPUT', type }) as unknown as EventTarget;
const el = (tagName: string) => ({ tagName }) as unknown as EventTarget;
const on = (target: EventTarget, key: string, mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}) =>
  keyAction({ key, target, ...mods });

const CLICKER: [string, string][] = [
  ['PageDown', 'next'],
  ['PageUp', 'prev'],
  ['b', 'blackout'],
  ['B', 'blackout'],
  ['.', 'blackout'],
  ['g', 'present'],
  ['G', 'present'],
  ['s', 'notes'],
  ['S', 'notes'],
  ['Escape', 'exit'],
  ['F5', 'present'],
];
const CONTROLS: [string, EventTarget][] = [
  ['the scrubber', input('range')],
  ['a select', el('SELECT')],
  ['a button', el('BUTTON')],
  ['a link', el('A')],
  ['a checkbox', input('checkbox')],
  ['a radio button', input('radio')],
  ['the page', el('BODY')],
];

describe("a clicker's keys", () => {
  it.each(CONTROLS)('do what the key map says on %s', (_, target) => {
    for (const [key, action] of CLICKER) expect(on(target, key), key).toBe(action);
  });

  it('include F5 and Shift+F5 (start/stop slideshow), which toggle presenter mode', () => {
    expect(on(el('BODY'), 'F5')).toBe('present');
    expect(on(el('BODY'), 'F5', { shiftKey: true })).toBe('present');
    expect(on(input('range'), 'F5', { shiftKey: true })).toBe('present');
    // Ctrl+F5 is the browser's hard reload.
    expect(on(el('BODY'), 'F5', { ctrlKey: true })).toBeUndefined();
  });

  it('are left to text fields, which keep every key', () => {
    const fields = [input('text'), input('search'), input('number'), el('INPUT'), el('TEXTAREA')];
    const editable = { tagName: 'DIV', isContentEditable: true } as unknown as EventTarget;
    for (const f of [...fields, editable]) {
      for (const [key] of CLICKER) expect(on(f, key), key).toBeUndefined();
      expect(on(f, 'ArrowRight')).toBeUndefined();
    }
  });
});

describe('the keys a focused control keeps', () => {
  it('the scrubber keeps arrows, Home and End (a keyboard user scrubs with them); letters act', () => {
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']) {
      expect(on(input('range'), key), key).toBeUndefined();
    }
    expect(on(input('range'), 'n')).toBe('next');
    expect(on(input('range'), 'k')).toBe('toggle');
    expect(on(input('range'), '?')).toBe('help');
  });

  it('a select keeps arrows, Home, End, Space, Enter and its type-ahead letters', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Home', 'End', ' ', 'Enter', 'n', 'p', 't', 'k']) {
      expect(on(el('SELECT'), key), key).toBeUndefined();
    }
  });

  it('a button keeps Space and Enter only', () => {
    expect(on(el('BUTTON'), ' ')).toBeUndefined();
    expect(on(el('BUTTON'), 'Enter')).toBeUndefined();
    expect(on(input('submit'), 'Enter')).toBeUndefined();
    expect(on(el('BUTTON'), 'ArrowLeft')).toBe('prev');
    expect(on(el('BUTTON'), 'n')).toBe('next');
  });

  it('a checkbox keeps Space, a radio button its arrows and Space', () => {
    expect(on(input('checkbox'), ' ')).toBeUndefined();
    expect(on(input('checkbox'), 'ArrowRight')).toBe('next');
    expect(on(input('radio'), 'ArrowRight')).toBeUndefined();
    expect(on(input('radio'), ' ')).toBeUndefined();
  });
});
