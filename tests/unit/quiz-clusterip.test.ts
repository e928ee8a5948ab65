// Questions on clusterip-dnat checked by hand against its trace.
import { describe, expect, it } from 'vitest';
import { load } from './scene-facts-load.ts';
import { questionsByStep, quizPlan } from '../../src/quiz/generate.ts';
import type { Question } from '../../src/quiz/types.ts';

const { scene, steps } = load('clusterip-dnat');
const questions = questionsByStep(scene, steps);
const labels = (q: Question) => q.choices.map((c) => c.label);
const one = (step: number, id: string) => {
  const q = questions[step - 1]!.find((q) => q.id === `${step - 1}:${id}`);
  if (!q) throw new Error(`no question ${id} on step ${step}: ${questions[step - 1]!.map((q) => q.id).join(', ')}`);
  return q;
};

describe('clusterip-dnat questions', () => {
  it('asks at the DNAT (step 5) for the destination after it, with the ClusterIP and the node address among the wrong choices', () => {
    const q = one(5, 'field:1.dst');
    expect(q.prompt).toBe('After this step, what is the destination address?');
    expect(q.answer).toBe('10.244.2.5');
    expect(labels(q)).toContain('10.96.0.20');
    expect(labels(q)).toContain('192.168.1.11'); // node 2, pod C's node
    expect(quizPlan(questions).get(4)).toBe(q);
    expect(q.explanation).toMatch(/^KUBE-SEP DNATs the destination to 10\.244\.2\.5:8080/);
  });

  it('asks for the port after the DNAT, the Service port among the wrong choices', () => {
    const q = one(5, 'field:2.dport');
    expect(q.answer).toBe('8080');
    expect(labels(q).sort()).toEqual(['40312', '80', '8080']);
  });

  it('asks which KUBE-SEP row DNATs, the other endpoint among the choices', () => {
    const q = one(5, 'row:node1/nat');
    expect(q.answer).toBe('sep-c');
    expect(q.choices.map((c) => c.id)).toContain('sep-b');
    expect(questions[4]!.some((q) => q.id.includes('conntrack'))).toBe(false); // added by this step: nothing to read before
  });

  it('skips the step where KUBE-SVC picks (in place, two rows lit, nothing changes)', () => {
    expect(questions[3]).toEqual([]);
  });

  it('asks at node 1\'s route for the routing row, the TTL before it among the wrong choices, and whether it is tunnelled (no)', () => {
    expect(one(6, 'row:node1/routes').answer).toBe('node2');
    const ttl = one(6, 'field:1.ttl');
    expect(ttl.answer).toBe('63');
    expect(labels(ttl)).toContain('64');
    expect(one(6, 'tunnel').answer).toBe('none');
  });

  it('asks where the SYN goes from node 1\'s eth0, over the wire to node 2', () => {
    const q = one(7, 'next');
    expect(q.prompt).toBe('The packet is at node1/eth0. Where does it go next?');
    expect(q.answer).toBe('node2/eth0');
    expect(q.choices.map((c) => c.id)).toContain('node1/cni0');
  });

  it('asks at the un-DNAT for the reply\'s source, pod C\'s address among the wrong choices', () => {
    const q = one(16, 'field:1.src');
    expect(q.answer).toBe('10.96.0.20');
    expect(labels(q)).toContain('10.244.2.5');
  });
});
