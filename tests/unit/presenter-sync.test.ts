// The presenter's channel between the player and its notes window: only
// well-formed messages about the right scene get through.
import { describe, expect, it } from 'vitest';
import { messageFor, parseMessage } from '../../src/app/presenter/sync.ts';
import { revealsInstead } from '../../src/app/presenter/blackout.ts';
import { formatElapsed } from '../../src/app/presenter/clock.ts';
import { notesUrl } from '../../src/app/presenter/open-notes.ts';
import { codeSpans } from '../../src/app/presenter/code-spans.ts';

const state = { kind: 'state', scene: 'same-node-bridge', step: 3, count: 20, blackout: false, theme: 'projector' };

describe('parseMessage', () => {
  it('accepts each kind of message', () => {
    expect(parseMessage(state)).toEqual(state);
    expect(parseMessage({ kind: 'hello', scene: 'nodeport' })).toEqual({ kind: 'hello', scene: 'nodeport' });
    expect(parseMessage({ kind: 'go', scene: 'nodeport', step: 0 })).toEqual({ kind: 'go', scene: 'nodeport', step: 0 });
    expect(parseMessage({ kind: 'blackout', scene: 'nodeport', on: true })).toEqual({ kind: 'blackout', scene: 'nodeport', on: true });
  });

  it('passes on that the player is in predict mode (the notes then show the answers ahead), and only a true one', () => {
    expect(parseMessage({ ...state, predict: true })).toEqual({ ...state, predict: true });
    for (const predict of [false, 'yes', 1, null]) expect(parseMessage({ ...state, predict }), String(predict)).toEqual(state);
  });

  it('keeps only the fields it knows', () => {
    expect(parseMessage({ ...state, html: '<img onerror=alert(1)>' })).toEqual(state);
  });

  it('ignores what is not an object, or not one of its kinds', () => {
    for (const junk of [null, undefined, 'state', 42, [], { kind: 'goto', scene: 'x', step: 1 }, { scene: 'x' }]) {
      expect(parseMessage(junk), JSON.stringify(junk)).toBeUndefined();
    }
  });

  it('ignores a missing or malformed scene id', () => {
    for (const scene of [undefined, '', 3, '../etc', '-x', 'a b', 'x'.repeat(201)]) {
      expect(parseMessage({ kind: 'hello', scene }), String(scene)).toBeUndefined();
    }
  });

  it('ignores steps that are not whole non-negative numbers, and states past their count', () => {
    for (const step of [-1, 1.5, NaN, Infinity, '2', null, 2 ** 53]) {
      expect(parseMessage({ kind: 'go', scene: 's', step }), String(step)).toBeUndefined();
      expect(parseMessage({ ...state, step }), String(step)).toBeUndefined();
    }
    expect(parseMessage({ ...state, step: 20 })).toBeUndefined();
    expect(parseMessage({ ...state, count: -1 })).toBeUndefined();
  });

  it('ignores a state with an unknown theme or a blackout that is not a boolean', () => {
    expect(parseMessage({ ...state, theme: 'neon' })).toBeUndefined();
    expect(parseMessage({ ...state, blackout: 'yes' })).toBeUndefined();
    expect(parseMessage({ kind: 'blackout', scene: 's', on: 1 })).toBeUndefined();
  });
});

describe('messageFor', () => {
  it('passes messages about its scene, and ignores other scenes', () => {
    expect(messageFor(state, 'same-node-bridge')).toEqual(state);
    expect(messageFor(state, 'nodeport')).toBeUndefined();
    expect(messageFor({ kind: 'go', scene: 'nodeport', step: 2 }, 'same-node-bridge')).toBeUndefined();
    expect(messageFor({ kind: 'go', scene: 'nodeport', step: -2 }, 'nodeport')).toBeUndefined();
  });
});

describe('black screen', () => {
  it('a key that would change the picture only brings it back; the others act', () => {
    for (const a of ['next', 'prev', 'first', 'last', 'toggle'] as const) expect(revealsInstead(a), a).toBe(true);
    for (const a of ['blackout', 'theme', 'help', 'notes', 'present', 'fullscreen', 'exit'] as const) expect(revealsInstead(a), a).toBe(false);
  });
});

describe('notes window', () => {
  it('lives beside the app, wherever the app is served from', () => {
    expect(notesUrl('http://h/#/x/1', 'same-node-bridge', 7)).toBe('http://h/notes.html#/same-node-bridge/8');
    expect(notesUrl('https://blog.example/k/index.html#/a/2', 'a', 0)).toBe('https://blog.example/k/notes.html#/a/1');
  });

  it('times the talk as m:ss, then h:mm:ss', () => {
    expect([0, 999, 5_000, 65_000, 600_000, 3_599_000].map(formatElapsed)).toEqual(['0:00', '0:00', '0:05', '1:05', '10:00', '59:59']);
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(-5000)).toBe('0:00');
    expect(formatElapsed(NaN)).toBe('0:00');
  });
});

describe('code spans in notes', () => {
  it('marks `backticked` runs as code, as text', () => {
    expect(codeSpans('run `ip route get 10.0.0.1` now')).toEqual([
      { code: false, text: 'run ' },
      { code: true, text: 'ip route get 10.0.0.1' },
      { code: false, text: ' now' },
    ]);
    expect(codeSpans('`a``b`')).toEqual([
      { code: true, text: 'a' },
      { code: true, text: 'b' },
    ]);
    expect(codeSpans('<b>not markup</b>')).toEqual([{ code: false, text: '<b>not markup</b>' }]);
  });

  it('leaves an odd backtick as written', () => {
    expect(codeSpans("it's `odd")).toEqual([{ code: false, text: "it's `odd" }]);
  });
});
