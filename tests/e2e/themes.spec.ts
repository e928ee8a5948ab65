// Themes (light, dark, projector), their keys and their legibility, in a real browser.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sceneSteps, waitForStep } from './helpers.ts';

const SCENE = 'same-node-bridge';
const steps = sceneSteps(SCENE);
// A step with a highlighted table row and a changed header field, so both are measured.
const RICH = Math.max(0, steps.findIndex((s) => s.highlight.length > 0 && s.changed.length > 0));

async function open(page: Page, k = RICH): Promise<void> {
  await page.goto(`/#/${SCENE}/${k + 1}`);
  await waitForStep(page, k);
}

const theme = (page: Page) => page.evaluate(() => document.documentElement.className);

/** Every text/background pair the brief names, as contrast ratios (WCAG 2 relative luminance). */
async function contrasts(page: Page): Promise<{ what: string; ratio: number }[]> {
  return page.evaluate(() => {
    const rgb = (c: string): [number, number, number, number] => {
      const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1];
    };
    const lum = ([r, g, b]: number[]) =>
      [r!, g!, b!]
        .map((v) => v / 255)
        .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const ratio = (a: string, b: string) => {
      const [x, y] = [lum(rgb(a)), lum(rgb(b))];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    // The first opaque background at or above an HTML element.
    const bgOf = (el: Element | null): string => {
      for (let e = el; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (rgb(c)[3] > 0.5) return c;
      }
      return 'rgb(255, 255, 255)';
    };
    const out: { what: string; ratio: number }[] = [];
    const html = (sel: string) => {
      const els = [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => e.innerText.trim() !== '');
      if (els.length === 0) throw new Error(`nothing matches ${sel}`);
      for (const e of els) out.push({ what: `${sel} “${e.innerText.trim().slice(0, 20)}”`, ratio: ratio(getComputedStyle(e).color, bgOf(e)) });
    };
    html('[data-testid=caption]');
    html('.packet-chip');
    html('.inspector h2');
    html('.field dt');
    html('.field .value');
        html('.inspector .badge');
    html('.controls button:not(:disabled)');
    html('.counter');
    html('.top select');
    // SVG text against the fill of the row or box it sits in (or the stage background).
    for (const t of document.querySelectorAll<SVGTextElement>('svg.kh-scene text')) {
      if (t.closest('.kh-packet') || t.classList.contains('kh-link-label')) continue;
      const holder = t.closest('.kh-row') ?? t.closest('.kh-box');
      const bg = holder?.querySelector(':scope > .kh-row-bg, :scope > .kh-box-bg') ?? document.querySelector('svg.kh-scene .kh-bg');
      if (!bg) continue;
      const hl = t.closest('.kh-highlight') ? ' (highlighted)' : '';
      out.push({ what: `svg “${t.textContent?.slice(0, 20)}”${hl}`, ratio: ratio(getComputedStyle(t).fill, getComputedStyle(bg).fill) });
    }
    // Link labels wear a halo of the stage background.
    for (const t of document.querySelectorAll<SVGTextElement>('svg.kh-scene .kh-link-label')) {
      out.push({ what: `link label “${t.textContent}”`, ratio: ratio(getComputedStyle(t).fill, getComputedStyle(t).stroke) });
    }
    return out;
  });
}

test('the theme follows the system until chosen, T cycles it, and the choice is kept', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page);
  expect(await theme(page)).toContain('kh-theme-dark');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => theme(page)).toContain('kh-theme-light');

  await page.keyboard.press('t');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await page.keyboard.press('T');
  await expect(page.getByLabel('Theme')).toHaveValue('projector');
  expect(await theme(page)).toContain('kh-theme-projector');
  // Projector type is larger and its diagram lines thicker.
  const size = (sel: string) => page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const projectorCaption = await size('[data-testid=caption]');
  const line = await page.locator('.kh-box[data-kind=node] > .kh-box-bg').first().evaluate((e) => parseFloat(getComputedStyle(e).strokeWidth));
  await page.keyboard.press('t');
  await expect(page.getByLabel('Theme')).toHaveValue('light');
  expect(projectorCaption).toBeGreaterThan((await size('[data-testid=caption]')) * 1.2);
  expect(line).toBeGreaterThan(await page.locator('.kh-box[data-kind=node] > .kh-box-bg').first().evaluate((e) => parseFloat(getComputedStyle(e).strokeWidth)));

  // The header control picks one too; a reload (even with the system saying dark) keeps it.
  await page.getByLabel('Theme').selectOption('projector');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await waitForStep(page, RICH);
  expect(await theme(page)).toContain('kh-theme-projector');
  // Typing in a field leaves T alone.
  await page.getByLabel('Theme').focus();
  await page.keyboard.press('t');
  expect(await theme(page)).toContain('kh-theme-projector');
});

test('without storage the themes still work', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  });
  await open(page);
  await page.keyboard.press('t');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
});

for (const name of ['light', 'dark', 'projector'] as const) {
  test(`${name} theme: every text keeps WCAG AA contrast; screenshot`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('kubehop.theme', t), name);
    await open(page);
    expect(await theme(page)).toContain(`kh-theme-${name}`);
    const pairs = await contrasts(page);
    expect(pairs.length).toBeGreaterThan(20);
    expect(pairs.some((p) => p.what.includes('(highlighted)')), 'a highlighted row is measured').toBe(true);
    const poor = pairs.filter((p) => p.ratio < 4.5).map((p) => `${p.what}: ${p.ratio.toFixed(2)}`);
    expect(poor).toEqual([]);
    // Larger type still fits the controls on one row at 1280×720.
    const mids = await page.locator('.controls > *').evaluateAll((els) =>
      els.map((e) => (e.getBoundingClientRect().top + e.getBoundingClientRect().bottom) / 2),
    );
    expect(Math.max(...mids) - Math.min(...mids), 'controls on one row').toBeLessThan(8);
    mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: `test-results/screenshots/theme-${name}.png` });
  });
}

test('F toggles full screen on the player', async ({ page }) => {
  await open(page);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.className ?? '')).toContain('player');
  // Stepping still works in full screen.
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, RICH + 1);
  await page.keyboard.press('F');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
});

test('? opens the keyboard help as a modal dialog; keys wait; Esc closes it', async ({ page }) => {
  await open(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard' });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => d.matches(':modal') && d.contains(document.activeElement))).toBe(true);
  for (const key of ['PageDown', 'PageUp', 'Home', 'End', 'Space', 'Enter', 'Esc', '?', 'F', 'T']) {
    await expect(dialog.locator('kbd', { hasText: key }).first()).toBeVisible();
  }
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/help.png' });
  for (const key of ['ArrowRight', 'n', 't', 'f']) await page.keyboard.press(key);
  await expect(page.getByTestId('step-counter')).toHaveText(`Step ${RICH + 1} of ${steps.length}`);
  expect(await theme(page)).toContain('kh-theme-light');
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('?');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, RICH + 1);
});
