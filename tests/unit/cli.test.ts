import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main.ts';
import { sceneJsonSchema, SCHEMA_FILE } from '../../src/scene/json-schema.ts';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kubehop validate', () => {
  it('exits 0 and says ok for every bundled scene', async () => {
    const files = readdirSync('scenes').map((f) => `scenes/${f}`);
    const r = await cli('validate', ...files);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toHaveLength(files.length);
  });

  it('exits 1 with every diagnostic of every file, as file:line:col', async () => {
    const r = await cli('validate', 'tests/fixtures/broken/unknown-key.yaml', 'tests/fixtures/broken/wrong-types.yaml');
    expect(r.code).toBe(1);
    const lines = r.err.split('\n');
    expect(lines.filter((l) => l.startsWith('tests/fixtures/broken/unknown-key.yaml:'))).toHaveLength(4);
    expect(lines.filter((l) => l.startsWith('tests/fixtures/broken/wrong-types.yaml:'))).toHaveLength(4);
    for (const l of lines) expect(l).toMatch(/^[^:]+:\d+:\d+: /);
  });

  it('reports a missing file without a stack trace', async () => {
    const r = await cli('validate', 'nope.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toBe('nope.yaml: cannot read the file (no such file)');
  });
});

describe('kubehop trace', () => {
  it('--json prints the trace in the shape the README gives', async () => {
    const r = await cli('trace', 'scenes/same-node-bridge.yaml', '--json');
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    expect(t.scene).toBe('same-node-bridge');
    expect(Object.keys(t.steps[0])).toEqual(['index', 'packet', 'at', 'ops', 'caption', 'headers', 'tables']);
    expect(t.steps[12]).toMatchObject({ index: 12, packet: 'ping', at: 'node1/cni0', ops: ['bridge'] });
    // Each table's rows as shown at the step, and which are lit: the FDB learns pod A at step 3, pod B at step 8.
    expect(t.steps[0].tables['node1/fdb']).toEqual([]);
    expect(t.steps[2].tables['node1/fdb']).toEqual([{ id: 'pod-a', text: '0a:58:0a:f4:01:02 dev veth3a9f master cni0', state: 'new', lit: true }]);
    expect(t.steps[12].tables['node1/fdb'].map((r: { id: string; state: string; lit: boolean }) => [r.id, r.state, r.lit])).toEqual([
      ['pod-a', 'present', false],
      ['pod-b', 'present', true],
    ]);
  });

  it('prints one tcpdump-like line per step', async () => {
    const r = await cli('trace', 'scenes/same-node-bridge.yaml');
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[12]).toMatch(/^ +13 +ping +node1\/cni0 +\[bridge\] +eth 0a:58:0a:f4:01:02 > 0a:58:0a:f4:01:03 \| IP 10\.244\.1\.2 > 10\.244\.1\.3 ttl 64 \| ICMP echo-request$/);
  });

  it('refuses a broken scene with its diagnostics and exit 1', async () => {
    const r = await cli('trace', 'tests/fixtures/broken/hop-without-link.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/hop-without-link\.yaml:35:25: error KH4004: no link between/);
  });
});

describe('usage', () => {
  it('no command: usage on stderr, exit 2; --help: usage on stdout, exit 0', async () => {
    expect(await cli()).toMatchObject({ code: 2, err: expect.stringContaining('usage: kubehop') });
    expect(await cli('--help')).toMatchObject({ code: 0, out: expect.stringContaining('validate <scene.yaml>') });
  });
  it('unknown commands and options are named', async () => {
    expect((await cli('valdate', 'x')).err).toMatch(/^kubehop: unknown command 'valdate'/);
    expect((await cli('trace', 'x.yaml', '--jsn')).err).toMatch(/^kubehop: unknown option '--jsn' for 'trace'/);
  });
  it('every command reads its options the conventional way (node:util parseArgs): = or a space, -- before a file named like an option', async () => {
    expect(await cli('validate', '--format=json', '--', '-draft.yaml')).toMatchObject({ code: 1, out: expect.stringContaining('"file": "-draft.yaml"') });
    expect(await cli('validate', '-draft.yaml')).toMatchObject({ code: 2, err: expect.stringMatching(/^kubehop: unknown option '-d' for 'validate' \(for a file named '-draft\.yaml', put -- before it\)/) });
    expect(await cli('validate', 'x.yaml', '--format')).toMatchObject({ code: 2, err: expect.stringMatching(/^kubehop: '--format' needs a value\n\nusage: kubehop validate/) });
    expect(await cli('validate', 'x.yaml', '--format', '--help')).toMatchObject({ code: 2, err: expect.stringMatching(/^kubehop: '--format' needs a value/) });
    expect(await cli('validate', 'x.yaml', '--format', 'json', '--format', 'text')).toMatchObject({ code: 2, err: expect.stringMatching(/^kubehop: '--format' is given twice/) });
    expect(await cli('trace', 'x.yaml', '--json=yes')).toMatchObject({ code: 2, err: expect.stringMatching(/^kubehop: '--json' takes no value\n\nusage: kubehop trace/) });
    expect(await cli('schema', '--writ')).toMatchObject({ code: 2, err: expect.stringMatching(/^kubehop: unknown option '--writ' for 'schema'/) });
  });
  it('options before the command: --help, --version, and nothing else', async () => {
    expect(await cli('-h')).toMatchObject({ code: 0, out: expect.stringMatching(/^usage: kubehop <command>/) });
    expect(await cli('--verbose')).toMatchObject({ code: 2, err: expect.stringMatching(/^kubehop: unknown option '--verbose' for 'kubehop'\n\nusage: kubehop <command>/) });
    expect(await cli('--version', 'validate')).toMatchObject({ code: 2, err: expect.stringMatching(/^kubehop: put the command first: kubehop validate --version/) });
  });
  it('the installed bin runs the CLI (npx kubehop)', () => {
    const out = execFileSync('node', ['bin/kubehop.js', 'validate', 'scenes/same-node-bridge.yaml'], { encoding: 'utf8' });
    expect(out).toMatch(/same-node-bridge\.yaml: ok \(20 steps\)/);
    const bad = spawnSync('node', ['bin/kubehop.js', 'validate', 'tests/fixtures/broken/duplicate-id.yaml'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);
});

describe('every command has its own --help', () => {
  it.each([
    ['validate', /^usage: kubehop validate <scene\.yaml>\.\.\./],
    ['trace', /^usage: kubehop trace <scene\.yaml> \[--json\]/],
    ['schema', /^usage: kubehop schema \[--write\]/],
    ['export', /^usage: kubehop export <scene\.yaml> --format/],
    ['bundle', /^usage: kubehop bundle <scene\.yaml>\.\.\. -o <dir>/],
  ])('%s --help: its usage and the exit codes on stdout, exit 0', async (cmd, usage) => {
    for (const flag of ['--help', '-h']) {
      const r = await cli(cmd, flag);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out).toMatch(usage);
      expect(r.out).toContain('exit codes:');
    }
  });
  it("a command's usage error shows that command's usage", async () => {
    const r = await cli('trace');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^kubehop: trace needs exactly one scene file\n\nusage: kubehop trace /);
  });
  it('the README documents the exit codes the CLI prints', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Command line'), readme.indexOf('\n## ', readme.indexOf('## Command line') + 1));
    for (const code of ['0', '1', '2']) expect(section).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
  });
});

describe('output piped into a reader that leaves early', () => {
  // Start-up takes far longer than closing the pipe, so every write the CLI makes meets a closed pipe (EPIPE).
  it('ends quietly: exit 0, nothing on stderr', async () => {
    const child = spawn('node', ['bin/kubehop.js', 'trace', 'scenes/nodeport.yaml'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 60_000);
  it("keeps the command's own exit code: validate of a broken scene still exits 1 when stderr's reader is gone", async () => {
    const child = spawn('node', ['bin/kubehop.js', 'validate', 'tests/fixtures/broken/unknown-key.yaml'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.destroy();
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(out).toBe('');
    expect(code).toBe(1);
  }, 60_000);
  it('`kubehop trace … | head -1` prints one line and no stack trace', () => {
    // In the first pipeline head has its line before node starts, so every write of the CLI meets EPIPE; the second is the usual case.
    const script = '(echo first; node bin/kubehop.js trace scenes/nodeport.yaml) | head -1; node bin/kubehop.js trace scenes/nodeport.yaml | head -1';
    const r = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual(['first', expect.stringMatching(/^ +1 +syn +client /), '']);
  }, 60_000);
});

describe('JSON Schema', () => {
  it('the committed schema is the one generated from the types (run `npx kubehop schema --write` after a change)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(sceneJsonSchema());
  });
  it('is draft-7 and knows the scene keys', () => {
    const s = JSON.parse(sceneJsonSchema());
    expect(s.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['apiVersion', 'elements', 'links', 'packets', 'steps']));
  });
  it('every bundled scene starts with the yaml-language-server modeline pointing at it', () => {
    for (const f of readdirSync('scenes')) {
      expect(readFileSync(`scenes/${f}`, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../static/kubehop-scene.schema.json');
    }
  });
});

describe('kubehop --version', () => {
  it("prints the package's version and exits 0", async () => {
    const out: string[] = [];
    const code = await main(['--version'], { out: (s) => out.push(s), err: () => {} });
    expect(code).toBe(0);
    expect(out).toEqual([JSON.parse(readFileSync('package.json', 'utf8')).version]);
  });
});

describe('kubehop validate --format json', () => {
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['validate', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err };
  };
  it('prints one JSON document: each file, its steps or its diagnostics with their places', async () => {
    const r = await run('--format', 'json', 'scenes/same-node-bridge.yaml', 'tests/fixtures/broken/dnat-nobody.yaml', 'tests/fixtures/broken/no-such-file.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toEqual([]);
    const { files } = JSON.parse(r.out) as { files: { file: string; ok: boolean; steps?: number; error?: string; diagnostics: { line: number; severity: string; code: string; message: string }[] }[] };
    expect(files.map((f) => [f.file, f.ok])).toEqual([
      ['scenes/same-node-bridge.yaml', true],
      ['tests/fixtures/broken/dnat-nobody.yaml', false],
      ['tests/fixtures/broken/no-such-file.yaml', false],
    ]);
    expect(files[0]!.steps).toBeGreaterThan(0);
    const expected = readFileSync('tests/fixtures/broken/dnat-nobody.expected', 'utf8').trimEnd().split('\n');
    expect(files[1]!.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`)).toEqual(expected.map((l) => l.replace(/^[^:]+:\d+:\d+: /, '')));
    expect(files[2]!.error).toContain('no such file');
  });
  it('exits 0 when every file is good, 2 for a format it does not know', async () => {
    expect((await run('--format=json', 'scenes/nodeport.yaml')).code).toBe(0);
    const bad = await run('--format', 'xml', 'scenes/nodeport.yaml');
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toContain("--format must be text or json, not 'xml'");
  });
});
