// `kubehop bundle`: scenes in, a folder a static site can serve out. The
// files are the ones the embed build makes for the project's own scenes
// (src/bundle/embed-assets.ts), made the same way.
import { copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleScene, type SceneBundle } from '../bundle/bundle.ts';
import { publishedJson } from '../bundle/publish.ts';
import { stillSvg } from '../bundle/still-svg.ts';
import { formatDiagnostic } from '../scene/diagnostic.ts';
import { BUNDLE_USAGE, parseBundleArgs, sceneName } from './bundle-args.ts';
import { sceneSnippet, scriptTag } from './snippet.ts';
import type { Io } from './main.ts';

/** Where `npm run build` puts the element (vite.embed.config.ts). */
export const RUNTIME_DIR = fileURLToPath(new URL('../../dist/app/embed/', import.meta.url));
/** What --runtime copies: the element, and the iframe page that loads it. A raw .yaml src needs the build's lazy chunks too; a bundle never does. */
const RUNTIME_FILES = ['kubehop.js', 'index.html'];
/** Also copied: the chunk an element with the `predict` attribute imports (small, and a bundle is all it needs). */
const PREDICT_CHUNK = /^kubehop-predict-[\w-]+\.js$/;

type Ok = Extract<SceneBundle, { ok: true }>;

export async function bundleCommand(argv: readonly string[], io: Io, runtimeDir = RUNTIME_DIR): Promise<number> {
  const parsed = parseBundleArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) return io.out(BUNDLE_USAGE), 0;
    io.err(`kubehop: ${parsed.error}\n\n${BUNDLE_USAGE}`);
    return 2;
  }
  const a = parsed.args;
  if (a.runtime) {
    const missing = await firstMissing(runtimeDir, RUNTIME_FILES);
    if (missing) {
      const root = fileURLToPath(new URL('../..', import.meta.url));
      io.err(`kubehop: --runtime: the element is not built (${missing} is missing); run \`npm run build\` in ${root} first`);
      return 1;
    }
  }

  // Every scene is built before anything is written: one broken scene leaves the folder as it was.
  const built: { file: string; bundle: Ok }[] = [];
  let failed = false;
  for (const file of a.files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      io.err(`${file}: cannot read the file (${why(e)})`);
      failed = true;
      continue;
    }
    const bundle = await bundleScene(text, file);
    // The bundle names the file by its base name only; the author is told the path they gave.
    for (const d of bundle.diagnostics) io.err(formatDiagnostic({ ...d, file }));
    if (bundle.ok) built.push({ file, bundle });
    else failed = true;
  }
  if (failed) {
    io.err(`kubehop: nothing written: fix the problems above first`);
    return 1;
  }

  try {
    await mkdir(join(a.out, 'scenes'), { recursive: true });
    const written: string[] = [];
    for (const { file, bundle } of built) {
      const name = sceneName(file);
      const json = join(a.out, 'scenes', `${name}.json`);
      const svg = join(a.out, 'scenes', `${name}.svg`);
      await writeFile(json, publishedJson(bundle, { notes: a.notes }));
      await writeFile(svg, stillSvg(bundle));
      written.push(json, svg);
    }
    if (a.runtime) {
      const chunks = (await readdir(runtimeDir)).filter((f) => PREDICT_CHUNK.test(f));
      for (const f of [...RUNTIME_FILES, ...chunks]) {
        await copyFile(join(runtimeDir, f), join(a.out, f));
        written.push(join(a.out, f));
      }
    }
    for (const w of written) io.out(`wrote ${w} (${size((await stat(w)).size)})`);
  } catch (e) {
    io.err(`kubehop: cannot write to ${a.out} (${why(e)})`);
    return 1;
  }

  io.out(`\nServe ${a.out}${a.out.endsWith('/') ? '' : '/'} at ${a.base} (--base sets another URL). Paste into a page, once:\n\n${scriptTag(a.base)}\n`);
  for (const { file, bundle } of built) {
    const { scene, geometry } = bundle;
    const snippet = sceneSnippet({ name: sceneName(file), title: scene.title, summary: scene.summary, width: geometry.width, height: geometry.height }, a.base);
    io.out(`${file}: ${bundle.steps.length} steps, ${Math.round(geometry.width)}×${Math.round(geometry.height)}\n\n${snippet}\n`);
  }
  if (!a.runtime) io.out(`(kubehop.js is not in ${a.out}: add --runtime to copy it, or load it from where it is already served.)`);
  return 0;
}

async function firstMissing(dir: string, files: string[]): Promise<string | undefined> {
  for (const f of files) {
    try {
      await stat(join(dir, f));
    } catch {
      return join(dir, f);
    }
  }
  return undefined;
}

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return code ?? (e instanceof Error ? e.message : String(e));
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}
