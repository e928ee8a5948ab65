// The packet inspector's view model (src/app/inspect.ts): layer names, field
// rows, and what the step changed.
import { describe, expect, it } from 'vitest';
import type { Header } from '../../src/scene/model.ts';
import { inspect } from '../../src/app/inspect.ts';

const vxlan: Header[] = [
  { layer: 'eth', src: 'aa', dst: 'bb' },
  { layer: 'ipv4', src: '192.168.1.10', dst: '192.168.1.11', ttl: 64 },
  { layer: 'udp', sport: 35777, dport: 8472 },
  { layer: 'vxlan', vni: 1 },
  { layer: 'eth', src: 'cc', dst: 'dd' },
  { layer: 'ipv4', src: '10.244.1.2', dst: '10.244.2.3', ttl: 63 },
  { layer: 'icmp', type: 'echo-request' },
];

describe('inspect', () => {
  it('names layers outermost first, telling repeated layers apart', () => {
    expect(inspect(vxlan, []).map((l) => l.name)).toEqual([
      'Ethernet (outer)', 'IPv4 (outer)', 'UDP', 'VXLAN', 'Ethernet (inner)', 'IPv4 (inner)', 'ICMP',
    ]);
  });

  it('lists fields in header order with printable values', () => {
    const [dns] = inspect([{ layer: 'dns', id: 7, qname: 'web.', qtype: 'A', answers: ['10.96.0.1', '10.96.0.2'] }], []);
    expect(dns!.fields.map((f) => `${f.name}=${f.value}`)).toEqual([
      'id=7', 'qname=web.', 'qtype=A', 'answers=10.96.0.1, 10.96.0.2',
    ]);
  });

  it('marks changed fields, and every field of a new layer', () => {
    const layers = inspect(vxlan, [{ layer: 0 }, { layer: 5, field: 'ttl' }]);
    expect(layers[0]).toMatchObject({ isNew: true, changed: true });
    expect(layers[0]!.fields.every((f) => f.changed)).toBe(true);
    expect(layers[5]).toMatchObject({ isNew: false, changed: true });
    expect(layers[5]!.fields.filter((f) => f.changed).map((f) => f.name)).toEqual(['ttl']);
    expect(layers[1]).toMatchObject({ isNew: false, changed: false });
  });
});
