// The built app and the embed run under a Content-Security-Policy without
// 'unsafe-eval' (and without inline scripts): every page works and the
// browser reports no violation.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { waitForStep } from './helpers.ts';

// Inline styles stay allowed: the diagram carries its own <style> so that an
// exported SVG keeps its look.
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

async function underPolicy(page: Page): Promise<() => Promise<string[]>> {
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    if ((headers['content-type'] ?? '').includes('text/html')) headers['content-security-policy'] = POLICY;
    await route.fulfill({ response, headers });
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

test('the gallery, the player and presenter mode work under the policy', async ({ page }) => {
  const violations = await underPolicy(page);
  await page.goto('/');
  await expect(page.locator('.thumb[data-state="drawn"]').first()).toBeVisible();
  await page.getByRole('link', { name: 'Pod to pod across nodes over VXLAN (Flannel)' }).click();
  await waitForStep(page, 0);
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 1);
  await page.keyboard.press('g');
  await expect(page.locator('html')).toHaveClass(/kh-theme-projector/);
  expect(await violations()).toEqual([]);
});

test('the demo post’s embeds, and an embed laid out from raw YAML, work under the policy', async ({ page }) => {
  const violations = await underPolicy(page);
  const yaml = readFileSync('scenes/calico-bgp.yaml', 'utf8');
  await page.route('**/raw/scene.yaml', (route) => route.fulfill({ body: yaml, contentType: 'text/yaml' }));
  await page.goto('/demo/');
  await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('kubehop-scene')].filter((e) => e.shadowRoot?.querySelector('svg g.kh-box')).length)).toBe(3);
  // Raw YAML brings the in-page pipeline (yaml, zod, elkjs): none of it may need eval.
  await page.evaluate(() => {
    const el = document.createElement('kubehop-scene');
    el.id = 'raw';
    el.setAttribute('src', '/raw/scene.yaml');
    document.body.prepend(el);
  });
  await expect.poll(() => page.locator('#raw').evaluate((el) => !!el.shadowRoot?.querySelector('svg g.kh-box')), { timeout: 30_000 }).toBe(true);
  expect(await violations()).toEqual([]);
});

test('the editor (CodeMirror, the in-page pipeline and elkjs) works under the policy', async ({ page }) => {
  const violations = await underPolicy(page);
  await page.goto('/#/edit/same-node-bridge');
  await expect(page.locator('.cm-content')).toBeVisible();
  await expect(page.getByTestId('stage')).toHaveAttribute('data-step', '0', { timeout: 30_000 });
  expect(await violations()).toEqual([]);
});

// A blog whose policy allows no inline styles at all. The element adopts its
// stylesheets (constructable sheets are not inline styles) and takes the
// renderer's own <style> out of the diagram before it joins the page, so the
// boxes are coloured and the browser has nothing to block or report.
const STRICT = POLICY.replace("style-src 'self' 'unsafe-inline'", "style-src 'self'");

test('an embed on a page whose policy is style-src \'self\' is drawn in its colours, with no violation', async ({ page }) => {
  const { geometry } = JSON.parse(readFileSync('dist/app/embed/scenes/cross-node-vxlan.json', 'utf8')) as { geometry: { width: number; height: number } };
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>strict</title>
<link rel="stylesheet" href="/strict/post.css"><script type="module" src="/embed/kubehop.js"></script>
<kubehop-scene id="s" src="/embed/scenes/cross-node-vxlan.json" controls theme="light" width="${geometry.width}" height="${geometry.height}">
<img src="/embed/scenes/cross-node-vxlan.svg" alt="A still" width="${geometry.width}" height="${geometry.height}"></kubehop-scene>`;
  await page.route('**/strict/post.html', (route) =>
    route.fulfill({ body: html, contentType: 'text/html', headers: { 'content-security-policy': STRICT } }),
  );
  await page.route('**/strict/post.css', (route) => route.fulfill({ body: 'kubehop-scene { display: block; max-width: 800px; }', contentType: 'text/css' }));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/strict/post.html');
  const el = page.locator('#s');
  await expect(el.locator('.frame')).toHaveAttribute('data-state', 'ready');
  const look = await el.evaluate((host) => {
    const root = host.shadowRoot!;
    const fill = (sel: string): string => getComputedStyle(root.querySelector(sel)!).fill;
    return {
      inlineStyles: root.querySelectorAll('style').length,
      background: fill('.kh-bg'),
      node: fill('.kh-box[data-kind="node"] > .kh-box-bg'),
      text: fill('text'),
      button: getComputedStyle(root.querySelector('button.next')!).backgroundColor,
    };
  });
  // The light theme's colours (src/render/style.ts, src/embed/styles.ts), not SVG's default black.
  expect(look).toEqual({ inlineStyles: 0, background: 'rgb(255, 255, 255)', node: 'rgb(242, 247, 252)', text: 'rgb(27, 31, 36)', button: 'rgb(246, 248, 250)' });
  await el.getByRole('button', { name: 'Next step' }).click();
  await expect(el.locator('.frame')).toHaveAttribute('data-step', '1');
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});
