// The compare page's address, and its summary sentence's wording.
import { describe, expect, it } from 'vitest';
import { parseRoute, RESERVED } from '../../src/app/route.ts';
import { compareHash } from '../../src/compare/pairs.ts';
import { diffSummary, inSentence, type DiffRow } from '../../src/compare/headers.ts';

describe('#/compare/<a>/<b>', () => {
  it('names both scenes, decoded, and round-trips through compareHash', () => {
    expect(parseRoute('#/compare/nodeport/nodeport-local')).toEqual({ page: 'compare', a: 'nodeport', b: 'nodeport-local' });
    expect(parseRoute('#/compare/a%20b/c/')).toEqual({ page: 'compare', a: 'a b', b: 'c' });
    expect(parseRoute(compareHash('cross-node-vxlan', 'calico-bgp'))).toEqual({ page: 'compare', a: 'cross-node-vxlan', b: 'calico-bgp' });
  });

  it('one scene or three are not a comparison, and no scene may be called compare', () => {
    expect(parseRoute('#/compare/nodeport').page).not.toBe('compare');
    expect(parseRoute('#/compare/a/b/c').page).not.toBe('compare');
    expect(RESERVED).toContain('compare');
  });
});

describe('diffSummary', () => {
  const row = (label: string, differs: boolean) => ({ label, differs }) as DiffRow;
  it('names the differing rows in a sentence, keeping TTL in capitals', () => {
    expect(diffSummary([row('Source address', true), row('Tunnel', false), row('TTL', true)])).toBe('Differs: source address, TTL.');
    expect(inSentence('Header stack')).toBe('header stack');
    expect(diffSummary([row('Tunnel', false)])).toBe('The headers change the same way on both sides.');
  });
});
