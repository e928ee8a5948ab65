// Scene text is untrusted: hostile strings in every text field of a scene are
// shown literally and run nothing — in the embed (which lays a raw YAML scene
// out in the page) and in an exported SVG.
import { expect, test, type Page } from '@playwright/test';
import { HOSTILE, hostileScene } from './hostile.ts';
import { encodeShare, SHARE_PREFIX } from '../../src/app/editor/share.ts';
import { buildScene, checkScene } from '../../src/pipeline.ts';

test('the hostile scene is still a valid scene, with a hostile string in every caption', () => {
  const r = checkScene(hostileScene(), 'hostile.yaml');
  expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
  if (r.ok) for (const s of r.steps) expect(HOSTILE.some((h) => s.caption.startsWith(h))).toBe(true);
});

async function guard(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('dialog', (d) => (problems.push(`dialog: ${d.message()}`), void d.dismiss()));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) problems.push(`request: ${r.url()}`);
  });
  return problems;
}

test('in the embed, every hostile string is shown as text and nothing runs', async ({ page }) => {
  const problems = await guard(page);
  const text = hostileScene();
  await page.route('**/hostile/scene.yaml', (route) => route.fulfill({ body: text, contentType: 'text/yaml' }));
  await page.goto('/demo/');
  await page.evaluate(() => {
    const el = document.createElement('kubehop-scene');
    el.id = 'hostile';
    el.setAttribute('src', '/hostile/scene.yaml');
    el.setAttribute('controls', '');
    document.body.prepend(el);
  });
  const host = page.locator('#hostile');
  await expect.poll(() => host.evaluate((el) => !!el.shadowRoot?.querySelector('svg g.kh-box')), { timeout: 30_000 }).toBe(true);
  const r = checkScene(text, 'hostile.yaml');
  if (!r.ok) throw new Error('hostile scene does not build');

  for (let k = 0; k < r.steps.length; k++) {
    const caption = host.locator('[part="caption"]');
    await expect(caption).toContainText(r.steps[k]!.caption);
    if (k < r.steps.length - 1) await host.getByRole('button', { name: 'Next step' }).click();
  }
  const found = await host.evaluate((el) => {
    const root = el.shadowRoot!;
    return {
      // The element's own print heading is the one link: its address is the page's, its text the title, as text.
      dangerous: root.querySelectorAll('script, iframe, foreignObject, img, a:not(.heading), [onerror], [onclick]').length,
      heading: [...root.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent, a.children.length]),
      evil: document.querySelectorAll('#kh-evil').length + root.querySelectorAll('#kh-evil').length,
      svgShown: getComputedStyle(root.querySelector('svg')!).display !== 'none',
      title: root.querySelector('svg > title')?.textContent,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    };
  });
  expect(found).toEqual({ dangerous: 0, heading: [[`${page.url()}#hostile`, r.scene.title, 0]], evil: 0, svgShown: true, title: r.scene.title, pwned: undefined });
  expect(problems).toEqual([]);
});

test('an exported SVG keeps every hostile string as text: opened in the browser, nothing runs', async ({ page }) => {
  const problems = await guard(page);
  const built = await buildScene(hostileScene(), 'hostile.yaml');
  if (!built.ok) throw new Error('hostile scene does not build');
  const { svgFiles } = await import('../../src/export/svg-node.ts');
  const [svg] = await svgFiles(built, [0], { theme: 'light', width: 900 });
  await page.route('**/hostile/step.svg', (route) => route.fulfill({ body: svg, contentType: 'image/svg+xml' }));
  // Opened as a document of its own: the harshest place for an SVG, where a <script> in it would run.
  await page.goto('/hostile/step.svg');
  const found = await page.evaluate(() => ({
    dangerous: document.querySelectorAll('script, iframe, foreignObject, img, a, [onerror], [onclick]').length,
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    caption: document.documentElement.textContent ?? '',
  }));
  expect(found.dangerous).toBe(0);
  expect(found.pwned).toBeUndefined();
  // The first caption's opening words are there, as text.
  expect(found.caption).toContain(built.steps[0]!.caption.slice(0, 20));
  expect(problems).toEqual([]);
});

test('in the app (editor and its player preview, opened from a share link), every hostile string is text and nothing runs', async ({ page }) => {
  const problems = await guard(page);
  const text = hostileScene();
  const r = checkScene(text, 'hostile.yaml');
  if (!r.ok) throw new Error('hostile scene does not build');
  const payload = await encodeShare(text);
  await page.goto(`/#${SHARE_PREFIX}${payload}`);
  await expect(page.getByTestId('stage')).toHaveAttribute('data-step', '0', { timeout: 30_000 });
  // Walk the preview: each caption is shown exactly as written.
  for (let k = 0; k < 4; k++) {
    await expect(page.getByTestId('caption')).toHaveText(r.steps[k]!.caption);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.getByTestId('stage')).toHaveAttribute('data-step', String(k + 1));
  }
  // The editor holds the text as text; the page's title heading shows the hostile title literally.
  await expect(page.locator('.cm-content')).toContainText(HOSTILE[0]!);
  await expect(page.getByRole('heading', { name: r.scene.title })).toBeVisible();
  const found = await page.evaluate(() => ({
    evil: document.querySelectorAll('#kh-evil, main img, main iframe, main script, svg foreignObject').length,
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
  }));
  expect(found).toEqual({ evil: 0, pwned: undefined });
  expect(problems).toEqual([]);
});
