import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { checkScene } from '../../src/pipeline.ts';
import { traceJson } from '../../src/derive/trace.ts';
import type { Header } from '../../src/scene/model.ts';

// Regenerate after an intended change with `npm run golden` (this file and golden.test.ts)
// and review the diff: the golden files are the scenes' networking, read by a person once.
const scenes = readdirSync('scenes').filter((f) => f.endsWith('.yaml'));

function load(file: string) {
  const r = checkScene(readFileSync(`scenes/${file}`, 'utf8'), `scenes/${file}`);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r;
}

describe('golden traces', () => {
  for (const file of scenes) {
    it(`${file}: validates with no diagnostics and matches its golden trace`, () => {
      const r = load(file);
      expect(r.diagnostics).toEqual([]);
      // A story a class can follow in one sitting (issue 3: 8–20 steps).
      expect(r.steps.length).toBeGreaterThanOrEqual(8);
      expect(r.steps.length).toBeLessThanOrEqual(20);
      const golden = `tests/golden/${file.replace(/\.yaml$/, '.trace.json')}`;
      const trace = traceJson(r.scene.id, r.steps);
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, JSON.stringify(trace, null, 2) + '\n');
      expect(existsSync(golden), `missing ${golden}`).toBe(true);
      expect(trace).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});

describe('same-node bridge respects what the kernel does', () => {
  const r = load('same-node-bridge.yaml');
  const mac = (id: string) => r.scene.elements[id]!.mac!;
  const eth = (hs: Header[]) => hs.find((h) => h.layer === 'eth')!;
  const ip = (hs: Header[]) => hs.find((h) => h.layer === 'ipv4');

  it('ARPs for pod B directly, and pod B answers pod A by unicast', () => {
    const arp = r.steps.filter((s) => s.packet === 'arp');
    expect(eth(arp[0]!.headers).dst).toBe('ff:ff:ff:ff:ff:ff');
    const reply = arp.find((s) => s.ops.includes('arp-reply'))!;
    expect(reply.at).toBe('pod-b/eth0');
    expect(eth(reply.headers)).toEqual({ layer: 'eth', src: mac('pod-b/eth0'), dst: mac('pod-a/eth0') });
  });

  it('the ping goes pod eth0 → veth → cni0 → veth → pod eth0, and back', () => {
    const path = r.steps.filter((s) => s.packet === 'ping').map((s) => s.at);
    expect(path).toEqual([
      'pod-a/eth0', 'node1/veth3a9f', 'node1/cni0', 'node1/veth8d01', 'pod-b/eth0',
      'pod-b/eth0', 'node1/veth8d01', 'node1/cni0', 'node1/veth3a9f', 'pod-a/eth0',
    ]);
  });

  it('Ethernet stays pod MAC to pod MAC, TTL stays 64, and cni0’s own MAC is never used', () => {
    for (const s of r.steps.filter((x) => x.packet === 'ping')) {
      const e = eth(s.headers);
      expect([e.src, e.dst].sort()).toEqual([mac('pod-a/eth0'), mac('pod-b/eth0')].sort());
      expect(ip(s.headers)).toMatchObject({ ttl: 64 });
    }
    for (const s of r.steps) expect(JSON.stringify(s.headers)).not.toContain(mac('node1/cni0'));
  });

  it('bridge hops change nothing in the headers', () => {
    r.steps.forEach((s, i) => {
      if (s.ops.includes('bridge')) expect(s.headers).toEqual(r.steps.slice(0, i).reverse().find((p) => p.packet === s.packet)!.headers);
    });
  });
});
