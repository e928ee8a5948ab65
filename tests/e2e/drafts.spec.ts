// No draft is ever lost: a share link, a bundled scene or a template opened over
// a draft keeps it in Recent drafts and behind Ctrl+Z, and brings it back.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { sceneInfo } from './helpers.ts';

const status = (page: Page) => page.getByTestId('build-status');
const title = (page: Page) => page.getByTestId('preview-title');
const draft = (page: Page) => page.evaluate(() => localStorage.getItem('kubehop.draft'));

async function openEditor(page: Page, hash = '#/edit'): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(page.locator('.cm-content')).toBeVisible();
  await expect(status(page)).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
}

/** Appends to the scene's title line, by keyboard. */
async function editTitle(page: Page, suffix: string): Promise<void> {
  await page.locator('.cm-content').click();
  const lines = (await draft(page))!.split('\n');
  const at = lines.findIndex((l) => l.startsWith('title:'));
  // Go to line (Ctrl+Alt+G), past the line's end: long lines wrap, so arrows move by rows on screen.
  await page.keyboard.press('Control+Alt+g');
  await page.getByRole('textbox', { name: 'Go to line' }).fill(`${at + 1}:999`);
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-content')).toBeFocused();
  await page.keyboard.type(suffix);
}

/** A share link made in another browser: the ClusterIP template, retitled. */
async function sharedLink(browser: Browser): Promise<string> {
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await openEditor(other);
  await other.getByText('New scene', { exact: true }).click();
  await other.getByRole('button', { name: 'A ClusterIP Service' }).click();
  await editTitle(other, ' — shared');
  await expect(title(other)).toHaveText('A ClusterIP Service — shared');
  await other.getByRole('button', { name: 'Share link' }).click();
  const link = await other.getByTestId('share-link').inputValue();
  await ctx.close();
  return link;
}

test('a share link opened over a draft keeps it: Ctrl+Z and Recent drafts both bring it back', async ({ page, browser }) => {
  const link = await sharedLink(browser);
  await openEditor(page);
  await editTitle(page, ' — mine');
  await expect(title(page)).toHaveText('Two pods on one node — mine');
  const mine = (await draft(page))!;
  await expect(page.getByText('Recent drafts (0)')).toBeVisible();

  await page.goto(link);
  await expect(title(page)).toHaveText('A ClusterIP Service — shared', { timeout: 20_000 });
  await expect(page).toHaveURL(/#\/edit$/);
  // Said in a status region, which screen readers announce.
  const kept = page.getByTestId('editor-kept');
  await expect(kept).toHaveAttribute('role', 'status');
  await expect(kept).toContainText('Opened the shared scene “A ClusterIP Service — shared”');
  await expect(kept).toContainText('Your draft “Two pods on one node — mine” is kept under Recent drafts');
  expect(await draft(page)).toContain('A ClusterIP Service — shared');

  // Undo works across the replacement, and redo goes forward again.
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+z');
  await expect(title(page)).toHaveText('Two pods on one node — mine');
  expect(await draft(page)).toBe(mine);
  await page.keyboard.press('Control+Shift+z');
  await expect(title(page)).toHaveText('A ClusterIP Service — shared');

  // Through Recent drafts, by keyboard, with visible focus.
  const summary = page.getByText('Recent drafts (1)');
  await summary.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
  expect(await summary.evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Enter');
  const item = page.getByTestId('recent-drafts').getByRole('button', { name: /Two pods on one node — mine/ });
  await expect(item).toBeVisible();
  // Esc closes the list and leaves focus on its toggle; Enter opens it again.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(item).toBeHidden();
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title(page)).toHaveText('Two pods on one node — mine');
  await expect(page.locator('.cm-content')).toBeFocused();
  expect(await draft(page)).toBe(mine);
  await expect(kept).toContainText('Brought back the draft “Two pods on one node — mine”');
  // The shared scene it replaced is now the one kept; a reload remembers the list.
  await page.reload();
  await expect(status(page)).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
  await expect(title(page)).toHaveText('Two pods on one node — mine');
  await page.getByText('Recent drafts (1)').click();
  await expect(page.getByTestId('recent-drafts').getByRole('button', { name: /A ClusterIP Service — shared/ })).toBeVisible();
});

test('a bundled scene opened over a draft offers the draft back in one press', async ({ page }) => {
  await openEditor(page);
  await editTitle(page, ' — mine');
  await expect(title(page)).toHaveText('Two pods on one node — mine');
  const mine = (await draft(page))!;

  await page.goto('/#/edit/same-node-bridge');
  const scene = sceneInfo('same-node-bridge').title;
  await expect(title(page)).toHaveText(scene, { timeout: 20_000 });
  await expect(page.getByTestId('editor-kept')).toContainText(`Opened a copy of the bundled scene “${scene}”`);
  const back = page.getByRole('button', { name: 'Bring back “Two pods on one node — mine”' });
  await back.focus();
  await page.keyboard.press('Enter');
  await expect(title(page)).toHaveText('Two pods on one node — mine');
  expect(await draft(page)).toBe(mine);
  // And the other way: the bundled copy is a press away now.
  await page.getByRole('button', { name: `Bring back “${scene}”` }).click();
  await expect(title(page)).toHaveText(scene);
});

test('a template over an edited draft keeps it in Recent drafts; an untouched template is not listed', async ({ page }) => {
  await openEditor(page);
  await page.getByText('New scene', { exact: true }).click();
  await page.getByRole('button', { name: 'A ClusterIP Service' }).click();
  await expect(title(page)).toHaveText('A ClusterIP Service');
  // The untouched one-node template is no loss: nothing listed.
  await expect(page.getByText('Recent drafts (0)')).toBeVisible();
  await editTitle(page, ' — mine');
  await expect(title(page)).toHaveText('A ClusterIP Service — mine');
  await page.getByText('New scene', { exact: true }).click();
  await page.getByRole('button', { name: 'Two nodes with a VXLAN overlay' }).click();
  await expect(title(page)).toHaveText('Pod to pod across two nodes over VXLAN');
  await page.getByText('Recent drafts (1)').click();
  await page.getByTestId('recent-drafts').getByRole('button', { name: /A ClusterIP Service — mine/ }).click();
  await expect(title(page)).toHaveText('A ClusterIP Service — mine');
});

test('a share link in a browser with no draft opens without a word about drafts', async ({ page, browser }) => {
  const link = await sharedLink(browser);
  await page.goto(link);
  await expect(status(page)).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
  await expect(title(page)).toHaveText('A ClusterIP Service — shared');
  await expect(page.getByTestId('editor-kept')).toHaveText('');
  await expect(page.getByText('Recent drafts (0)')).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the kept-draft line and the Recent drafts list have no WCAG 2.2 A/AA violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openEditor(page);
    await editTitle(page, ' — mine');
    await expect(title(page)).toHaveText('Two pods on one node — mine');
    await page.goto('/#/edit/same-node-bridge');
    await expect(page.getByRole('button', { name: 'Bring back “Two pods on one node — mine”' })).toBeVisible({ timeout: 20_000 });
    await page.getByText('Recent drafts (1)').click();
    await expect(page.getByTestId('recent-drafts').getByRole('button')).toBeVisible();
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .analyze();
    const found = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
    expect(found).toEqual([]);
  });
}
