// A step's own questions (quiz:): checked where they are written, carried by
// the scene model, and asked first by predict mode.
import { describe, expect, it } from 'vitest';
import { checkScene } from '../../src/pipeline.ts';
import { load } from './scene-facts-load.ts';
import { questionsByStep, quizPlan } from '../../src/quiz/generate.ts';
import { authoredQuestions } from '../../src/quiz/authored.ts';

const HEAD = `apiVersion: kubehop/v1
kind: Scene
id: example
title: Example
summary: One packet, two steps.
elements:
  - { kind: node, name: node1, ip: 10.0.0.1 }
  - { kind: node, name: node2, ip: 10.0.0.2 }
links:
  - { kind: wire, between: [node1, node2] }
packets:
  - { id: p, origin: node1, headers: [ipv4: { src: 10.0.0.1, dst: 10.0.0.2 }] }
steps:
  - { packet: p, at: node1, caption: Here. }
  - packet: p
    to: node2
    caption: There.
`;

const withQuiz = (quiz: string) => checkScene(HEAD + '    quiz:\n' + quiz, 'example.yaml');
// The bare wire draws a warning (no Ethernet header), which these tests are not about.
const errors = (quiz: string) => withQuiz(quiz).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`);

describe('quiz: in a scene file', () => {
  it('is carried on the step, trimmed, with its explanation', () => {
    const r = withQuiz(`      - question: " Where to? "
        choices: [node2, node1]
        answer: node2
        explanation: Along the wire.
`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!r.ok) throw new Error('not ok');
    expect(r.scene.steps[1]!.quiz).toEqual([{ question: 'Where to?', choices: ['node2', 'node1'], answer: 'node2', explanation: 'Along the wire.' }]);
    expect(r.scene.steps[0]!.quiz).toBeUndefined();
  });

  it('refuses an answer that is not a choice, at the answer, with the closest choice', () => {
    expect(errors(`      - { question: Where to?, choices: [node2, node1], answer: node3 }
`)).toEqual(["19:65 KH4301 the answer 'node3' is not one of the choices (did you mean 'node2'?); expected one of: 'node2', 'node1' (written the same)"]);
  });

  it('refuses a choice offered twice, at the second one', () => {
    expect(errors(`      - question: Where to?
        choices: [node2, node1, " node2"]
        answer: node2
`)).toEqual(["20:33 KH4302 the choice 'node2' is already choice 1: a question offers each answer once"]);
  });

  it('refuses fewer than 2 or more than 4 choices, and a missing answer, by the schema', () => {
    expect(errors(`      - { question: Where to?, choices: [node2], answer: node2 }
`)).toEqual(["19:41 KH2012 'choices' of question 1 of step 2 must be at least 2 item(s)"]);
    expect(errors(`      - { question: Where to?, choices: [a, b, c, d, e], answer: a }
`)).toEqual(["19:41 KH2012 'choices' of question 1 of step 2 must be at most 4 item(s)"]);
    expect(errors(`      - { question: Where to?, choices: [a, b] }
`)).toEqual(['19:9 KH2009 missing \'answer\' of question 1 of step 2 (expected string)']);
  });

  it('is asked first at its step, with the written explanation, and its choices are the written ones', () => {
    const r = withQuiz(`      - { question: Where to?, choices: [node2, node1, the moon], answer: node2 }
`);
    if (!r.ok) throw new Error('not ok');
    const asked = quizPlan(questionsByStep(r.scene, r.steps)).get(1)!;
    expect(asked.kind).toBe('authored');
    expect(asked.id).toBe('1:authored:0');
    expect(asked.answer).toBe('node2');
    expect(asked.choices.map((c) => c.label).sort()).toEqual(['node1', 'node2', 'the moon']);
    expect(asked.explanation).toBe('There.');
  });

  it('leaves out a question from an unchecked bundle whose answer is not a choice', () => {
    const { steps } = load('clusterip-dnat');
    expect(authoredQuestions('x', steps[1]!, [{ question: 'Q?', choices: ['a', 'b'], answer: 'c' }])).toEqual([]);
    expect(authoredQuestions('x', steps[1]!, [{ question: 'Q?', choices: ['a', 'a'], answer: 'a' }])).toEqual([]);
  });
});

describe('clusterip-dnat: the question no generator can ask', () => {
  const { scene, steps } = load('clusterip-dnat');
  const last = steps.length - 1;
  it('asks, before the SYN,ACK reaches pod A, why its source was rewritten back to the ClusterIP', () => {
    const q = quizPlan(questionsByStep(scene, steps)).get(last)!;
    expect(q.kind).toBe('authored');
    expect(q.prompt).toMatch(/rewrite the SYN,ACK's source back to 10\.96\.0\.20:80/);
    expect(q.choices).toHaveLength(4);
    expect(q.choices.find((c) => c.id === q.answer)!.label).toMatch(/RST/);
    expect(q.explanation).toMatch(/conntrack remembers the DNAT/);
  });

  it('keeps the generated question at the un-DNAT step: the source address after it', () => {
    const undnat = steps.findIndex((s) => s.ops.includes('undnat'));
    expect(quizPlan(questionsByStep(scene, steps)).get(undnat)?.answer).toBe('10.96.0.20');
  });
});
