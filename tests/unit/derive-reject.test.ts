// The REJECT target's answer, built as the kernel builds it, and the packet ends.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { rejectAnswer } from '../../src/derive/reject.ts';
import { checkScene } from '../../src/pipeline.ts';
import { traceJson, traceLines } from '../../src/derive/trace.ts';
import type { Header } from '../../src/scene/model.ts';

const CLIENT_MAC = '0a:58:0a:f4:01:02';
const CNI0_MAC = '0a:58:0a:f4:01:01';
const syn: Header[] = [
  { layer: 'eth', src: CLIENT_MAC, dst: CNI0_MAC },
  { layer: 'ipv4', src: '10.244.1.2', dst: '10.96.0.50', ttl: 64 },
  { layer: 'tcp', sport: 40312, dport: 80, flags: 'SYN' },
];
const cni0 = { mac: CNI0_MAC, ip: '10.244.1.1', hostIps: ['192.168.1.10', '10.244.1.1'] };

describe('rejectAnswer', () => {
  it('a forwarded packet: ICMP port unreachable from the rejecting device, quoting the original with its TTL lowered', () => {
    const r = rejectAnswer(syn, 'icmp-port-unreachable', cni0);
    if (!r.ok) throw new Error(r.message);
    expect(r.headers).toEqual([
      { layer: 'eth', src: CNI0_MAC, dst: CLIENT_MAC },
      { layer: 'ipv4', src: '10.244.1.1', dst: '10.244.1.2', ttl: 64 },
      { layer: 'icmp', type: 'destination-unreachable', code: 'port-unreachable', quote: { src: '10.244.1.2', dst: '10.96.0.50', ttl: 63, protocol: 'tcp', sport: 40312, dport: 80 } },
    ]);
  });
  it('a packet for this host: answered from the address it was sent to, quoted as it arrived', () => {
    const toNode = syn.map((h) => (h.layer === 'ipv4' ? { ...h, dst: '192.168.1.10' } : h));
    const r = rejectAnswer(toNode, 'icmp-admin-prohibited', cni0);
    if (!r.ok) throw new Error(r.message);
    expect(r.headers[1]).toMatchObject({ src: '192.168.1.10', dst: '10.244.1.2' });
    expect(r.headers[2]).toMatchObject({ code: 'admin-prohibited', quote: { ttl: 64 } });
  });
  it('tcp-reset: RST,ACK from the address and port the SYN was sent to', () => {
    const r = rejectAnswer(syn, 'tcp-reset', cni0);
    if (!r.ok) throw new Error(r.message);
    expect(r.headers.slice(1)).toEqual([
      { layer: 'ipv4', src: '10.96.0.50', dst: '10.244.1.2', ttl: 64 },
      { layer: 'tcp', sport: 80, dport: 40312, flags: 'RST,ACK' },
    ]);
  });
  it('refuses what the kernel would not send: a reset for UDP, an error about an error', () => {
    const udp: Header[] = [syn[0]!, syn[1]!, { layer: 'udp', sport: 40000, dport: 53 }];
    expect(rejectAnswer(udp, 'tcp-reset', cni0)).toMatchObject({ ok: false });
    const error: Header[] = [syn[0]!, syn[1]!, { layer: 'icmp', type: 'destination-unreachable', code: 'port-unreachable' }];
    expect(rejectAnswer(error, 'icmp-port-unreachable', cni0)).toMatchObject({ ok: false });
    expect(rejectAnswer(syn, 'icmp-port-unreachable', { hostIps: [] })).toMatchObject({ ok: false });
  });
});

describe('a scene that drops, rejects and waits', () => {
  const r = checkScene(readFileSync('tests/fixtures/valid/refused.yaml', 'utf8'), 'refused.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  it('the reject ends the SYN and starts the answer where it happened, addressed back to the client', () => {
    const rejected = r.steps.find((s) => s.end?.how === 'reject')!;
    expect(rejected).toMatchObject({ packet: 'syn', at: 'node1/cni0', end: { with: 'icmp-port-unreachable', answer: 'refused', reason: 'default/web has no endpoints' } });
    expect(r.steps.filter((s) => s.packet === 'syn').at(-1)).toBe(rejected);
    const first = r.steps.find((s) => s.packet === 'refused')!;
    expect(first.changed).toHaveLength(first.headers.length);
    expect(first.headers[1]).toMatchObject({ src: '10.244.1.1', dst: '10.244.1.2' });
  });
  it('the trace says why, in lines and in JSON; the wait says how long', () => {
    const lines = traceLines(r.steps);
    expect(lines[1]).toContain('✕ rejected with icmp-port-unreachable → refused: default/web has no endpoints');
    expect(lines.at(-1)).toContain('✕ dropped: a rule drops it');
    expect(lines[4]).toContain('(waits 1 s: the user tries again)');
    const json = traceJson('refused', r.steps);
    expect(json.steps.at(-1)!.end).toEqual({ how: 'drop', reason: 'a rule drops it' });
    expect(json.steps[4]!.wait).toEqual({ ms: 1000, reason: 'the user tries again' });
    expect(json.steps[0]).not.toHaveProperty('end');
  });
  it('a headless Service is drawn with no ClusterIP, a Service with no endpoints says so', () => {
    expect(r.scene.elements.db).toMatchObject({ headless: true, label: ['db', 'ClusterIP None (headless)'] });
    expect(r.scene.elements.db!.ip).toBeUndefined();
    expect(r.scene.elements.web).toMatchObject({ endpoints: [], label: ['web', 'ClusterIP 10.96.0.50', 'no endpoints'] });
  });
});
