// No layout shift: a post with two scenes, pasted as `kubehop bundle` prints
// them (the still inside, with the diagram's width and height) and styled
// with the CSS the README gives, must not move while the element's script
// and the scenes arrive late. Cumulative Layout Shift is read the way the web
// measures it (a PerformanceObserver on layout-shift entries), with the
// reader already at the second figure, on a desktop and on a phone.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sceneSnippet, scriptTag } from '../../src/cli/snippet.ts';

const SCENES = ['cross-node-vxlan', 'clusterip-dnat'] as const;
const HELD_MS = 1500;

/** The CSS block of the README's "Publish your own scene" section: the test uses what bloggers copy. */
function readmeCss(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Publish your own scene'));
  const m = /```css\n([^]*?)```/.exec(section);
  if (!m) throw new Error('README: no ```css block in "Publish your own scene"');
  return m[1]!;
}

function snippet(name: string): string {
  const b = JSON.parse(readFileSync(`dist/app/embed/scenes/${name}.json`, 'utf8')) as {
    scene: { title: string; summary: string };
    geometry: { width: number; height: number };
  };
  return sceneSnippet({ name, title: b.scene.title, summary: b.scene.summary, width: b.geometry.width, height: b.geometry.height }, '/embed/');
}

const para = (n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the post: enough words to wrap over a couple of lines in a column, the way a blog post reads before and after a figure.</p>`).join('\n');

function post(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>A post</title>
<style>body { margin: 0; font: 17px/1.6 system-ui, sans-serif; } article { max-width: 44rem; margin: auto; padding: 0 1rem; }
${readmeCss()}</style>
${scriptTag('/embed/')}
</head><body><article><h1>A post</h1>${para(4)}
${snippet(SCENES[0])}
${para(3)}<h2 id="second">The second figure</h2>
${snippet(SCENES[1])}
${para(8)}</article></body></html>`;
}

/** Serves the post and holds the element's script and both scene bundles back. */
async function openPost(page: Page): Promise<void> {
  const html = post();
  await page.route('**/post.html', (route) => route.fulfill({ body: html, contentType: 'text/html' }));
  const late = async (route: import('@playwright/test').Route): Promise<void> => {
    await new Promise((r) => setTimeout(r, HELD_MS));
    await route.continue();
  };
  await page.route('**/embed/kubehop.js', late);
  await page.route('**/embed/scenes/*.json', late);
  await page.addInitScript(() => {
    type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
    const w = window as unknown as { __cls: { value: number; shifts: number }; __moved: string[] };
    w.__cls = { value: 0, shifts: 0 };
    w.__moved = [];
    const box = (r: DOMRectReadOnly): string => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Shift[]) {
        if (e.hadRecentInput) continue;
        w.__cls.value += e.value;
        w.__cls.shifts += 1;
        // What moved, for the failure message: a node and its box before → after.
        for (const s of e.sources) w.__moved.push(`${Math.round(e.startTime)} ms ${s.node?.nodeName ?? '?'}.${(s.node as Element | undefined)?.className ?? ''} ${box(s.previousRect)} → ${box(s.currentRect)}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/post.html#second');
  for (const name of SCENES) {
    await expect(page.locator(`kubehop-scene[src$="${name}.json"] .frame`)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  }
  // Two frames after the last drawing, so its layout has been painted and measured.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const cls = (page: Page): Promise<{ value: number; shifts: number }> =>
  page.evaluate(() => (window as unknown as { __cls: { value: number; shifts: number } }).__cls);

for (const place of [
  { name: 'desktop 1280×800', viewport: { width: 1280, height: 800 } },
  { name: 'phone 375×667', viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
]) {
  test.describe(place.name, () => {
    test.use({ viewport: place.viewport, isMobile: place.isMobile ?? false, hasTouch: place.hasTouch ?? false, deviceScaleFactor: place.deviceScaleFactor ?? 1 });

    test(`the README's snippet, script and scenes held back ${HELD_MS} ms: CLS 0`, async ({ page }) => {
      await openPost(page);
      const second = page.locator(`kubehop-scene[src$="${SCENES[1]}.json"]`);
      // The reader is where the link put them: at the second figure, drawn, with its controls in view.
      await expect(second.locator('.stage svg g.kh-box').first()).toBeAttached();
      await expect(second.getByRole('button', { name: 'Next step' })).toBeInViewport();
      const measured = await cls(page);
      test.info().annotations.push({ type: 'CLS', description: `${place.name}: ${measured.value.toFixed(4)} (${measured.shifts} shifts)` });
      const moved = await page.evaluate(() => (window as unknown as { __moved: string[] }).__moved);
      expect(measured, moved.join('\n')).toEqual({ value: 0, shifts: 0 });
    });
  });
}

test('without the still, the element is sized from its scene once drawn (no reserved strip)', async ({ page }) => {
  await page.route('**/bare.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><title>bare</title>${scriptTag('/embed/')}<div style="width:800px"><kubehop-scene src="/embed/scenes/${SCENES[0]}.json" controls></kubehop-scene></div>`,
    }),
  );
  await page.goto('/bare.html');
  const el = page.locator('kubehop-scene');
  await expect(el.locator('.frame')).toHaveAttribute('data-state', 'ready');
  const box = await el.locator('.stage').boundingBox();
  const { geometry } = JSON.parse(readFileSync(`dist/app/embed/scenes/${SCENES[0]}.json`, 'utf8')) as { geometry: { width: number; height: number } };
  // The stage keeps the diagram's own aspect ratio at 800 px.
  expect(box!.width).toBeCloseTo(800, 0);
  expect(box!.height).toBeCloseTo((800 * geometry.height) / geometry.width, 0);
});
