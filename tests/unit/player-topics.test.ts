// The scene picker's grouping (src/app/topics.ts): the bundled scenes are
// checked in the browser (tests/e2e/layout.spec.ts); these are the edge cases.
import { describe, expect, it } from 'vitest';
import { groupByTopic, NO_TOPIC } from '../../src/app/topics.ts';

const scene = (id: string, topic?: string) => ({ id, topic });
const shape = (groups: ReturnType<typeof groupByTopic<{ id: string; topic?: string }>>) =>
  groups.map((g) => [g.label, g.scenes.map((s) => s.id)]);

describe('groupByTopic', () => {
  it('puts known topics in learning order, keeping scene order within a group', () => {
    const groups = groupByTopic([scene('dns-a', 'dns'), scene('svc-b', 'services'), scene('pod-c', 'pod networking'), scene('svc-a', 'services')]);
    expect(shape(groups)).toEqual([
      ['Pod networking', ['pod-c']],
      ['Services', ['svc-b', 'svc-a']],
      ['DNS', ['dns-a']],
    ]);
  });

  it('files other topics after the known ones, alphabetically, and scenes without one last', () => {
    const groups = groupByTopic([scene('x'), scene('p', 'policy'), scene('i', 'ingress'), scene('d', 'dns')]);
    expect(shape(groups)).toEqual([
      ['DNS', ['d']],
      ['Ingress', ['i']],
      ['Policy', ['p']],
      [NO_TOPIC, ['x']],
    ]);
  });

  it('treats topics that differ only in case or spacing as one', () => {
    const groups = groupByTopic([scene('a', 'Services'), scene('b', ' services '), scene('c', '')]);
    expect(shape(groups)).toEqual([
      ['Services', ['a', 'b']],
      [NO_TOPIC, ['c']],
    ]);
  });

  it('gives no groups for no scenes', () => {
    expect(groupByTopic([])).toEqual([]);
  });
});
