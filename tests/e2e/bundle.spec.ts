// A scene of one's own, published with `kubehop bundle --runtime` and pasted
// into a post exactly as the command prints it: in Chromium it draws and
// steps, fetches nothing but the element, the bundle and the still, and
// without JavaScript the still stands in at the diagram's aspect ratio.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml', '.html': 'text/html' };

let dir: string;
let post: string;
let size: { width: number; height: number };

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubehop-post-'));
  copyFileSync('tests/fixtures/valid/mini.yaml', join(dir, 'mini.yaml'));
  // dist/app/embed is the build the web server runs, made before any test starts.
  const printed = execFileSync('node', ['bin/kubehop.js', 'bundle', join(dir, 'mini.yaml'), '-o', join(dir, 'site', 'kubehop'), '--runtime', '--base', '/blog/kubehop/'], { encoding: 'utf8' });
  const script = /<script type="module"[^>]*><\/script>/.exec(printed)![0];
  const snippet = /<kubehop-scene [^]*?<\/kubehop-scene>/.exec(printed)![0];
  size = { width: Number(/width="(\d+)"/.exec(snippet)![1]), height: Number(/height="(\d+)"/.exec(snippet)![1]) };
  post = `<!doctype html><html lang="en"><meta charset="utf-8"><title>My post</title>
<style>body { margin: 0; } article { width: 700px; margin: 0 auto; } kubehop-scene img { display: block; width: 100%; height: auto; }</style>
${script}
<article><h1>My post</h1>${snippet}</article>`;
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Serves the post at /blog/post.html and the bundled folder under /blog/, noting every URL fetched there. */
async function openPost(page: Page): Promise<string[]> {
  const fetched: string[] = [];
  await page.route('**/blog/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    fetched.push(path);
    if (path === '/blog/post.html') return route.fulfill({ contentType: 'text/html', body: post });
    const file = join(dir, 'site', normalize(path.slice('/blog/'.length)));
    if (!existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  await page.goto('/blog/post.html');
  return fetched;
}

test('the pasted snippet draws the scene and steps through it, fetching only the element, the bundle and the still', async ({ page }) => {
  const fetched = await openPost(page);
  const frame = page.locator('kubehop-scene .frame');
  await expect(frame).toHaveAttribute('data-state', 'ready');
  await expect(frame).toContainText('Step 1 of 4');
  await frame.getByRole('button', { name: 'Next step' }).click();
  await expect(frame).toContainText('Step 2 of 4');
  expect([...new Set(fetched)].sort()).toEqual(['/blog/kubehop/kubehop.js', '/blog/kubehop/scenes/mini.json', '/blog/kubehop/scenes/mini.svg', '/blog/post.html']);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the still stands in, at the diagram’s aspect ratio', async ({ page }) => {
    await openPost(page);
    const img = page.locator('kubehop-scene img');
    await expect(img).toBeVisible();
    await expect(img).toHaveAttribute('alt', 'Mini: Two pods on one bridge.');
    const box = (await img.boundingBox())!;
    expect(box.width).toBe(700);
    expect(Math.abs(box.height - (700 * size.height) / size.width)).toBeLessThan(1);
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(size.width);
  });
});
