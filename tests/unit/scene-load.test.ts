import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { loadScene } from '../../src/scene/load.ts';
import { checkScene } from '../../src/pipeline.ts';
import { formatDiagnostic } from '../../src/scene/diagnostic.ts';

const read = (f: string) => readFileSync(f, 'utf8');

describe('loadScene', () => {
  it('resolves qualified ids, labels, rows and addresses of the same-node scene', () => {
    const r = loadScene(read('scenes/same-node-bridge.yaml'), 'scenes/same-node-bridge.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { elements } = r.scene;
    expect(elements['pod-a/eth0']).toMatchObject({ kind: 'device', parent: 'pod-a', mac: '0a:58:0a:f4:01:02', row: 0 });
    expect(elements['node1/cni0']).toMatchObject({ type: 'bridge', row: 2, label: ['cni0 (bridge)', '10.244.1.1/24'] });
    expect(elements['node1/fdb']).toMatchObject({ kind: 'table', beside: 'node1/cni0', row: 2 });
    expect(elements['pod-a']!.label).toEqual(['pod-a 10.244.1.2']);
    expect(r.scene.roots).toEqual(['node1']);
    // Header references are resolved to the owner's address, written once on the element.
    expect(r.scene.packets[1]!.headers[1]).toEqual({ layer: 'ipv4', src: '10.244.1.2', dst: '10.244.1.3', ttl: 64 });
    expect(r.scene.steps[1]).toMatchObject({ from: 'pod-a/eth0', at: 'node1/veth3a9f', link: 'pod-a/eth0--node1/veth3a9f' });
    expect(r.scene.steps[7]!.highlight).toEqual([
      { table: 'node1/fdb', row: 'pod-a', type: 'fdb' },
      { table: 'node1/fdb', row: 'pod-b', type: 'fdb' },
    ]);
    // Learned entries start absent and are added where the bridge learns them.
    expect(elements['node1/fdb']!.rows!.map((row) => row.absent)).toEqual([true, true]);
    expect(elements['node1/fdb']!.live).toBe(true);
    expect(r.scene.steps[2]!.rows).toEqual([{ op: 'add', table: 'node1/fdb', row: 'pod-a' }]);
  });

  it('positions point at the line and column of the step', () => {
    const text = read('scenes/same-node-bridge.yaml');
    const r = loadScene(text, 'x.yaml');
    if (!r.ok) throw new Error('expected ok');
    const step = r.scene.steps[5]!;
    const line = text.split('\n')[step.pos.line - 1]!;
    expect(line.slice(step.pos.col - 1)).toMatch(/^packet: arp/);
  });
  // The limits (file size, nesting, aliases, counts) are tested in limits.test.ts.
});

describe('YAML mistakes authors make: the message names the fix', () => {
  const dir = 'tests/fixtures/yaml-mistakes';
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  it('covers the usual slips', () => {
    expect(files.map((f) => f.replace(/\.yaml$/, ''))).toEqual(
      expect.arrayContaining(['over-indented-key', 'tab-indent', 'missing-colon', 'missing-space-after-colon', 'unclosed-quote', 'unclosed-bracket', 'list-item-wrong-level', 'duplicate-key']),
    );
  });
  for (const f of files) {
    it(`${f}: one diagnostic, with its hint`, () => {
      const file = `${dir}/${f}`;
      const got = checkScene(read(file), file).diagnostics.map(formatDiagnostic);
      expect(got).toEqual([read(file.replace(/\.yaml$/, '.expected')).trimEnd()]);
      expect(got[0]).toMatch(/ — /);
    });
  }
  it('over-indentation is told to align the key, not to add quotes', () => {
    const got = checkScene(read(`${dir}/over-indented-key.yaml`), 'x.yaml').diagnostics[0]!.message;
    expect(got).toContain("align it with its siblings");
    expect(got).not.toContain('quotes');
  });
});

describe('broken scenes', () => {
  const dir = 'tests/fixtures/broken';
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  it('has a fixture for each kind of mistake the issue names', () => {
    expect(files).toEqual(expect.arrayContaining(['unknown-key.yaml', 'link-missing-element.yaml', 'hop-without-link.yaml', 'wrong-types.yaml', 'duplicate-id.yaml']));
  });

  for (const f of files) {
    it(`${f}: reports exactly the expected diagnostics`, () => {
      const file = `${dir}/${f}`;
      const got = checkScene(read(file), file).diagnostics.map(formatDiagnostic);
      const expected = read(file.replace(/\.yaml$/, '.expected')).trimEnd().split('\n');
      expect(got).toEqual(expected);
    });
  }

  it('names the file, line and column, and suggests the key that was meant', () => {
    const d = checkScene(read(`${dir}/unknown-key.yaml`), 'u.yaml').diagnostics.map(formatDiagnostic);
    expect(d).toContain("u.yaml:4:1: error KH2001: unknown key 'titel' in the scene (did you mean 'title'?); expected one of: apiVersion, kind, id, title, summary, topic, order, elements, links, packets, steps");
    expect(d.some((l) => /^u\.yaml:20:25: error KH2001: unknown key 'nmae' .*did you mean 'name'/.test(l))).toBe(true);
  });

  it('reports every problem of a file, not just the first', () => {
    const d = checkScene(read(`${dir}/several.yaml`), 's.yaml').diagnostics;
    expect(d.length).toBeGreaterThanOrEqual(3);
    expect(new Set(d.map((x) => x.line)).size).toBe(d.length);
  });

  it('the valid mini scene has no diagnostics (the fixtures break it on purpose)', () => {
    expect(checkScene(read('tests/fixtures/valid/mini.yaml'), 'mini.yaml').diagnostics).toEqual([]);
  });
});
