// `kubehop bundle`: a folder a static site can serve, the same bytes every
// time, nothing of the author's machine inside, and the HTML to paste.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { bundleCommand } from '../../src/cli/bundle.ts';
import { parseBundleArgs } from '../../src/cli/bundle-args.ts';
import { sceneSnippet } from '../../src/cli/snippet.ts';
import { checkBundle } from '../../src/embed/bundle-check.ts';

/** An Io for the CLI that keeps what it was told. */
const io = (): { out: string[]; err: string[]; io: { out: (s: string) => void; err: (s: string) => void } } => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s) => out.push(s), err: (s) => err.push(s) } };
};

async function cli(...args: string[]) {
  const r = io();
  const code = await main(args, r.io);
  return { code, out: r.out.join('\n'), err: r.err.join('\n') };
}

/** Every file under `dir`, relative path → bytes. */
function files(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of readdirSync(dir).sort()) {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) for (const [k, v] of files(path, `${prefix}${f}/`)) out.set(k, v);
    else out.set(`${prefix}${f}`, readFileSync(path));
  }
  return out;
}

// The scene sits in a random folder under /tmp, as an author's draft would sit in their home.
let dir: string;
let scene: string;
const MINI = readFileSync('tests/fixtures/valid/mini.yaml', 'utf8');
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubehop-bundle-'));
  mkdirSync(join(dir, 'drafts'));
  scene = join(dir, 'drafts', 'mini.yaml');
  writeFileSync(scene, MINI);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kubehop bundle', () => {
  it('writes the bundle and the still, with no path of this machine in them, and the same bytes twice', async () => {
    const a = await cli('bundle', scene, '-o', join(dir, 'a'));
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    const b = await cli('bundle', scene, '--output', join(dir, 'b'));
    expect(b.code).toBe(0);
    const first = files(join(dir, 'a'));
    expect([...first.keys()]).toEqual(['scenes/mini.json', 'scenes/mini.svg']);
    expect(files(join(dir, 'b'))).toEqual(first);
    for (const [name, bytes] of first) {
      const text = bytes.toString('utf8');
      expect(text, name).not.toContain(tmpdir());
      expect(text, name).not.toContain('/tmp');
      expect(text, name).not.toContain('drafts');
      expect(text, name).not.toContain(resolve('.'));
    }
    const bundle = JSON.parse(first.get('scenes/mini.json')!.toString('utf8'));
    expect(bundle.file).toBe('mini.yaml');
    // Positions in the YAML are for the author's diagnostics, not for readers.
    expect(first.get('scenes/mini.json')!.toString('utf8')).not.toContain('"pos"');
    // What the element will do with it.
    const checked = checkBundle(bundle, 'mini.json');
    expect(checked.ok).toBe(true);
    expect(first.get('scenes/mini.svg')!.toString('utf8')).toMatch(/^<\?xml[^]*<svg [^>]*width="\d+"/);
  }, 60_000);

  it('prints the script tag once and, per scene, the element with its still and the diagram size', async () => {
    const r = await cli('bundle', scene, '-o', join(dir, 'site', 'kubehop'));
    expect(r.code).toBe(0);
    const bundle = JSON.parse(readFileSync(join(dir, 'site', 'kubehop', 'scenes', 'mini.json'), 'utf8'));
    const { width, height } = bundle.geometry;
    expect(r.out).toContain('<script type="module" src="/kubehop/kubehop.js"></script>');
    expect(r.out).toContain(`<kubehop-scene src="/kubehop/scenes/mini.json" controls width="${Math.round(width)}" height="${Math.round(height)}">`);
    expect(r.out).toContain(`<img src="/kubehop/scenes/mini.svg" alt="Mini: Two pods on one bridge." width="${Math.round(width)}" height="${Math.round(height)}">`);
    expect(r.out).toContain('add --runtime');
    const based = await cli('bundle', scene, '-o', join(dir, 'site', 'kubehop'), '--base', 'https://cdn.example/k');
    expect(based.out).toContain('src="https://cdn.example/k/scenes/mini.json"');
  }, 60_000);

  it('--runtime copies the element and the iframe page beside the scenes', async () => {
    const runtime = join(dir, 'built');
    mkdirSync(runtime, { recursive: true });
    writeFileSync(join(runtime, 'kubehop.js'), 'export {};\n');
    writeFileSync(join(runtime, 'index.html'), '<!doctype html>\n');
    const r = io();
    expect(await bundleCommand([scene, '-o', join(dir, 'rt'), '--runtime'], r.io, runtime)).toBe(0);
    expect([...files(join(dir, 'rt')).keys()]).toEqual(['index.html', 'kubehop.js', 'scenes/mini.json', 'scenes/mini.svg']);
    expect(r.out.join('\n')).not.toContain('add --runtime');
  }, 60_000);

  it('--runtime without a build says what to run, and writes nothing', async () => {
    const r = io();
    expect(await bundleCommand([scene, '-o', join(dir, 'nort'), '--runtime'], r.io, join(dir, 'nowhere'))).toBe(1);
    expect(r.err.join('\n')).toMatch(/the element is not built .*run `npm run build`/);
    expect(existsSync(join(dir, 'nort'))).toBe(false);
  });

  it('a broken scene: its problems at the path given, exit 1, and nothing written', async () => {
    const broken = join(dir, 'drafts', 'broken.yaml');
    writeFileSync(broken, MINI.replace('to: node1/cni0', 'to: node1/cni9'));
    const r = await cli('bundle', scene, broken, '-o', join(dir, 'broken-out'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${broken}:`);
    expect(r.err).toMatch(/nothing written/);
    expect(existsSync(join(dir, 'broken-out'))).toBe(false);
  }, 60_000);

  it('--help prints its own usage', async () => {
    const r = await cli('bundle', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: kubehop bundle <scene\.yaml>\.\.\. -o <dir>/);
    expect(r.out).toContain('--runtime');
    expect(r.out).toContain('exit codes:');
  });
});

describe('kubehop export publishes no path of this machine either', () => {
  it('html and svg name the scene file by its base name; the author still sees the path given', async () => {
    for (const format of ['html', 'svg']) {
      const out = join(dir, `export.${format}`);
      const r = await cli('export', scene, '--format', format, '-o', out);
      expect(r.code, r.err).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text, format).not.toContain('/tmp');
      expect(text, format).not.toContain(tmpdir());
      expect(text, format).not.toContain('drafts');
    }
    const html = readFileSync(join(dir, 'export.html'), 'utf8');
    expect(html).toContain('"file":"mini.yaml"');
    const warned = join(dir, 'drafts', 'renamed.yaml');
    writeFileSync(warned, MINI);
    const w = await cli('export', warned, '--format', 'svg', '-o', join(dir, 'renamed.svg'));
    expect(w.code).toBe(0);
    expect(w.err.startsWith(`${warned}:`), w.err).toBe(true);
    expect(w.err).toMatch(/^[^\n]*:\d+:\d+: warning KH2101: the scene id 'mini' differs from its file name 'renamed\.yaml'/);
  }, 120_000);
});

describe('kubehop bundle: usage errors (exit 2, with the usage)', () => {
  const cases: [string[], RegExp][] = [
    [[], /bundle needs at least one scene file/],
    [['a.yaml'], /say where to write with -o <dir>/],
    [['a.yaml', '-o'], /'-o' needs a value/],
    [['a.txt', '-o', 'out'], /'a\.txt' is not a scene file/],
    [['a/x.yaml', 'b/x.yml', '-o', 'out'], /'a\/x\.yaml' and 'b\/x\.yml' would both be written as scenes\/x\.json/],
    [['a.yaml', '-o', 'out', '--runtime=yes'], /'--runtime' takes no value/],
    [['a.yaml', '-o', 'out', '--notes=1'], /'--notes' takes no value/],
    [['a.yaml', '-o', 'out', '--minify'], /unknown option '--minify' for 'bundle'/],
  ];
  for (const [args, message] of cases) {
    it(`bundle ${args.join(' ')}`, async () => {
      const r = await cli('bundle', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^kubehop: /);
      expect(r.err).toMatch(message);
      expect(r.err).toContain('usage: kubehop bundle');
      expect(r.out).toBe('');
    });
  }

  it('the base URL defaults to the folder name, and always ends in a slash', () => {
    const p = parseBundleArgs(['x.yaml', '-o', 'public/embeds/']);
    expect(p.ok && p.args.base).toBe('/embeds/');
    const q = parseBundleArgs(['x.yaml', '-o', 'out', '--base=../k']);
    expect(q.ok && q.args.base).toBe('../k/');
  });
});

describe('the pasted HTML', () => {
  it('keeps scene text inside its attribute', () => {
    const html = sceneSnippet({ name: 'a b', title: 'Say "hi" <b>', summary: 'x & y\n z', width: 800.4, height: 500.6 }, '/k/');
    expect(html).toBe(
      [
        '<kubehop-scene src="/k/scenes/a%20b.json" controls width="800" height="501">',
        '  <img src="/k/scenes/a%20b.svg" alt="Say &quot;hi&quot; &lt;b&gt;: x &amp; y z" width="800" height="501">',
        '</kubehop-scene>',
      ].join('\n'),
    );
  });
});
