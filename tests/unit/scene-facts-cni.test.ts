// cni-add: what the CNI ADD creates does not exist before the step that
// creates it — the pod's netns, its veth pair, its address — and the pod's
// first packet leaves only once all of it is there.
import { describe, expect, it } from 'vitest';
import { first, load } from './scene-facts-load.ts';

describe('cni-add', () => {
  const s = load('cni-add');
  const steps = s.steps;
  const createdAt = (id: string) => steps.findIndex((d) => d.appeared?.includes(id));
  const rowAt = (k: number, table: string, row: string) => steps[k]!.tables?.[table]?.some((r) => r.id === row) ?? false;

  it('the veth pair does not exist before the step that creates it, and exists from it on', () => {
    const k = createdAt('pod-b/eth0');
    expect(k).toBeGreaterThan(0);
    expect(createdAt('node1/veth7c2e')).toBe(k);
    for (const d of steps.slice(0, k)) expect(d.hidden).toEqual(expect.arrayContaining(['pod-b/eth0', 'node1/veth7c2e']));
    for (const d of steps.slice(k)) expect(d.hidden ?? []).not.toContain('pod-b/eth0');
    // The host end is a bridge port only from a later step.
    expect(createdAt('attach')).toBeGreaterThan(k);
  });

  it('the pod’s netns exists before its veth, the plugin runs after the netns is made', () => {
    expect(createdAt('pod-b')).toBeLessThan(createdAt('pod-b/eth0'));
    expect(createdAt('node1/cni')).toBeGreaterThan(createdAt('pod-b'));
  });

  it('the pod’s address is not allocated or set before its steps', () => {
    const alloc = steps.findIndex((_, k) => rowAt(k, 'node1/ipam', 'pod-b'));
    const set = steps.findIndex((_, k) => rowAt(k, 'pod-b/routes', 'link'));
    expect(alloc).toBeGreaterThan(createdAt('pod-b/eth0'));
    expect(set).toBeGreaterThan(alloc);
    expect(steps[alloc]!.tables!['node1/ipam']!.find((r) => r.id === 'last')!.text).toContain(s.ip('pod-b/eth0'));
    expect(steps[alloc - 1]!.tables!['node1/ipam']!.find((r) => r.id === 'last')!.text).not.toContain(s.ip('pod-b/eth0'));
  });

  it('the first packet is sent from the new eth0 with its address, after everything exists', () => {
    const k = steps.findIndex((d) => d.packet !== '');
    expect(steps.slice(0, k).every((d) => d.packet === '' && d.headers.length === 0)).toBe(true);
    expect(steps[k]!.hidden ?? []).toEqual([]);
    expect(first(steps[k]!, 'arp').senderIp).toBe(s.ip('pod-b/eth0'));
    expect(first(steps[k]!, 'eth').src).toBe(s.mac('pod-b/eth0'));
  });
});
