// The memo of ELK's answers (src/layout/elk-memo.ts): a graph laid out lately
// is not laid out again, its answer cannot be spoiled by whoever read it, and
// a graph ELK rejects is tried again rather than remembered.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { elkMemo, memoLayout } from '../../src/layout/elk-memo.ts';

const graph = (w: number): ElkNode => ({ id: 'root', children: [{ id: 'a', width: w, height: 10 }] });

function counting(): { calls: number; layout: (g: ElkNode) => Promise<ElkNode> } {
  const c = {
    calls: 0,
    layout: async (g: ElkNode): Promise<ElkNode> => {
      c.calls++;
      return { ...g, x: 0, y: 0, width: (g.children?.[0]?.width ?? 0) + 20, height: 30 };
    },
  };
  return c;
}

describe('ELK memo', () => {
  beforeEach(() => {
    elkMemo.clear();
    elkMemo.enabled = true;
  });

  it('answers the same graph from the memo, and a different one from ELK', async () => {
    const c = counting();
    const first = await memoLayout(graph(10), c.layout);
    expect(await memoLayout(graph(10), c.layout)).toEqual(first);
    expect(c.calls).toBe(1);
    expect((await memoLayout(graph(11), c.layout)).width).toBe(31);
    expect(c.calls).toBe(2);
  });

  it('hands out a copy: changing one answer does not change the next', async () => {
    const c = counting();
    const a = await memoLayout(graph(10), c.layout);
    a.width = 999;
    a.children![0]!.width = 999;
    const b = await memoLayout(graph(10), c.layout);
    expect(b.width).toBe(30);
    expect(b.children![0]!.width).toBe(10);
  });

  it('forgets the oldest graph once it holds a handful', async () => {
    const c = counting();
    for (let w = 1; w <= 7; w++) await memoLayout(graph(w), c.layout);
    expect(c.calls).toBe(7);
    await memoLayout(graph(7), c.layout);
    expect(c.calls).toBe(7);
    await memoLayout(graph(1), c.layout);
    expect(c.calls).toBe(8);
  });

  it('does not keep a graph ELK rejects', async () => {
    let calls = 0;
    const failing = async (): Promise<ElkNode> => {
      calls++;
      throw new Error('rejected');
    };
    await expect(memoLayout(graph(10), failing)).rejects.toThrow('rejected');
    await expect(memoLayout(graph(10), failing)).rejects.toThrow('rejected');
    expect(calls).toBe(2);
  });

  it('lays out every time when turned off (benchmarks)', async () => {
    const c = counting();
    elkMemo.enabled = false;
    await memoLayout(graph(10), c.layout);
    await memoLayout(graph(10), c.layout);
    expect(c.calls).toBe(2);
    elkMemo.enabled = true;
  });
});
