// axe-core finds no WCAG 2.2 A or AA violation on any page, in light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitForStep } from './helpers.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // One line per offending element, so a failure says what to fix and where.
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`));
}

// `plain`: a page outside the app (the blog post), which follows the system's scheme without the app's theme classes.
const PAGES: { name: string; plain?: boolean; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'gallery',
    open: async (page) => {
      await page.goto('/');
      await expect(page.locator('.thumb[data-state="drawn"]')).toHaveCount(await page.locator('.thumb').count());
    },
  },
  {
    name: 'overview',
    open: async (page) => {
      await page.goto('/#/overview');
      await expect(page.getByRole('heading', { name: /four rules/i })).toBeVisible();
    },
  },
  {
    name: 'player (a step that changes headers, inspector open)',
    open: async (page) => {
      await page.setViewportSize({ width: 1400, height: 800 });
      await page.goto('/#/cross-node-vxlan/6');
      await waitForStep(page, 5);
    },
  },
  {
    name: 'player (help open)',
    open: async (page) => {
      await page.goto('/#/clusterip-dnat/4');
      await waitForStep(page, 3);
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'presenter mode',
    open: async (page) => {
      await page.goto('/#/cross-node-vxlan/6');
      await waitForStep(page, 5);
      const before = await page.locator('html').getAttribute('class');
      await page.keyboard.press('g');
      await expect(page.locator('html')).toHaveClass(/kh-theme-projector/);
      // Presenting shows the projector theme; T cycles from there back to the viewer's scheme.
      const want = before?.includes('kh-theme-dark') ? 'kh-theme-dark' : 'kh-theme-light';
      while (!((await page.locator('html').getAttribute('class')) ?? '').includes(want)) await page.keyboard.press('t');
    },
  },
  {
    name: 'presenter mode, projector theme',
    open: async (page) => {
      await page.goto('/#/cross-node-vxlan/6');
      await waitForStep(page, 5);
      await page.keyboard.press('g');
      await expect(page.locator('html')).toHaveClass(/kh-theme-projector/);
    },
  },
  {
    name: 'demo blog post with three embeds',
    plain: true,
    open: async (page) => {
      await page.goto('/demo/');
      await expect(page.locator('kubehop-scene[data-state="ready"], kubehop-scene')).toHaveCount(3);
      // Each embed draws its diagram inside its shadow root.
      await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('kubehop-scene')].filter((e) => e.shadowRoot?.querySelector('svg g.kh-box')).length)).toBe(3);
    },
  },
];

for (const scheme of ['light', 'dark'] as const) {
  for (const p of PAGES) {
    test(`no WCAG 2.2 A/AA violations: ${p.name}, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await p.open(page);
      if (!p.plain && !p.name.includes('projector')) await expect(page.locator('html')).toHaveClass(new RegExp(`kh-theme-${scheme}`));
      expect(await violations(page)).toEqual([]);
    });
  }
}
