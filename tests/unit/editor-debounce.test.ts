// The editor's rebuild queue (src/app/editor/debounce.ts): one build at a time,
// and of the texts asked for while one runs, only the newest is built.
import { describe, expect, it } from 'vitest';
import { latest } from '../../src/app/editor/debounce.ts';

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('rebuild queue', () => {
  it('never runs two builds at once, skips a text overtaken while it waited, and applies the newest', async () => {
    const started: string[] = [];
    const applied: string[] = [];
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const l = latest(
      (t) => {
        started.push(t);
        most = Math.max(most, ++running);
        return new Promise<string>((res) => release.push(() => (running--, res(t))));
      },
      (r) => applied.push(r),
      5,
    );
    l.push('a');
    await wait(20); // 'a' runs
    l.push('ab');
    await wait(20); // 'ab' waits for 'a'
    l.push('abc');
    await wait(20); // 'abc' replaces 'ab' in the wait
    expect(started).toEqual(['a']);
    release.shift()!();
    await wait(5);
    expect(started).toEqual(['a', 'abc']);
    release.shift()!();
    await wait(5);
    expect(applied).toEqual(['abc']);
    expect(most).toBe(1);
  });

  it('cancel drops a waiting text as well as a pending one', async () => {
    const started: string[] = [];
    let finish: (() => void) | undefined;
    const l = latest(
      (t) => (started.push(t), new Promise<string>((res) => (finish = () => res(t)))),
      () => {},
      5,
    );
    l.push('a');
    await wait(20);
    l.push('ab');
    await wait(20);
    l.cancel();
    finish!();
    await wait(20);
    expect(started).toEqual(['a']);
  });
});
