import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { CompletionContext } from '@codemirror/autocomplete';
import { vocabulary } from '../../src/app/editor/vocabulary.ts';
import { options, sceneCompletion, slotAt } from '../../src/app/editor/completion.ts';
import { idsOf } from '../../src/app/editor/ids.ts';
import { checkScene } from '../../src/pipeline.ts';
import { TEMPLATES } from '../../src/app/editor/templates.ts';
import { deviceTypes, linkKinds, opSchemas, headerSchemas } from '../../src/scene/schema.ts';

describe('completion vocabulary (from the schema)', () => {
  const v = vocabulary();
  it('has every key of the scene file, its ops and its headers', () => {
    for (const k of ['apiVersion', 'elements', 'links', 'packets', 'steps', 'kind', 'name', 'contains', 'between', 'highlight', 'caption', 'notes', 'origin', 'headers', 'beside', 'rows']) {
      expect(v.keys, k).toContain(k);
    }
    for (const k of [...Object.keys(opSchemas), ...Object.keys(headerSchemas), 'vni', 'dport', 'sport', 'qname']) expect(v.keys, k).toContain(k);
  });
  it('knows the fixed values of kind and type', () => {
    for (const k of ['node', 'pod', 'device', 'table', 'service', 'Scene', ...linkKinds]) expect(v.values.get('kind'), k).toContain(k);
    for (const t of deviceTypes) expect(v.values.get('type'), t).toContain(t);
    expect(v.values.get('apiVersion')).toEqual(['kubehop/v1']);
  });
});

describe('completion slots', () => {
  it('tells keys from values', () => {
    expect(slotAt('  - kind: no')).toEqual({ kind: 'value', key: 'kind', word: 'no' });
    expect(slotAt('    to: pod-a/')).toEqual({ kind: 'value', key: 'to', word: 'pod-a/' });
    expect(slotAt('  - { kind: veth, between: [pod-a/eth0, node1/v')).toEqual({ kind: 'value', key: 'between', word: 'node1/v' });
    expect(slotAt('      - eth: { src: pod-a/eth0, dst: po')).toEqual({ kind: 'value', key: 'dst', word: 'po' });
    expect(slotAt('    high')).toEqual({ kind: 'key', word: 'high' });
    expect(slotAt('  - pack')).toEqual({ kind: 'key', word: 'pack' });
    expect(slotAt('      - { kind: device, na')).toEqual({ kind: 'key', word: 'na' });
  });

  it('offers element ids, table rows and packets from the scene and the text', () => {
    const text = TEMPLATES[0]!.text;
    const r = checkScene(text, 'one-node.yaml');
    if (!r.ok) throw new Error('template does not build');
    const ids = idsOf(text + '\n      - kind: pod\n        name: pod-new\n', r.scene);
    expect(ids.elements).toEqual(expect.arrayContaining(['node1', 'pod-a', 'pod-a/eth0', 'node1/cni0', 'pod-new']));
    expect(ids.rows).toEqual(['node1/fdb#pod-a', 'node1/fdb#pod-b']);
    expect(ids.packets).toEqual(['ping']);
    const labels = (b: string) => options(slotAt(b), vocabulary(), ids).map((o) => o.label);
    expect(labels('    to: ')).toContain('node1/veth-a');
    expect(labels('    highlight: [')).toContain('node1/fdb#pod-b');
    expect(labels('  - packet: ')).toEqual(['ping']);
    expect(labels('        type: ')).toContain('vxlan');
  });

  it("offers a reject's answer as a packet the later steps can name", () => {
    const ids = idsOf('    ops: [{ reject: { answer: refused } }]\n');
    expect(ids.packets).toEqual(['refused']);
  });

  it('the CodeMirror source completes a key at the cursor as `key: `', () => {
    const doc = 'steps:\n  - packet: ping\n    highl';
    const state = EditorState.create({ doc });
    const source = sceneCompletion(vocabulary, () => idsOf(doc));
    const r = source(new CompletionContext(state, doc.length, false));
    expect(r).not.toBeNull();
    const res = r as Exclude<typeof r, null | Promise<unknown>>;
    expect(res.from).toBe(doc.length - 'highl'.length);
    expect(res.options.find((o) => o.label === 'highlight')?.apply).toBe('highlight: ');
  });
});
