// The editor's worker practises layouts in idle time (src/worker/practice.ts):
// it starts after a quiet spell, runs ELK itself (not the memo), and stops
// when a build comes in, finishing at most the layout under way.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkScene } from '../../src/pipeline.ts';
import { practise, practised, stopPractice, PRACTICE_LAYOUTS } from '../../src/worker/practice.ts';
import { elkMemo } from '../../src/layout/elk-memo.ts';
import { elkRuns, layoutScene } from '../../src/layout/layout.ts';

const until = async (ok: () => boolean, ms: number): Promise<void> => {
  for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
};

describe('practice layouts in idle time', () => {
  it('waits for quiet, lays the scene out with the memo off, and stops when asked', async () => {
    const r = checkScene(readFileSync('scenes/same-node-bridge.yaml', 'utf8'), 'same-node-bridge.yaml');
    if (!r.ok) throw new Error('scene');
    await layoutScene(r.scene);
    let after = 0;
    const runsBefore = elkRuns.count;
    practise(r.scene, () => after++);
    // Nothing at once: the author may still be typing.
    await new Promise((res) => setTimeout(res, 200));
    expect(practised()).toBe(0);
    await until(() => practised() >= 2, 20_000);
    expect(practised()).toBeGreaterThanOrEqual(2);
    stopPractice();
    const stoppedAt = practised();
    await new Promise((res) => setTimeout(res, 1500));
    // At most the layout under way when the build came in.
    expect(practised()).toBeLessThanOrEqual(stoppedAt + 1);
    expect(after).toBe(practised());
    // Each practice layout ran ELK itself, though the memo holds this very graph; the memo is back on after.
    expect(elkRuns.count - runsBefore).toBeGreaterThanOrEqual(practised());
    expect(elkMemo.enabled).toBe(true);
    expect(PRACTICE_LAYOUTS).toBeGreaterThan(practised());
  }, 30_000);
});
