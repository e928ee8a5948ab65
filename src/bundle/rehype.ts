// `kubehop/rehype`: a fenced ```kubehop block holding a scene's YAML becomes,
// at build time, the element `kubehop bundle` prints — its bundle and still
// written to a folder the site serves — so the reader's page gets the
// element's script and two static files, never the YAML or the layout code.
// The tree is walked by hand (a handful of lines) rather than with
// unist-util-visit, so the plugin adds no dependency to the package.
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { RUNTIME_DIR } from '../cli/bundle.ts';
import { bundleScene } from './bundle.ts';
import { publishedJson } from './publish.ts';
import { stillSvg } from './still-svg.ts';
import { formatDiagnostic } from '../scene/diagnostic.ts';

export interface RehypeKubehopOptions {
  /** The folder bundles and stills are written to, as `scenes/<id>.json` and `scenes/<id>.svg` (the layout `kubehop bundle -o` gives). */
  outDir: string;
  /** The URL `outDir` is served at, such as `/kubehop/`. */
  base: string;
  /** Add the element's script tag after a page's first scene. Default true; false when the site's layout loads it. */
  script?: boolean;
  /** Copy the element's script (`kubehop.js`) into `outDir`, as `kubehop bundle --runtime` does. Default false. */
  runtime?: boolean;
  /** Keep each step's speaker notes in the bundle (as `kubehop bundle --notes`). */
  notes?: boolean;
}

/** Where a node came from in the Markdown file (unist positions, 1-based). */
interface Point {
  line: number;
  column: number;
}
/** The parts of a hast tree the plugin reads and writes. */
export interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
  position?: { start: Point; end: Point };
}
/** The parts of a vfile the plugin uses: its path, for messages, and its warning list. */
export interface HastFile {
  path?: string;
  message?: (reason: string, place?: Point) => unknown;
}

const FENCE_CLASS = 'language-kubehop';
/** Scene ids become file names; anything else falls back to a numbered name. */
const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/i;

export default function rehypeKubehop(options: RehypeKubehopOptions) {
  if (!options || typeof options.outDir !== 'string' || typeof options.base !== 'string') {
    throw new Error('kubehop/rehype: options `outDir` (where the bundles are written) and `base` (the URL it is served at) are required');
  }
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  // Which page published which name, across every page this processor builds:
  // two different scenes with one id would overwrite each other's files.
  const published = new Map<string, { page: string; json: string }>();

  return async function transform(tree: HastNode, file: HastFile): Promise<void> {
    const page = file.path ?? 'input.md';
    const fences = findFences(tree);
    if (fences.length === 0) return;

    const errors: string[] = [];
    const out: { fence: Fence; name: string; json: string; svg: string; html: HastNode }[] = [];
    for (const [i, fence] of fences.entries()) {
      const name = sceneName(fence.yaml, `${baseName(page).replace(/\.[^.]*$/, '')}-${i + 1}`);
      const built = await bundleScene(fence.yaml, `${name}.yaml`);
      // Positions in the fence's YAML, moved to where the fence is in the Markdown.
      const at = (line: number, col: number): Point => ({ line: fence.start.line + line, column: col + fence.start.column - 1 });
      for (const d of built.diagnostics) {
        const p = at(d.line, d.col);
        const text = formatDiagnostic({ ...d, file: page, line: p.line, col: p.column });
        if (d.severity === 'error') errors.push(text);
        else file.message?.(d.message, p);
      }
      if (!built.ok) continue;
      const json = publishedJson(built, { notes: options.notes ?? false });
      const other = published.get(name);
      if (other && other.page !== page && other.json !== json) {
        const p = at(1, 1);
        errors.push(`${page}:${p.line}:${p.column}: a different scene with id '${name}' is in ${other.page}; each scene needs its own id (its files are scenes/${name}.json and .svg)`);
        continue;
      }
      if (out.some((o) => o.name === name && o.json !== json)) {
        const p = at(1, 1);
        errors.push(`${page}:${p.line}:${p.column}: another scene on this page has the id '${name}'; each scene needs its own id`);
        continue;
      }
      const { scene, geometry } = built;
      out.push({ fence, name, json, svg: stillSvg(built), html: sceneElement({ name, title: scene.title, summary: scene.summary, width: geometry.width, height: geometry.height }, base) });
    }
    // A broken scene fails the build: a post must not go out with a hole in it.
    if (errors.length > 0) throw new Error(`kubehop: ${errors.length === 1 ? 'a scene has a problem' : `${errors.length} problems in scenes`}:\n${errors.join('\n')}`);

    await mkdir(join(options.outDir, 'scenes'), { recursive: true });
    for (const o of out) {
      await writeFile(join(options.outDir, 'scenes', `${o.name}.json`), o.json);
      await writeFile(join(options.outDir, 'scenes', `${o.name}.svg`), o.svg);
      published.set(o.name, { page, json: o.json });
    }
    if (options.runtime) await copyRuntime(options.outDir);
    for (const [i, o] of out.entries()) {
      const replacement = i === 0 && options.script !== false ? [o.html, text('\n'), scriptElement(base)] : [o.html];
      o.fence.parent.children!.splice(o.fence.parent.children!.indexOf(o.fence.pre), 1, ...replacement);
    }
  };
}

interface Fence {
  pre: HastNode;
  parent: HastNode;
  yaml: string;
  /** Where the fence's opening line is. */
  start: Point;
}

/** Every `<pre><code class="language-kubehop">`, as remark-rehype makes a ```kubehop fence. */
function findFences(node: HastNode, out: Fence[] = []): Fence[] {
  for (const child of node.children ?? []) {
    const code = child.tagName === 'pre' ? child.children?.find((c) => c.type === 'element') : undefined;
    if (code?.tagName === 'code' && classes(code).includes(FENCE_CLASS)) {
      const start = child.position?.start ?? code.position?.start ?? { line: 0, column: 1 };
      out.push({ pre: child, parent: node, yaml: textOf(code), start });
    } else {
      findFences(child, out);
    }
  }
  return out;
}

function classes(node: HastNode): string[] {
  const c = node.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

function textOf(node: HastNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
}

/** The scene's `id`, which names its files, read without building it; a numbered fallback where it is missing or not a file name. */
function sceneName(yaml: string, fallback: string): string {
  try {
    const id: unknown = parseDocument(yaml).get('id');
    return typeof id === 'string' && SAFE_NAME.test(id) ? id : fallback;
  } catch {
    return fallback;
  }
}

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '') || 'input';
}

/** The hast of src/cli/snippet.ts's sceneSnippet: the same element, attributes and spacing. */
function sceneElement(s: { name: string; title: string; summary: string; width: number; height: number }, base: string): HastNode {
  const url = `${base}scenes/${encodeURIComponent(s.name)}`;
  const alt = s.summary.trim() ? `${s.title.trim()}: ${s.summary.trim()}` : s.title.trim();
  const size = { width: String(Math.round(s.width)), height: String(Math.round(s.height)) };
  const img: HastNode = { type: 'element', tagName: 'img', properties: { src: `${url}.svg`, alt: alt.replace(/\s+/g, ' '), ...size }, children: [] };
  return { type: 'element', tagName: 'kubehop-scene', properties: { src: `${url}.json`, controls: true, ...size }, children: [text('\n  '), img, text('\n')] };
}

function scriptElement(base: string): HastNode {
  return { type: 'element', tagName: 'script', properties: { type: 'module', src: `${base}kubehop.js` }, children: [] };
}

function text(value: string): HastNode {
  return { type: 'text', value };
}

async function copyRuntime(outDir: string): Promise<void> {
  const from = join(RUNTIME_DIR, 'kubehop.js');
  try {
    await stat(from);
  } catch {
    throw new Error(`kubehop/rehype: runtime: the element is not built (${from} is missing); run \`npm run build\` in the kubehop package first, or leave \`runtime\` off and serve kubehop.js yourself`);
  }
  await copyFile(from, join(outDir, 'kubehop.js'));
}
