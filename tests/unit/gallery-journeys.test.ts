// The gallery's journeys (src/app/topics.ts): the same journey by different
// machinery, compared side by side. Every scene named is a bundled scene, and
// a journey with fewer than two scenes present is not offered.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { journeys } from '../../src/app/topics.ts';

const bundled = new Set(readdirSync('scenes').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')));

describe('journeys', () => {
  it('names only bundled scenes, each in one journey, and offers the two the course compares', () => {
    const all = journeys(bundled);
    const ids = all.flatMap((j) => j.scenes.map((s) => s.id));
    for (const id of ids) expect(bundled.has(id), id).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.map((j) => j.scenes.map((s) => s.by))).toEqual([
      ['Flannel VXLAN', 'Flannel host-gw', 'Calico BGP', 'Calico IP-in-IP'],
      ['kube-proxy iptables', 'kube-proxy IPVS', 'Cilium socket LB'],
    ]);
  });

  it('leaves out scenes that are not there, and a journey left with one scene', () => {
    const some = journeys(new Set(['clusterip-dnat', 'cilium-socket-lb', 'calico-bgp']));
    expect(some.map((j) => [j.id, j.scenes.map((s) => s.id)])).toEqual([['connect-to-clusterip', ['clusterip-dnat', 'cilium-socket-lb']]]);
  });
});
