// Tables over time, derived: the rows each step shows, what it did to them,
// which are lit; and the validation that keeps a scene from contradicting itself.
import { describe, expect, it } from 'vitest';
import { checkScene } from '../../src/pipeline.ts';

const scene = (steps: string, rows = `
          - { id: a, text: entry a, initially: absent }
          - { id: b, text: entry b }`) => `apiVersion: kubehop/v1
kind: Scene
id: t
title: T
summary: S.
elements:
  - kind: node
    name: n
    contains:
      - { kind: device, name: eth0, type: nic, ip: 192.168.1.10/24, mac: 52:54:00:00:01:10 }
      - kind: table
        name: ct
        type: conntrack
        rows:${rows}
packets:
  - id: p
    origin: n/eth0
    headers:
      - eth: { src: n/eth0, dst: n/eth0 }
steps:
${steps}
`;

const step = (extra: string) => `  - { packet: p, at: n/eth0, caption: x${extra ? `, ${extra}` : ''} }`;

describe('derive: table state per step', () => {
  it('adds, changes, removes and adds again, marking each step and the lit row', () => {
    const steps = [
      step(''),
      step('rows: [{ add: n/ct#a }], highlight: [n/ct#a]'),
      step('rows: [{ change: n/ct#a, text: "entry a, longer now" }]'),
      step(''),
      step('rows: [{ remove: n/ct#a }]'),
      step(''),
      step('rows: [{ add: n/ct#a }]'),
    ];
    const r = checkScene(scene(steps.join('\n')), 't.yaml');
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    const shown = r.steps.map((s) => s.tables!['n/ct']!.map((row) => `${row.id}:${row.state}${row.lit ? '*' : ''}:v${row.version}`));
    expect(shown).toEqual([
      ['b:present:v0'],
      ['a:new*:v0', 'b:present:v0'],
      ['a:changed:v1', 'b:present:v0'],
      ['a:present:v1', 'b:present:v0'],
      ['a:removed:v1', 'b:present:v0'],
      ['b:present:v0'],
      // Added again, it comes back with the text it last had.
      ['a:new:v1', 'b:present:v0'],
    ]);
    expect(r.steps[2]!.tables!['n/ct']![0]).toMatchObject({ text: 'entry a, longer now', was: 'entry a' });
    // The layout sizes the row for each text it will show.
    expect(r.scene.elements['n/ct']!.rows![0]!.later).toEqual(['entry a, longer now']);
    expect(r.scene.elements['n/ct']!.live).toBe(true);
  });

  it('a table no step touches is not live and shows every row at every step', () => {
    const r = checkScene(scene([step(''), step('highlight: [n/ct#b]')].join('\n'), `
          - { id: b, text: entry b }`), 't.yaml');
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    expect(r.scene.elements['n/ct']!.live).toBeUndefined();
    expect(r.steps.map((s) => s.tables!['n/ct']!.map((row) => row.state))).toEqual([['present'], ['present']]);
    expect(r.steps[1]!.tables!['n/ct']![0]!.lit).toBe(true);
  });

  it('refuses a highlight of a row not in the table at that step, with where it went', () => {
    const r = checkScene(scene([step('rows: [{ add: n/ct#a }]'), step('rows: [{ remove: n/ct#a }]'), step('highlight: [n/ct#a]')].join('\n')), 't.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`)).toEqual([
      "25:54: highlight names row 'n/ct#a', which is not in the table at step 3: step 2 (line 24) removed it",
    ]);
  });

  it('lets a step light the row it removes (it is drawn struck through)', () => {
    const r = checkScene(scene([step('rows: [{ add: n/ct#a }]'), step('rows: [{ remove: n/ct#a }], highlight: [n/ct#a]')].join('\n')), 't.yaml');
    expect(r.ok).toBe(true);
  });
});
