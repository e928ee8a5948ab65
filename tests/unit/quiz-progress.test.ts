import { describe, expect, it } from 'vitest';
import { loadAnswers, saveAnswers, type KeyValueStore } from '../../src/quiz/progress.ts';
import { scoreOf, choiceLabel } from '../../src/quiz/score.ts';
import { questionsByStep, quizPlan } from '../../src/quiz/generate.ts';
import { parseRoute, predictHash } from '../../src/app/route.ts';
import { load } from './scene-facts-load.ts';

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('progress', () => {
  it('keeps answers per scene and forgets them when emptied', () => {
    const store = memory();
    saveAnswers(store, 'a', new Map([['1:next', 'node1/cni0']]));
    expect(loadAnswers(store, 'a')).toEqual(new Map([['1:next', 'node1/cni0']]));
    expect(loadAnswers(store, 'b').size).toBe(0);
    saveAnswers(store, 'a', new Map());
    expect(store.data.size).toBe(0);
  });

  it('reads whatever is stored defensively: bad JSON, wrong shapes and non-string answers are left out', () => {
    const store = memory();
    for (const raw of ['{', '42', 'null', '{"answers": 3}', '[]']) {
      store.setItem('kubehop:predict:a', raw);
      expect(loadAnswers(store, 'a').size, raw).toBe(0);
    }
    store.setItem('kubehop:predict:a', '{"answers": {"1:next": 5, "2:tunnel": "none"}}');
    expect(loadAnswers(store, 'a')).toEqual(new Map([['2:tunnel', 'none']]));
  });

  it('survives a store that refuses (private mode, a sandboxed frame)', () => {
    const refusing: KeyValueStore = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); }, removeItem: () => {} };
    expect(() => saveAnswers(refusing, 'a', new Map([['x', 'y']]))).not.toThrow();
    expect(() => loadAnswers(undefined, 'a')).not.toThrow();
  });
});

describe('score', () => {
  const { scene, steps } = load('clusterip-dnat');
  const plan = quizPlan(questionsByStep(scene, steps));
  const [first, second, third] = [...plan.values()];

  it('counts right answers among those given and lists the missed in step order', () => {
    const wrong = second!.choices.find((c) => c.id !== second!.answer)!.id;
    const s = scoreOf(plan, new Map([[third!.id, third!.answer], [second!.id, wrong], [first!.id, first!.answer]]));
    expect(s).toMatchObject({ right: 2, answered: 3, total: plan.size });
    expect(s.missed.map((q) => q.id)).toEqual([second!.id]);
    expect(choiceLabel(second!, wrong)).toBe(second!.choices.find((c) => c.id === wrong)!.label);
  });
});

describe('the predict route', () => {
  it('reads #/<scene>/predict as the scene from its first step, in predict mode', () => {
    expect(parseRoute(predictHash('clusterip-dnat'))).toEqual({ page: 'scene', scene: 'clusterip-dnat', step: 0, predict: true });
    expect(parseRoute('#/clusterip-dnat/predict/')).toMatchObject({ predict: true });
    expect(parseRoute('#/clusterip-dnat/3')).toEqual({ page: 'scene', scene: 'clusterip-dnat', step: 2 });
  });
});
