// The compiled CLI (vite.cli.config.ts): bin/kubehop.js runs it only while it
// is up to date with the sources compiled into it, and compiled it says and
// does what the sources say and do — the same output, messages and exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledCli } from '../../bin/compiled.js';
import { main as sourceMain, type Io } from '../../src/cli/main.ts';
import { SCHEMA_PATH } from '../../src/cli/usage.ts';
import { SCHEMA_FILE } from '../../src/scene/json-schema.ts';

type Main = (argv: string[], io?: Io) => Promise<number>;

async function run(main: Main, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('which CLI bin/kubehop.js runs', () => {
  let root: string;
  const at = (file: string, seconds: number) => utimesSync(join(root, file), seconds, seconds);
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'kubehop-compiled-'));
    mkdirSync(join(root, 'dist/cli'), { recursive: true });
    mkdirSync(join(root, 'src/cli'), { recursive: true });
    for (const f of ['src/cli/main.ts', 'src/pipeline.ts', 'dist/cli/kubehop.js']) writeFileSync(join(root, f), '');
    writeFileSync(join(root, 'dist/cli/inputs.json'), JSON.stringify(['src/cli/main.ts', 'src/pipeline.ts']));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const entry = () => join(root, 'dist/cli/kubehop.js');

  it('the compiled one when no source in it is newer', () => {
    for (const f of ['src/cli/main.ts', 'src/pipeline.ts', 'dist/cli/kubehop.js']) at(f, 2_000_000_000);
    expect(compiledCli(root, {})).toBe(entry());
    at('src/pipeline.ts', 1_000);
    expect(compiledCli(root, {})).toBe(entry());
  });
  it('the sources once one of them is edited after the build', () => {
    at('dist/cli/kubehop.js', 2_000_000_000);
    at('src/pipeline.ts', 2_000_000_001);
    expect(compiledCli(root, {})).toBeUndefined();
    at('src/pipeline.ts', 1_000);
    expect(compiledCli(root, {})).toBe(entry());
  });
  it('the sources when one compiled in is gone, the list is missing, or KUBEHOP_CLI=source says so', () => {
    expect(compiledCli(root, { KUBEHOP_CLI: 'source' })).toBeUndefined();
    rmSync(join(root, 'src/pipeline.ts'));
    expect(compiledCli(root, {})).toBeUndefined();
    writeFileSync(join(root, 'src/pipeline.ts'), '');
    at('src/pipeline.ts', 1_000);
    rmSync(join(root, 'dist/cli/inputs.json'));
    expect(compiledCli(root, {})).toBeUndefined();
  });
  it('the sources when nothing is built (a fresh checkout)', () => {
    expect(compiledCli(join(root, 'src'), {})).toBeUndefined();
  });
  it('the compiled one in an installed package, whose files npm dates as it unpacks them', () => {
    const pkg = join(root, 'site/node_modules/kubehop');
    mkdirSync(join(pkg, 'dist/cli'), { recursive: true });
    mkdirSync(join(pkg, 'src'), { recursive: true });
    writeFileSync(join(pkg, 'dist/cli/kubehop.js'), '');
    writeFileSync(join(pkg, 'src/pipeline.ts'), '');
    utimesSync(join(pkg, 'dist/cli/kubehop.js'), 1_000, 1_000);
    expect(compiledCli(pkg, {})).toBe(join(pkg, 'dist/cli/kubehop.js'));
    expect(compiledCli(pkg, { KUBEHOP_CLI: 'source' })).toBeUndefined();
    rmSync(join(pkg, 'dist/cli/kubehop.js'));
    expect(compiledCli(pkg, {})).toBeUndefined();
  });
});

describe('the compiled CLI does what the sources do', () => {
  let out: string;
  let compiled: Main;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'kubehop-cli-build-'));
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '-c', 'vite.cli.config.ts', '--outDir', out, '--emptyOutDir'], { stdio: 'pipe' });
    ({ main: compiled } = (await import(pathToFileURL(join(out, 'kubehop.js')).href)) as { main: Main });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('lists the sources it compiled in, for bin/kubehop.js to compare', () => {
    const inputs = JSON.parse(readFileSync(join(out, 'inputs.json'), 'utf8')) as string[];
    expect(inputs).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/pipeline.ts', 'src/scene/schema.ts', 'src/cli/export.ts']));
    for (const f of inputs) expect(f).toMatch(/^src\//);
  });

  it.each([
    [['--version']],
    [['validate', 'scenes/same-node-bridge.yaml', 'tests/fixtures/broken/unknown-key.yaml']],
    [['validate', '--format', 'json', 'tests/fixtures/broken/dnat-nobody.yaml']],
    [['trace', 'scenes/nodeport.yaml', '--json']],
    [['trace', 'scenes/nodeport.yaml', '--jsn']],
    [['schema']],
    [['export', 'scenes/nodeport.yaml', '--format', 'svg', '--width=900', '--width', '800']],
    [['bundle', 'a.yaml', '-o']],
    [['--verbose']],
  ])('kubehop %j', async (args) => {
    const [a, b] = [await run(sourceMain, ...args), await run(compiled, ...args)];
    expect(b).toEqual(a);
  });

  it('finds its files from where the sources are: an SVG export draws', async () => {
    const svg = join(out, 'x.svg');
    const r = await run(compiled, 'export', 'scenes/nodeport.yaml', '--format', 'svg', '--step', '3', '-o', svg);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(readFileSync(svg, 'utf8')).toContain('Step 3 of 16');
  });

  it('prints the schema path without loading the schema, and it is the one schema --write writes', () => {
    expect(SCHEMA_PATH).toBe(SCHEMA_FILE);
  });
});
