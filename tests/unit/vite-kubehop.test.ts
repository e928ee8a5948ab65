// `kubehop/vite` in a Vite build of a tiny site: the `?kubehop` import gives
// the element's URLs and size, and the build emits the bundle and still
// `kubehop bundle` writes, with no YAML or layout code in the site's script.
import { describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer } from 'vite';
import type * as Published from '../../lib/vite.js';
import kubehop, { type KubehopSceneModule, type KubehopViteOptions } from '../../src/bundle/vite.ts';
import { bundleCommand } from '../../src/cli/bundle.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameOptions: Same<Published.KubehopViteOptions, KubehopViteOptions> = true;
const sameModule: Same<Published.KubehopSceneModule, KubehopSceneModule> = true;
const samePlugin: typeof Published.default = kubehop;

describe('kubehop/vite', () => {
  it('publishes types that match the source', () => {
    expect([sameOptions, sameModule, typeof samePlugin]).toEqual([true, true, 'function']);
  });

  it('imports a scene as its URLs and size, and emits the files `kubehop bundle` writes', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kubehop-vite-'));
    await copyFile('tests/fixtures/valid/mini.yaml', join(root, 'mini.yaml'));
    await writeFile(join(root, 'main.js'), "import scene from './mini.yaml?kubehop';\nglobalThis.scene = scene;\n");
    await build({
      root,
      base: '/blog/',
      logLevel: 'silent',
      configFile: false,
      plugins: [kubehop()],
      build: { outDir: join(root, 'dist'), lib: { entry: join(root, 'main.js'), formats: ['es'], fileName: 'main' }, minify: false },
    });

    const io = { out: () => {}, err: (s: string) => { throw new Error(s); } };
    expect(await bundleCommand([join(root, 'mini.yaml'), '-o', join(root, 'cli')], io)).toBe(0);
    expect((await readdir(join(root, 'dist', 'kubehop', 'scenes'))).sort()).toEqual(['mini.json', 'mini.svg']);
    for (const f of ['mini.json', 'mini.svg']) {
      expect(await readFile(join(root, 'dist', 'kubehop', 'scenes', f))).toEqual(await readFile(join(root, 'cli', 'scenes', f)));
    }

    const js = (await readdir(join(root, 'dist'))).filter((f) => /\.m?js$/.test(f));
    expect(js).toHaveLength(1);
    const code = await readFile(join(root, 'dist', js[0] ?? ''), 'utf8');
    // Nothing of the YAML or the pipeline: just the module's data.
    expect(code).not.toContain('apiVersion');
    expect(code).not.toContain('elk');
    expect(code.length).toBeLessThan(2000);
    await import(join(root, 'dist', js[0] ?? ''));
    const imported = (globalThis as { scene?: KubehopSceneModule }).scene;
    expect(imported).toMatchObject({ id: 'mini', title: 'Mini', steps: 4, src: '/blog/kubehop/scenes/mini.json', still: '/blog/kubehop/scenes/mini.svg', alt: 'Mini: Two pods on one bridge.' });
    expect(imported?.width).toBeGreaterThan(0);
    expect(imported?.height).toBeGreaterThan(0);
  });

  it('serves the same files from the dev server once the scene is imported', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kubehop-vite-'));
    await copyFile('tests/fixtures/valid/mini.yaml', join(root, 'mini.yaml'));
    const server = await createServer({ root, base: '/blog/', logLevel: 'silent', configFile: false, plugins: [kubehop()], server: { host: '127.0.0.1', port: 0, hmr: false, ws: false } });
    try {
      await server.listen();
      const address = server.httpServer?.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      const at = `http://127.0.0.1:${address.port}/blog/kubehop/scenes/mini.json`;
      expect((await fetch(at)).status).toBe(404);
      const mod = await server.ssrLoadModule('/mini.yaml?kubehop');
      expect((mod.default as KubehopSceneModule).src).toBe('/blog/kubehop/scenes/mini.json');
      const res = await fetch(at);
      expect(res.headers.get('content-type')).toBe('application/json');
      await bundleCommand([join(root, 'mini.yaml'), '-o', join(root, 'cli')], { out: () => {}, err: () => {} });
      expect(await res.text()).toBe(await readFile(join(root, 'cli', 'scenes', 'mini.json'), 'utf8'));
    } finally {
      await server.close();
    }
  });

  it('fails the build on a broken scene with its file:line:col problems', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kubehop-vite-'));
    await writeFile(join(root, 'broken.yaml'), 'apiVersion: kubehop/v1\nkind: Scene\nid: broken\n');
    await writeFile(join(root, 'main.js'), "import scene from './broken.yaml?kubehop';\nglobalThis.scene = scene;\n");
    const failing = build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [kubehop()],
      build: { outDir: join(root, 'dist'), lib: { entry: join(root, 'main.js'), formats: ['es'], fileName: 'main' } },
    });
    await expect(failing).rejects.toThrow(/broken\.yaml:\d+:\d+: /);
    await expect(readdir(join(root, 'dist', 'kubehop'))).rejects.toThrow(/ENOENT/);
  });
});
