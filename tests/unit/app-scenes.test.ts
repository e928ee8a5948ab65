// The bundled scene list (src/app/scenes.ts) as the gallery and the picker
// see it: `order:` read from each file, groups in learning order, and the
// first card the first scene of the first topic.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SCENE_GROUPS, SCENES } from '../../src/app/scenes.ts';

const fileOrder = (file: string): unknown => (parse(readFileSync(file, 'utf8')) as { order?: unknown }).order;

describe('bundled scenes', () => {
  it('reads each file’s `order:` as the YAML parser does', () => {
    for (const s of SCENES) expect(s.order, s.file).toBe(fileOrder(s.file));
  });

  it('lists each topic by order, then id', () => {
    for (const g of SCENE_GROUPS) {
      const sorted = [...g.scenes].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.id.localeCompare(b.id));
      expect(g.scenes.map((s) => s.id), g.label).toEqual(sorted.map((s) => s.id));
    }
  });

  it('lists first the first scene of the first topic: pod to pod on the same node', () => {
    expect(SCENE_GROUPS[0]!.topic).toBe('pod networking');
    expect(SCENES[0]).toBe(SCENE_GROUPS[0]!.scenes[0]);
    expect(SCENES[0]!.id).toBe('same-node-bridge');
  });
});
