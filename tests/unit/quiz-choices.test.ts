import { describe, expect, it } from 'vitest';
import { pickChoices, plain } from '../../src/quiz/choices.ts';
import { shuffled, seedOf } from '../../src/quiz/seed.ts';
import { authoredQuestions } from '../../src/quiz/authored.ts';
import { load } from './scene-facts-load.ts';

describe('pickChoices', () => {
  it('drops the answer and repeats from the wrong choices and keeps the three most plausible', () => {
    const got = pickChoices(plain('a'), ['a', 'b', 'b', 'c', 'd', 'e'].map(plain), 'k')!;
    expect(got.map((c) => c.id).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives nothing when no wrong choice is left', () => {
    expect(pickChoices(plain('a'), [plain('a')], 'k')).toBeUndefined();
  });

  it('drops a wrong choice drawn like another', () => {
    const got = pickChoices({ id: 'x', label: 'same' }, [{ id: 'y', label: 'same' }, { id: 'z', label: 'other' }], 'k')!;
    expect(got.map((c) => c.id).sort()).toEqual(['x', 'z']);
  });
});

describe('shuffled', () => {
  it('is a permutation, the same for the same key', () => {
    const items = [1, 2, 3, 4, 5, 6];
    expect(shuffled(items, 's#1')).toEqual(shuffled(items, 's#1'));
    expect([...shuffled(items, 's#1')].sort()).toEqual(items);
  });

  it('puts the right answer in different places across steps', () => {
    const firsts = new Set(Array.from({ length: 20 }, (_, i) => shuffled(['right', 'w1', 'w2', 'w3'], `scene#${i}`).indexOf('right')));
    expect(firsts.size).toBe(4);
    expect(seedOf('a')).not.toBe(seedOf('b'));
  });
});

describe('authoredQuestions', () => {
  const { steps } = load('clusterip-dnat');
  const step = steps[5]!;

  it('keeps a scene\'s question with its answer among its choices and its own explanation', () => {
    const [q] = authoredQuestions('clusterip-dnat', step, [{ question: 'Is the source SNATed?', choices: ['yes', 'no'], answer: 'no', explanation: 'Pods talking to a Service keep their address.' }]);
    expect(q).toMatchObject({ id: '5:authored:0', step: 5, kind: 'authored', answer: 'no', explanation: 'Pods talking to a Service keep their address.' });
    expect(q!.choices.map((c) => c.id).sort()).toEqual(['no', 'yes']);
  });

  it('explains with the step\'s caption when the scene gives no explanation, and leaves out a question whose answer is not a choice', () => {
    const qs = authoredQuestions('clusterip-dnat', step, [
      { question: 'q', choices: ['a', 'b'], answer: 'a' },
      { question: 'bad', choices: ['a', 'b'], answer: 'c' },
    ]);
    expect(qs).toHaveLength(1);
    expect(qs[0]!.explanation).toBe(step.caption);
  });
});
