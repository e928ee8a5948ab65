import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { RECORD_COMMAND, checkText, sceneRecord, stepRanges, textHash, type VerifiedFile } from '../../src/verify/record-file.ts';
import { VERIFIED_FILE } from '../../src/verify/record.ts';

const file = JSON.parse(readFileSync(VERIFIED_FILE, 'utf8')) as VerifiedFile;
const scenes = readdirSync('scenes').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

describe('static/verified.json', () => {
  it('has a record for every bundled scene and none for a scene that is gone', () => {
    expect(Object.keys(file.scenes).sort()).toEqual([...scenes].sort());
    expect(file.command).toBe(RECORD_COMMAND);
  });

  it.each(scenes)('%s was checked on Linux as its file is now', (id) => {
    const r = file.scenes[id]!;
    expect(r.hash, `scenes/${id}.yaml changed since it was checked on Linux: run ${RECORD_COMMAND}`).toBe(textHash(readFileSync(`scenes/${id}.yaml`, 'utf8')));
    // Every step is counted once: ✓, ✗ or not verified with a reason.
    const named = [...r.differs, ...r.notVerified].flatMap((g) => g.steps);
    expect(r.ok + named.length).toBe(r.total);
    for (const g of r.notVerified) expect(g.reason.length).toBeGreaterThan(10);
  });
});

describe('verified record', () => {
  it('groups steps by reason and notices an edit by the text’s hash', () => {
    const r = sceneRecord('scenes/x.yaml', 'a: 1\n', '6.1.0', '2026-01-01', [
      { index: 0, packet: 'p', at: 'd', status: 'ok', notes: [] },
      { index: 1, packet: 'p', at: 'd', status: 'not-verified', reason: 'why' },
      { index: 2, packet: 'p', at: 'd', status: 'not-verified', reason: 'why' },
      { index: 3, packet: 'p', at: 'd', status: 'differs', mismatches: [{ field: 'ipv4.ttl', scene: 64, kernel: 63 }], notes: [] },
    ]);
    expect(r).toMatchObject({ ok: 1, total: 4, notVerified: [{ steps: [2, 3], reason: 'why' }], differs: [{ steps: [4], reason: 'ipv4.ttl: scene 64, kernel 63' }] });
    expect(r.hash).toBe(textHash('a: 1\n'));
    expect(textHash('a: 2\n')).not.toBe(r.hash);
    expect(stepRanges([1, 2, 3, 5, 7, 8])).toBe('1–3, 5, 7–8');
    expect(checkText(r, true)).toEqual({
      summary: 'Checked on Linux 6.1.0: 1 of 4 steps, 1 disagree',
      items: ['Step 4: the kernel disagrees (ipv4.ttl: scene 64, kernel 63)', 'Steps 2–3 not verified: why'],
      stale: false,
    });
    // Once the scene's text changed, no claim about it: only that it was not re-checked.
    expect(checkText(r, false)).toMatchObject({ summary: 'Not re-checked on Linux since this scene was edited (last check 2026-01-01)', items: [], stale: true });
  });
});
