// The package as a user gets it: `npm pack` of this tree (after the build the
// e2e server makes, so the element is in it), installed from the tarball in
// an empty folder outside the project, then the CLI and the `kubehop/bundle`
// and `kubehop/element` entries used from there with the package's own
// dependencies — nothing of this checkout's node_modules is reachable.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCENE = readFileSync(join(ROOT, 'tests/fixtures/valid/mini.yaml'), 'utf8');

/**
 * The environment without what `npm test` says about this project (its
 * prefix, package and script), so the inner npm works on the temporary
 * folder alone; the user's own npm settings (registry, cache, proxy) stay.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const project = /^npm_(package_|lifecycle_|command$|config_(local_|global_)?prefix$)/i;
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !project.test(k) && k !== 'INIT_CWD'));
}

let dir: string;
let tarball: string;
let packed: string[];

async function sh(cmd: string, args: string[], cwd = dir): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(cmd, args, { cwd, env: cleanEnv(), maxBuffer: 32 * 1024 * 1024 });
  } catch (e) {
    // tsc and the CLI say what went wrong on stdout as well as stderr.
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

/** The installed CLI, from the folder's node_modules/.bin (`--no`: never fetched from the registry). */
const kubehop = (...args: string[]) => sh('npx', ['--no', 'kubehop', ...args]);

test.describe.configure({ mode: 'serial' });
// Packing and installing go to the registry for the dependencies: a hang, not slowness, is what this catches.
test.setTimeout(240_000);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  expect(existsSync(join(ROOT, 'dist/app/embed/kubehop.js')), 'the element is built (npm run build)').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'kubehop-e2e-package-'));
  const { stdout } = await sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT);
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  tarball = info!.filename;
  packed = info!.files.map((f) => f.path);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'a-blog', private: true, type: 'module' }));
  await sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`]);
  writeFileSync(join(dir, 'mini.yaml'), SCENE);
});
test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the tarball holds what a user needs and none of the project', () => {
  for (const f of ['bin/kubehop.js', 'bin/compiled.js', 'dist/cli/kubehop.js', 'dist/cli/inputs.json', 'dist/app/embed/kubehop.js', 'dist/app/embed/index.html', 'lib/bundle.js', 'lib/bundle.d.ts', 'lib/element.d.ts', 'lib/reveal.d.ts', 'dist/app/embed/kubehop-reveal.js', 'static/kubehop-scene.schema.json', 'README.md', 'package.json', 'src/cli/main.ts']) {
    expect(packed, f).toContain(f);
  }
  // The element's lazy chunks (a YAML src) travel with it.
  expect(packed.some((f) => /^dist\/app\/embed\/kubehop-pipeline-.*\.js$/.test(f))).toBe(true);
  const stray = packed.filter((f) => /^(tests|bench|scenes|src\/app|\.ci)\/|^dist\/app\/(?!embed\/)|^dist\/app\/embed\/scenes\//.test(f));
  expect(stray).toEqual([]);
});

test('validate, trace, bundle and export work from the installed package', async () => {
  const [validate, trace, bundle, html] = await Promise.all([
    kubehop('validate', 'mini.yaml'),
    kubehop('trace', 'mini.yaml', '--json'),
    kubehop('bundle', join(dir, 'mini.yaml'), '-o', 'site/kubehop', '--runtime'),
    kubehop('export', 'mini.yaml', '--format', 'html', '-o', 'out/mini.html'),
  ]);
  expect(validate.stdout).toMatch(/^mini\.yaml: ok \(\d+ steps\)/);
  const steps = (JSON.parse(trace.stdout) as { steps: unknown[] }).steps.length;
  expect(validate.stdout).toContain(`(${steps} steps)`);

  expect(bundle.stdout).toContain('<kubehop-scene src="/kubehop/scenes/mini.json"');
  for (const f of ['kubehop.js', 'index.html', 'scenes/mini.json', 'scenes/mini.svg']) {
    expect(existsSync(join(dir, 'site/kubehop', f)), f).toBe(true);
  }
  const json = readFileSync(join(dir, 'site/kubehop/scenes/mini.json'), 'utf8');
  expect((JSON.parse(json) as { steps: unknown[] }).steps).toHaveLength(steps);
  // Given an absolute path, the bundle still names the file by its base name only.
  expect(json).not.toContain(dir);
  // --runtime copied the element the package ships.
  expect(readFileSync(join(dir, 'site/kubehop/kubehop.js'))).toEqual(readFileSync(join(ROOT, 'dist/app/embed/kubehop.js')));

  // The HTML export builds its page script from the package's own sources with its own Vite.
  expect(html.stdout).toMatch(/wrote out\/mini\.html .*no network needed/);
  expect(readFileSync(join(dir, 'out/mini.html'), 'utf8')).toContain('kubehop-scene');
});

test('the installed CLI runs compiled JavaScript: validate loads no tsx', async () => {
  // NODE_DEBUG=esm makes Node name every module it loads, on stderr.
  const bin = join(dir, 'node_modules/.bin/kubehop');
  const { stdout, stderr } = await run(process.execPath, [bin, 'validate', 'mini.yaml'], { cwd: dir, env: { ...cleanEnv(), NODE_DEBUG: 'esm' }, maxBuffer: 32 * 1024 * 1024 });
  expect(stdout).toMatch(/^mini\.yaml: ok \(\d+ steps\)/);
  const loaded = [...stderr.matchAll(/file:\/\/\S+?\.(?:m?js|ts)\b/g)].map((m) => m[0]);
  expect(loaded.some((u) => u.endsWith('/node_modules/kubehop/dist/cli/kubehop.js')), 'the compiled CLI').toBe(true);
  expect(loaded.filter((u) => /\/node_modules\/tsx\/|\/src\/.*\.ts$/.test(u))).toEqual([]);
  // Nor jsdom, Vite, playwright-core or elkjs: export and bundle load those when they run.
  expect(loaded.filter((u) => /\/node_modules\/(jsdom|vite|playwright-core|elkjs)\//.test(u))).toEqual([]);
});

test('kubehop/bundle is importable from Node, and its types, kubehop/element’s and kubehop/reveal’s check in a consumer', async () => {
  writeFileSync(
    join(dir, 'use.mjs'),
    `import { readFileSync } from 'node:fs';
import { bundle } from 'kubehop/bundle';
const r = await bundle(readFileSync('mini.yaml', 'utf8'), { file: 'mini.yaml' });
console.log(JSON.stringify({ ok: r.ok, id: r.id, json: r.json }));`,
  );
  const { stdout } = await sh('node', ['use.mjs']);
  const r = JSON.parse(stdout) as { ok: boolean; id: string; json: string };
  expect(r.ok).toBe(true);
  expect(r.json).toBe(readFileSync(join(dir, 'site/kubehop/scenes/mini.json'), 'utf8'));

  // A consumer's strict TypeScript resolves both entries' types through `exports`; a wrong call is an error.
  writeFileSync(
    join(dir, 'consumer.ts'),
    `import { bundle, type BundleResult } from 'kubehop/bundle';
import type { KubehopScene } from 'kubehop/element';
import KubehopReveal, { type RevealPlugin } from 'kubehop/reveal';
const r: BundleResult = await bundle('x', { file: 'x.yaml' });
export const size: string = r.ok ? \`\${r.width}×\${r.height}\` : r.errors.join('\\n');
const el: KubehopScene | null = document.querySelector('kubehop-scene');
el?.goTo(2);
el?.addEventListener('stepchange', (e) => console.log(e.detail.step, e.detail.count));
// @ts-expect-error -- steps are numbers
el?.goTo('2');
export const plugin: RevealPlugin = KubehopReveal();
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], types: [] },
      files: ['consumer.ts'],
    }),
  );
  await sh('node', [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.']);
});
