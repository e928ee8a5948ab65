import { describe, expect, it } from 'vitest';
import { matchSteps } from '../../src/verify/match.ts';
import { reportLines, tally } from '../../src/verify/report.ts';
import type { Captured, StepResult } from '../../src/verify/types.ts';
import { checked, recorded } from './verify-load.ts';

const bridge = checked('scenes/same-node-bridge.yaml');
const vxlan = checked('scenes/cross-node-vxlan.yaml');
const bridgeFrames = recorded('same-node-bridge');
const vxlanFrames = recorded('cross-node-vxlan', [8472]);
const firstBad = (rs: StepResult[]) => rs.find((r) => r.status !== 'ok');

describe('verify match on the kernel’s recorded frames', () => {
  it('same-node-bridge: every step agrees with the kernel', () => {
    const rs = matchSteps(bridge.scene, bridge.steps, bridgeFrames, {});
    expect(firstBad(rs)).toBeUndefined();
    expect(tally(rs)).toEqual({ ok: 20, differs: 0, notVerified: 0, total: 20 });
  });

  it('cross-node-vxlan: every step agrees, the VXLAN source port by rule', () => {
    const rs = matchSteps(vxlan.scene, vxlan.steps, vxlanFrames, {});
    expect(firstBad(rs)).toBeUndefined();
    const wire = rs[4]!;
    expect(wire.status === 'ok' && wire.notes.join()).toMatch(/^udp\.sport \d+ chosen by the kernel: in 32768–60999, the same for both frames of the flow \(the scene shows 58417\)$/);
  });

  it('a changed MAC in the packet fails at the step that shows it, with both values', () => {
    const wrong = checked('tests/fixtures/verify/same-node-bridge-wrong-mac.yaml');
    const rs = matchSteps(wrong.scene, wrong.steps, bridgeFrames, {});
    const bad = firstBad(rs)!;
    expect(bad.index + 1).toBe(11);
    expect(bad).toMatchObject({ status: 'differs', mismatches: [{ field: 'eth.dst', scene: '0a:58:0a:f4:01:01', kernel: '0a:58:0a:f4:01:03' }] });
    expect(rs.slice(0, 10).every((r) => r.status === 'ok')).toBe(true);
  });

  it('a removed route op fails where the kernel routed: TTL and Ethernet header', () => {
    const wrong = checked('tests/fixtures/verify/cross-node-vxlan-no-route.yaml');
    const rs = matchSteps(wrong.scene, wrong.steps, vxlanFrames, {});
    const bad = firstBad(rs)!;
    expect(bad.index + 1).toBe(4);
    expect(bad.status === 'differs' && bad.mismatches).toEqual([
      { field: 'eth.src', scene: '0a:58:0a:f4:01:02', kernel: '0e:8a:01:01:01:01' },
      { field: 'eth.dst', scene: '0a:58:0a:f4:01:01', kernel: '0e:8a:02:02:02:02' },
      { field: 'ipv4.ttl', scene: 64, kernel: 63 },
    ]);
  });

  it('a VXLAN source port that changes within one flow is ✗', () => {
    const frames: Captured = structuredClone(vxlanFrames);
    const requests = frames['node1/eth0']!.filter((f) => f.headers.length === 7 && f.headers[6]!.layer === 'icmp' && f.headers[6]!.type === 'echo-request');
    (requests[1]!.headers[2] as { sport: number }).sport = 40000;
    const r = matchSteps(vxlan.scene, vxlan.steps, frames, {})[4]!;
    expect(r).toMatchObject({ status: 'differs', mismatches: [{ field: 'udp.sport', scene: 'one port for the whole flow', kernel: `${(requests[0]!.headers[2] as { sport: number }).sport}, 40000` }] });
  });

  it('says what the kernel sent instead when no frame of the step’s kind crossed the device', () => {
    const frames: Captured = { ...vxlanFrames, 'node2/eth0': [] };
    const rs = matchSteps(vxlan.scene, vxlan.steps, frames, {});
    expect(rs[5]).toEqual({ index: 5, packet: 'ping', at: 'node2/eth0', status: 'missing', reason: 'no eth / ipv4 / udp / vxlan / eth / ipv4 / icmp echo-request frame on node2/eth0 (the kernel sent there: nothing)' });
    expect(rs.filter((r) => r.status !== 'ok').map((r) => r.index + 1)).toEqual([6, 15]);
    // Lost for good: said once, at the step where it went missing.
    const lostAfter = matchSteps(vxlan.scene, vxlan.steps, { ...vxlanFrames, 'node2/eth0': [], 'node2/flannel.1': [], 'node2/cni0': [] }, {});
    expect(lostAfter.slice(6, 8).map((r) => r.status === 'missing' && r.reason)).toEqual(Array(2).fill('not seen: the packet went missing at step 6'));
    const arpOnly: Captured = { ...bridgeFrames, 'pod-b/eth0': bridgeFrames['pod-b/eth0']!.filter((f) => f.headers[1]!.layer === 'arp') };
    expect(matchSteps(bridge.scene, bridge.steps, arpOnly, {})[14]).toMatchObject({ status: 'missing', reason: expect.stringContaining('(the kernel sent there: eth 0a:58:0a:f4:01:02 > ff:ff:ff:ff:ff:ff | ARP who-has 10.244.1.3 tell 10.244.1.2; eth 0a:58:0a:f4:01:03 > 0a:58:0a:f4:01:02 | ARP reply 10.244.1.3 is-at 0a:58:0a:f4:01:03)') });
  });

  it('never passes a step it did not check: unsupported packets and uncaptured devices are “not verified”', () => {
    const rs = matchSteps(bridge.scene, bridge.steps, { ...bridgeFrames, 'node1/cni0': undefined as never }, { arp: 'a reason' });
    expect(rs.filter((r) => r.packet === 'arp').every((r) => r.status === 'not-verified' && r.reason === 'a reason')).toBe(true);
    expect(rs[12]).toMatchObject({ status: 'not-verified', reason: 'node1/cni0 is not a device this run captures on' });
    expect(tally(rs)).toEqual({ ok: 8, differs: 0, notVerified: 12, total: 20 });
  });
});

describe('verify report', () => {
  it('prints the tally, then per step ✓, ✗ with the scene’s value beside the kernel’s, or why not verified', () => {
    const wrong = checked('tests/fixtures/verify/same-node-bridge-wrong-mac.yaml');
    const rs = matchSteps(wrong.scene, wrong.steps, bridgeFrames, { arp: 'a reason' });
    const lines = reportLines({ scene: 'same-node-bridge-wrong-mac', file: 'x.yaml', kernel: '6.1.0', steps: rs, tables: [] });
    expect(lines[0]).toBe('x.yaml: same-node-bridge-wrong-mac on Linux 6.1.0: 5 of 20 steps ✓, 5 ✗ (first at step 11), 10 not verified');
    expect(lines[1]).toBe('  1  arp   pod-a/eth0      – not verified: a reason');
    expect(lines[11]).toBe(' 11  ping  pod-a/eth0      ✗ eth.dst: scene 0a:58:0a:f4:01:01, kernel 0a:58:0a:f4:01:03');
    expect(lines[16]).toBe(' 16  ping  pod-b/eth0      ✓');
  });
});

describe('verify hints', () => {
  it('says why a ✗ happened in the scene’s words: a route left out, whose MAC each value is, said once per run of one difference', async () => {
    const { explain } = await import('../../src/verify/hints.ts');
    const wrong = checked('tests/fixtures/verify/cross-node-vxlan-no-route.yaml');
    const rs = explain(wrong.scene, wrong.steps, matchSteps(wrong.scene, wrong.steps, recorded('cross-node-vxlan', [8472]), {}), {});
    const bad = rs.filter((r) => r.status === 'differs');
    const first = bad[0]!;
    expect(first.index + 1).toBe(4);
    expect(first.status === 'differs' && first.notes).toEqual(expect.arrayContaining([
      'why: the kernel routed the packet on its way here (TTL one lower, a new Ethernet header) where the scene does not: a `route` op missing at this step?',
      "eth.dst: the kernel's 0e:8a:02:02:02:02 is node2/flannel.1's MAC, the scene's 0a:58:0a:f4:01:01 is node1/cni0's MAC",
    ]));
    // Three steps of one packet with one difference: the first says why, the others point back to it.
    const run = explain(wrong.scene, wrong.steps, wrong.steps.slice(10, 13).map((s): StepResult => ({ index: s.index, packet: s.packet, at: s.at, status: 'differs', mismatches: [{ field: 'ipv4.ttl', scene: 64, kernel: 60 }], notes: [] })), {});
    expect(run.map((r) => (r.status === 'differs' ? r.notes[0] : undefined))).toEqual([undefined, 'the same as step 11: it follows from there', 'the same as step 11: it follows from there']);
  });
});

describe('verify hints: a packet that vanishes after a DNAT step', () => {
  it('points at the DNAT step and the destination it was sent to, when the run built that step a rule', async () => {
    const { explain } = await import('../../src/verify/hints.ts');
    const s = checked('scenes/clusterip-dnat.yaml');
    const dnat = s.steps.find((x) => x.ops.some((o) => o.startsWith('dnat')))!;
    const after = s.steps.find((x) => x.index > dnat.index && x.packet === dnat.packet)!;
    const gone: StepResult = { index: after.index, packet: after.packet, at: after.at, status: 'missing', reason: `no eth / ipv4 / tcp frame on ${after.at} (the kernel sent there: nothing)` };
    const rule = "KUBE-SEP-7PWN6ZQT: DNAT to 10.244.2.5:8080 (node1/nat's row)";
    const [hinted] = explain(s.scene, s.steps, [gone], { [dnat.index]: rule });
    expect(hinted!.status === 'missing' && hinted!.reason).toBe(
      `${gone.reason}; why: the kernel did not rewrite it as step ${dnat.index + 1} does: the run built ${rule}, which kube-proxy's chains reach only for the Service's address and port as its rows write them — does the packet's destination before that step (10.96.0.20:80) match them?`,
    );
    // No rule built for the DNAT (an abridged row), or a step that only follows from an earlier loss: nothing to add.
    expect(explain(s.scene, s.steps, [gone], {})).toEqual([gone]);
    const later: StepResult = { ...gone, reason: 'not seen: the packet went missing at step 6' };
    expect(explain(s.scene, s.steps, [later], { [dnat.index]: rule })).toEqual([later]);
  });
});

describe('verify match: a step that drops its packet', () => {
  const deny = checked('scenes/networkpolicy-deny.yaml');
  const syn = deny.steps.filter((s) => s.packet === 'syn');
  // Each step's frame where the scene shows it, as a kernel that agreed everywhere would capture it.
  const perfect = (skip: string[]): Captured => {
    const out: Captured = {};
    syn.forEach((s, i) => {
      // A device the kernel sent nothing on is still captured: an empty capture, not a missing one.
      out[s.at] ??= [];
      if (!skip.includes(s.at)) out[s.at]!.push({ ts: i * 10, headers: s.headers });
    });
    return out;
  };
  const others = Object.fromEntries(deny.scene.packets.filter((p) => p.id !== 'syn').map((p) => [p.id, 'not this test']));

  it('agrees when nothing of the flow reaches the step’s device, and says so', () => {
    const r = matchSteps(deny.scene, syn, perfect(['node2/cali7f8e9d0c1b2']), others);
    expect(r.map((x) => x.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(r[4]).toMatchObject({ notes: ['dropped: the kernel sent nothing of this flow out of node2/cali7f8e9d0c1b2'] });
  });

  it('fails with the frame the kernel sent on where the scene drops it', () => {
    const r = matchSteps(deny.scene, syn, perfect([]), others)[4]!;
    expect(r).toMatchObject({ status: 'differs', mismatches: [{ field: 'dropped', scene: 'dropped before node2/cali7f8e9d0c1b2' }] });
    expect(r.status === 'differs' && String(r.mismatches[0]!.kernel)).toMatch(/^sent on node2\/cali7f8e9d0c1b2: .*TCP 41562 > 8080 \[SYN\]/);
  });

  it('does not claim a drop on the device the packet arrived on: a capture there sees it come in either way', () => {
    const here = syn.map((s, i) => (i === 4 ? { ...s, from: s.at } : s));
    expect(matchSteps(deny.scene, here, perfect([]), others)[4]).toMatchObject({ status: 'not-verified', reason: expect.stringContaining('where it arrived') });
  });

  it('leaves a drop whose rule is not built unverified, and only that step', () => {
    const r = matchSteps(deny.scene, syn, perfect([]), others, { 4: 'the DROP is not built' });
    expect(r.map((x) => x.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'not-verified']);
  });
});
