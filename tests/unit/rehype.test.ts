// `kubehop/rehype` in a plain unified pipeline, as a blog's build runs it:
// a ```kubehop fence becomes the element `kubehop bundle` prints, with the
// same files beside it, and a broken scene stops the build at its place.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type * as Published from '../../lib/rehype.js';
import rehypeKubehop, { type RehypeKubehopOptions } from '../../src/bundle/rehype.ts';
import { bundleCommand } from '../../src/cli/bundle.ts';
import { checkBundle } from '../../src/embed/bundle-check.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameOptions: Same<Published.RehypeKubehopOptions, RehypeKubehopOptions> = true;
const samePlugin: typeof Published.default = rehypeKubehop;
const sameBack: Same<ReturnType<typeof Published.default>, ReturnType<typeof rehypeKubehop>> = true;

const POST = 'tests/fixtures/markdown/post.md';
const BROKEN = 'tests/fixtures/markdown/broken.md';

async function build(path: string, options: RehypeKubehopOptions): Promise<string> {
  const out = await unified()
    .use(remarkParse)
    .use(remarkRehype)
    .use(rehypeKubehop, options)
    .use(rehypeStringify)
    .process({ path, value: await readFile(path, 'utf8') });
  return String(out);
}

/** The YAML between a ```kubehop fence's lines, as the author wrote it. */
function fenced(markdown: string): string {
  const yaml = /```kubehop\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (yaml === undefined) throw new Error('no kubehop fence');
  return yaml;
}

describe('kubehop/rehype', () => {
  it('publishes types that match the source', () => {
    expect([sameOptions, sameBack, typeof samePlugin]).toEqual([true, true, 'function']);
  });

  it('turns a kubehop fence into the element, with the files and HTML `kubehop bundle` makes for the same YAML', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubehop-rehype-'));
    const html = await build(POST, { outDir: join(dir, 'site'), base: '/kubehop/' });

    // The same scene through the CLI, from a file named after the scene's id.
    const yamlFile = join(dir, 'same-node-ping.yaml');
    await writeFile(yamlFile, fenced(await readFile(POST, 'utf8')));
    const printed: string[] = [];
    const io = { out: (s: string) => printed.push(s), err: (s: string) => printed.push(s) };
    expect(await bundleCommand([yamlFile, '-o', join(dir, 'cli'), '--base', '/kubehop/'], io)).toBe(0);

    expect((await readdir(join(dir, 'site', 'scenes'))).sort()).toEqual(['same-node-ping.json', 'same-node-ping.svg']);
    for (const f of ['same-node-ping.json', 'same-node-ping.svg']) {
      expect(await readFile(join(dir, 'site', 'scenes', f))).toEqual(await readFile(join(dir, 'cli', 'scenes', f)));
    }
    const json: unknown = JSON.parse(await readFile(join(dir, 'site', 'scenes', 'same-node-ping.json'), 'utf8'));
    expect(checkBundle(json, 'same-node-ping.json').ok).toBe(true);

    // The element and its still, exactly as printed, and the script tag once.
    const snippet = /<kubehop-scene[\s\S]*?<\/kubehop-scene>/.exec(printed.join('\n'))?.[0];
    expect(snippet).toContain('src="/kubehop/scenes/same-node-ping.json"');
    expect(html).toContain(snippet);
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script type="module" src="/kubehop/kubehop.js">']);
    // Nothing of the YAML is left on the page; the other code block is untouched.
    expect(html).not.toContain('apiVersion');
    expect(html).not.toContain('language-kubehop');
    expect(html).toContain('<pre><code class="language-yaml">not: a scene\n</code></pre>');
    expect(html).toMatch(/^<h1>Two pods, one bridge<\/h1>/);
  });

  it('is deterministic and leaves the script tag out when asked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubehop-rehype-'));
    const a = await build(POST, { outDir: join(dir, 'a'), base: 'https://cdn.example.org/k' });
    const b = await build(POST, { outDir: join(dir, 'b'), base: 'https://cdn.example.org/k/', script: false });
    expect(a).toContain('src="https://cdn.example.org/k/scenes/same-node-ping.json"');
    expect(b).toBe(a.replace('\n<script type="module" src="https://cdn.example.org/k/kubehop.js"></script>', ''));
    expect(b).not.toContain('<script');
    expect(await readFile(join(dir, 'a', 'scenes', 'same-node-ping.json'))).toEqual(await readFile(join(dir, 'b', 'scenes', 'same-node-ping.json')));
  });

  it('fails the build on a broken scene, at its line and column in the Markdown file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubehop-rehype-'));
    const markdown = await readFile(BROKEN, 'utf8');
    const lines = markdown.split('\n');
    const line = lines.findIndex((l) => l.includes('worker/veth-z')) + 1;
    const col = (lines[line - 1] ?? '').indexOf('worker/veth-z') + 1;
    const failure = build(BROKEN, { outDir: join(dir, 'site'), base: '/kubehop/' });
    await expect(failure).rejects.toThrow(new RegExp(`${BROKEN}:${line}:${col}: error KH\\d{4}: link end names 'worker/veth-z', which is not an element`));
    // Nothing is written for a page that does not build.
    await expect(readdir(join(dir, 'site'))).rejects.toThrow(/ENOENT/);
  });
});
