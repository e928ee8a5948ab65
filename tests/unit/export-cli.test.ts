// `kubehop export` from the command line: every mistake named with exit 2
// and the usage, a broken scene reported as file:line:col with exit 1, and
// SVG files written where -o says (SVG needs no browser; the browser
// formats are tested in tests/e2e/export.spec.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { parseExportArgs, resolveSteps } from '../../src/cli/export-args.ts';
import { singlePath, stepPaths } from '../../src/export/names.ts';
import { ExportError, findChromium } from '../../src/export/chromium.ts';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const SCENE = 'scenes/same-node-bridge.yaml';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubehop-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kubehop export: usage errors (exit 2, with the usage)', () => {
  const cases: [string[], RegExp][] = [
    [[], /export needs a scene file/],
    [[SCENE, 'other.yaml', '--format', 'svg'], /exactly one scene file/],
    [[SCENE], /say which format with --format/],
    [[SCENE, '-o', 'x.txt'], /-o x\.txt does not end in one of/],
    [[SCENE, '--format', 'jpg'], /--format must be one of svg, png, gif, webm, html, not 'jpg'/],
    [[SCENE, '--format', 'png', '-o', 'x.svg'], /-o x\.svg ends in \.svg, but --format is png/],
    [[SCENE, '--format', 'svg', '--theme', 'sepia'], /--theme must be one of light, dark, projector/],
    [[SCENE, '--format', 'svg', '--width', 'wide'], /--width must be a whole number of pixels from 240 to 3840, not 'wide'/],
    [[SCENE, '--format', 'svg', '--width', '100'], /--width must be a whole number/],
    [[SCENE, '--format', 'svg', '--step', '0'], /--step must be a step number from 1, or "last", not '0'/],
    [[SCENE, '--format', 'svg', '--step', '2', '--all-steps'], /--step or --all-steps, not both/],
    [[SCENE, '--format', 'gif', '--step', '2'], /--step and --all-steps are for svg and png; gif always shows the whole scene/],
    [[SCENE, '--format', 'webm', '--all-steps'], /are for svg and png/],
    [[SCENE, '--format', 'svg', '--scale', '2'], /--scale is for png/],
    [[SCENE, '--format', 'png', '--scale', '9'], /--scale must be a number from 1 to 4/],
    [[SCENE, '--format'], /'--format' needs a value/],
    [[SCENE, '--format', 'svg', '--colour', 'red'], /unknown option '--colour' for 'export'/],
    [[SCENE, '--format', 'svg', '--all-steps=yes'], /'--all-steps' takes no value/],
    [[SCENE, '--format', 'svg', '--width', '800', '--width=900'], /'--width' is given twice/],
  ];
  for (const [args, message] of cases) {
    it(`export ${args.join(' ')}`, async () => {
      const r = await cli('export', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^kubehop: /);
      expect(r.err).toMatch(message);
      expect(r.err).toContain('usage: kubehop export');
      expect(r.out).toBe('');
    });
  }

  it('names a step the scene does not have', async () => {
    const r = await cli('export', SCENE, '--format', 'svg', '--step', '21', '-o', join(dir, 'no.svg'));
    expect(r).toMatchObject({ code: 2, err: 'kubehop: --step 21: the scene has 20 steps' });
  });

  it('--help prints the usage on stdout and exits 0; the main usage lists export', async () => {
    expect(await cli('export', '--help')).toMatchObject({ code: 0, out: expect.stringContaining('--all-steps') });
    expect((await cli('--help')).out).toContain('export <scene.yaml> --format svg|png|gif|webm|html');
  });
});

describe('kubehop export: the scene', () => {
  it('reports a missing file without a stack trace (exit 1)', async () => {
    const r = await cli('export', 'nope.yaml', '--format', 'svg');
    expect(r).toMatchObject({ code: 1, err: 'nope.yaml: cannot read the file (no such file)' });
  });

  it('refuses a broken scene with its diagnostics as file:line:col (exit 1)', async () => {
    const r = await cli('export', 'tests/fixtures/broken/hop-without-link.yaml', '--format', 'svg', '-o', join(dir, 'broken.svg'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/hop-without-link\.yaml:35:25: error KH4004: no link between/);
    for (const line of r.err.split('\n')) expect(line).toMatch(/^[^:]+:\d+:\d+: /);
    expect(readdirSync(dir)).not.toContain('broken.svg');
  }, 60_000);
});

describe('kubehop export --format svg', () => {
  it('writes one step to -o, and says so', async () => {
    const out = join(dir, 'one.svg');
    const r = await cli('export', SCENE, '--format', 'svg', '--step', '13', '--theme', 'dark', '--width', '800', '-o', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^wrote .*one\.svg \(\d+\.\d KB; step 13\)$/);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Step 13 of 20');
    expect(text).toContain('class="kh-scene kh-theme-dark"');
    expect(text).toMatch(/<svg [^>]*width="800"/);
  }, 60_000);

  it('--all-steps writes one numbered file per step; the format comes from -o', async () => {
    const r = await cli('export', SCENE, '--all-steps', '-o', join(dir, 'all', 'bridge.svg'));
    expect(r.code).toBe(0);
    const files = readdirSync(join(dir, 'all')).sort();
    expect(files).toEqual(Array.from({ length: 20 }, (_, k) => `bridge-${String(k + 1).padStart(2, '0')}.svg`));
    expect(readFileSync(join(dir, 'all', 'bridge-20.svg'), 'utf8')).toContain('Step 20 of 20');
    expect(r.out.split('\n')).toHaveLength(20);
  }, 60_000);

  it('--step last draws the last step', async () => {
    const out = join(dir, 'last.svg');
    expect((await cli('export', SCENE, '--step', 'last', '-o', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Step 20 of 20');
  }, 60_000);
});

describe('argument details', () => {
  it('takes --opt=value as well as --opt value, and -o for --output', () => {
    const a = parseExportArgs(['s.yaml', '--format=png', '--width=640', '-o', 'x.png', '--scale=1.5']);
    expect(a).toEqual({ ok: true, args: { file: 's.yaml', format: 'png', step: { one: 0 }, theme: 'light', width: 640, scale: 1.5, out: 'x.png' } });
  });

  it('defaults the width per format', () => {
    const w = (f: string) => {
      const p = parseExportArgs(['s.yaml', '--format', f]);
      return p.ok ? p.args.width : undefined;
    };
    expect([w('svg'), w('png'), w('gif'), w('webm'), w('html')]).toEqual([1280, 1280, 960, 1280, 1280]);
  });

  it('resolves steps against the scene', () => {
    expect(resolveSteps({ all: true }, 3)).toEqual([0, 1, 2]);
    expect(resolveSteps({ last: true }, 3)).toEqual([2]);
    expect(resolveSteps({ one: 1 }, 3)).toEqual([1]);
    expect(resolveSteps({ one: 3 }, 3)).toBe('--step 4: the scene has 3 steps');
  });
});

describe('output names', () => {
  const t = { sceneId: 'vxlan', format: 'svg' as const, isDir: false };
  it('one file: -o as given, a folder gets <scene>.<format>, none gives it in the current folder', () => {
    expect(singlePath({ ...t, out: 'x/pic.svg' })).toBe('x/pic.svg');
    expect(singlePath({ ...t, out: 'slides/' })).toBe('slides/vxlan.svg');
    expect(singlePath({ ...t, out: 'slides', isDir: true })).toBe('slides/vxlan.svg');
    expect(singlePath(t)).toBe('vxlan.svg');
  });

  it('per step: numbered from 1, zero-padded to the step count', () => {
    expect(stepPaths({ ...t, out: 'slides/vxlan.svg' }, [0, 9], 20)).toEqual(['slides/vxlan-01.svg', 'slides/vxlan-10.svg']);
    expect(stepPaths({ ...t, out: 'slides/', format: 'png' }, [0], 120)).toEqual(['slides/vxlan-001.png']);
    expect(stepPaths({ ...t, out: 'a.b/pic' }, [2], 5)).toEqual(['a.b/pic-3.svg']);
    expect(stepPaths(t, [0], 9)).toEqual(['vxlan-1.svg']);
  });
});

describe('finding Chromium', () => {
  it('takes CHROMIUM_PATH first', async () => {
    expect(await findChromium({ CHROMIUM_PATH: '/opt/chrome' }, (p) => p === '/opt/chrome' || p === '/usr/bin/chromium')).toBe('/opt/chrome');
  });

  it('says what to install when there is none', async () => {
    const none = findChromium({ CHROMIUM_PATH: '/nowhere/chromium' }, () => false);
    await expect(none).rejects.toBeInstanceOf(ExportError);
    await expect(none).rejects.toThrow(/needs Chromium.*apt-get install chromium.*CHROMIUM_PATH.*\/nowhere\/chromium/);
  });
});
