// The scene picker's grouping (src/app/topics.ts): the bundled scenes are
// checked in the browser (tests/e2e/layout.spec.ts); these are the edge cases.
import { describe, expect, it } from 'vitest';
import { groupByTopic, NO_TOPIC } from '../../src/app/topics.ts';

const scene = (id: string, topic?: string, order?: number) => ({ id, topic, order });
const shape = (groups: ReturnType<typeof groupByTopic<{ id: string; topic?: string; order?: number }>>) =>
  groups.map((g) => [g.label, g.scenes.map((s) => s.id)]);

describe('groupByTopic', () => {
  it('puts known topics in learning order', () => {
    const groups = groupByTopic([scene('dns-a', 'dns'), scene('svc-b', 'services'), scene('pod-c', 'pod networking'), scene('svc-a', 'services')]);
    expect(shape(groups)).toEqual([
      ['Pod networking', ['pod-c']],
      ['Services', ['svc-a', 'svc-b']],
      ['DNS', ['dns-a']],
    ]);
  });

  it('orders scenes within a topic by `order`, then id; scenes without one after', () => {
    const groups = groupByTopic([
      scene('calico-bgp', 'pod networking', 3),
      scene('zz-extra', 'pod networking'),
      scene('cross-node-vxlan', 'pod networking', 2),
      scene('aa-extra', 'pod networking'),
      scene('same-node-bridge', 'pod networking', 1),
      scene('b-tie', 'services', 1),
      scene('a-tie', 'services', 1),
      scene('first', 'services', 0),
    ]);
    expect(shape(groups)).toEqual([
      ['Pod networking', ['same-node-bridge', 'cross-node-vxlan', 'calico-bgp', 'aa-extra', 'zz-extra']],
      ['Services', ['first', 'a-tie', 'b-tie']],
    ]);
  });

  it('orders by number, not by text (10 after 9)', () => {
    const groups = groupByTopic([scene('ten', 't', 10), scene('nine', 't', 9)]);
    expect(shape(groups)).toEqual([['T', ['nine', 'ten']]]);
  });

  it('leaves the list it was given alone', () => {
    const list = [scene('b', 't', 2), scene('a', 't', 1)];
    groupByTopic(list);
    expect(list.map((s) => s.id)).toEqual(['b', 'a']);
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
