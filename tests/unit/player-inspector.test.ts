// The packet inspector's view model (src/app/inspect.ts): layer names, field
// rows, and what the step changed.
import { describe, expect, it } from 'vitest';
import type { Header } from '../../src/scene/model.ts';
import { inspect, inspectRemoved } from '../../src/app/inspect.ts';

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

  it('gives a rewritten field its old value, printed like the new one', () => {
    const after: Header[] = [
      { layer: 'ipv4', src: '10.244.1.2', dst: '10.244.2.5', ttl: 64 },
      { layer: 'dns', id: 7, qname: 'web.', qtype: 'A', answers: ['10.96.0.1'] },
    ];
    const layers = inspect(after, [
      { layer: 0, field: 'dst', was: '10.96.0.20' },
      { layer: 1, field: 'answers', was: [] },
      { layer: 1, field: 'id', was: 0 },
    ]);
    const fields = layers.flatMap((l) => l.fields);
    expect(fields.find((f) => f.name === 'dst')).toEqual({ name: 'dst', value: '10.244.2.5', changed: true, was: '10.96.0.20' });
    expect(fields.find((f) => f.name === 'answers')!.was).toBe('(none)');
    expect(fields.find((f) => f.name === 'id')!.was).toBe('0'); // a falsy old value is still a value
    expect(fields.find((f) => f.name === 'src')).toEqual({ name: 'src', value: '10.244.1.2', changed: false });
  });

  it('gives no old value to a field that was not there before, nor to a new layer', () => {
    const layers = inspect(vxlan, [{ layer: 0 }, { layer: 6, field: 'type' }]);
    expect(layers[0]!.fields.some((f) => 'was' in f)).toBe(false);
    expect(layers[6]!.fields[0]).toEqual({ name: 'type', value: 'echo-request', changed: true });
  });
});

describe('inspectRemoved', () => {
  it('names the layers a decap took off, outermost first, with their fields', () => {
    const r = inspectRemoved(vxlan.slice(0, 4))!;
    expect(r.summary).toBe('Ethernet, IPv4, UDP, VXLAN');
    expect(r.layers[3]).toEqual({ name: 'VXLAN', fields: [{ name: 'vni', value: '1' }] });
  });

  it('is undefined when the step removed nothing', () => {
    expect(inspectRemoved(undefined)).toBeUndefined();
    expect(inspectRemoved([])).toBeUndefined();
  });
});

describe('an ICMP error in the inspector', () => {
  it('shows the quoted original as one field of the ICMP layer, not as an inner IPv4 layer', () => {
    const hs: Header[] = [
      { layer: 'ipv4', src: '10.244.1.1', dst: '10.244.1.2', ttl: 64 },
      { layer: 'icmp', type: 'destination-unreachable', code: 'port-unreachable', quote: { src: '10.244.1.2', dst: '10.96.0.50', ttl: 63, protocol: 'udp', sport: 40000, dport: 53 } },
    ];
    const view = inspect(hs, []);
    expect(view.map((l) => l.name)).toEqual(['IPv4', 'ICMP']);
    expect(view[1]!.fields).toContainEqual({ name: 'quotes', value: 'UDP 10.244.1.2:40000 > 10.96.0.50:53 ttl 63', changed: false });
  });
});
