// The scene editor (#/edit): live preview, inline diagnostics, draft kept
// across reloads, share links, download, templates, completion, keys.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { sceneInfo } from './helpers.ts';

const ONE_NODE = readFileSync(new URL('../../src/app/editor/templates/one-node.yaml', import.meta.url), 'utf8');
const lineOf = (needle: string): number => ONE_NODE.split('\n').findIndex((l) => l.includes(needle)) + 1;

const status = (page: Page) => page.getByTestId('build-status');
const title = (page: Page) => page.getByTestId('preview-title');

async function openEditor(page: Page, hash = '#/edit'): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(page.locator('.cm-content')).toBeVisible();
  await expect(status(page)).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
}

/**
 * Puts the cursor at the end of a 1-based line, by keyboard as a person would: Go to line
 * (Ctrl+Alt+G) with a column past the end. Long lines wrap, so arrows and End move by rows on screen.
 */
async function endOfLine(page: Page, line: number): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Alt+g');
  await page.getByRole('textbox', { name: 'Go to line' }).fill(`${line}:999`);
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-content')).toBeFocused();
}

test('typing updates the preview; an error is marked and listed while the last good render stays; fixing it updates again; a reload keeps the text', async ({ page }) => {
  await openEditor(page);
  await expect(page.getByRole('textbox', { name: 'Scene source (YAML)' })).toBeVisible();
  await expect(title(page)).toHaveText('Two pods on one node');
  await expect(page.getByTestId('stage').locator('g.kh-box').first()).toBeAttached();

  // Edit the title: the preview follows after a short pause.
  await endOfLine(page, lineOf('title:'));
  await page.keyboard.type(' (edited)');
  await expect(title(page)).toHaveText('Two pods on one node (edited)');
  await expect(status(page)).toHaveAttribute('data-state', 'ok');

  // Break a step: a lint mark in the text, the error listed with line:col, the old render kept.
  const bad = lineOf('to: node1/veth-a');
  await endOfLine(page, bad);
  await page.keyboard.type('x');
  await expect(status(page)).toHaveAttribute('data-state', 'errors');
  await expect(status(page)).toContainText('last version that worked');
  const problems = page.getByTestId('editor-problems');
  await expect(problems).toContainText(`${bad}:9`);
  await expect(problems).toContainText("'node1/veth-ax', which is not an element");
  await expect(page.locator('.cm-lintRange-error').first()).toBeAttached();
  // The mark's tooltip names the diagnostic's code (docs/diagnostics.md).
  await page.locator('.cm-lintRange-error').first().hover();
  await expect(page.locator('.cm-tooltip-lint .cm-diagnosticSource').first()).toHaveText('kubehop KH3006');
  await page.mouse.move(0, 0);
  await expect(title(page)).toHaveText('Two pods on one node (edited)');
  await expect(page.getByTestId('stage').locator('g.kh-box').first()).toBeAttached();

  // The listed error moves the cursor to it.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Home');
  await problems.getByRole('button').first().click();
  await expect(page.locator('.cm-content')).toBeFocused();
  const caret = await page.evaluate(() => {
    const s = getSelection()!;
    return s.focusNode?.parentElement?.closest('.cm-line')?.textContent ?? s.focusNode?.textContent ?? '';
  });
  expect(caret).toContain('node1/veth-ax');

  // Fix it.
  await endOfLine(page, bad);
  await page.keyboard.press('Backspace');
  await expect(status(page)).toHaveAttribute('data-state', 'ok');
  await expect(problems).toHaveCount(0);
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);

  // Saved as typed: a reload brings the same text back.
  await page.keyboard.type(' ');
  await page.keyboard.press('Backspace');
  await page.reload();
  await expect(status(page)).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
  await expect(title(page)).toHaveText('Two pods on one node (edited)');
  expect(await page.evaluate(() => localStorage.getItem('kubehop.draft'))).toContain('title: Two pods on one node (edited)');
});

test('a share link opens the same scene in a fresh browser; a damaged one says so', async ({ page, browser, baseURL }) => {
  await openEditor(page);
  await endOfLine(page, lineOf('title:'));
  await page.keyboard.type(' — shared');
  await expect(title(page)).toHaveText('Two pods on one node — shared');
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link.startsWith(`${baseURL}/#v1:`)).toBe(true);
  const draft = await page.evaluate(() => localStorage.getItem('kubehop.draft'));

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(status(other)).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
  await expect(title(other)).toHaveText('Two pods on one node — shared');
  await expect(other.getByTestId('stage').locator('g.kh-box').first()).toBeAttached();
  // The address becomes plain #/edit: a reload keeps later edits instead of reopening the link.
  await expect(other).toHaveURL(/#\/edit$/);
  expect(await other.evaluate(() => localStorage.getItem('kubehop.draft'))).toBe(draft);

  await other.goto('/#v1:this*is*not*a*link');
  await expect(other.getByTestId('editor-notice')).toContainText('damaged');
  await expect(status(other)).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
  await fresh.close();
});

test('download gives a .yaml file with the text', async ({ page }) => {
  await openEditor(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .yaml' }).click()]);
  expect(download.suggestedFilename()).toBe('one-node.yaml');
  const path = await download.path();
  expect(readFileSync(path, 'utf8')).toBe(ONE_NODE);
});

test('New scene offers the templates, and one replaces the text (undoably)', async ({ page }) => {
  await openEditor(page);
  await page.getByText('New scene').click();
  await expect(page.getByRole('button', { name: /^(One node, two pods|Two nodes with a VXLAN overlay|A ClusterIP Service)$/ })).toHaveCount(3);
  await page.getByRole('button', { name: 'Two nodes with a VXLAN overlay' }).click();
  await expect(title(page)).toHaveText('Pod to pod across two nodes over VXLAN');
  await expect(status(page)).toHaveAttribute('data-state', 'ok');
  await page.keyboard.press('Control+z');
  await expect(title(page)).toHaveText('Two pods on one node');
  await page.getByText('New scene').click();
  await page.getByRole('button', { name: 'A ClusterIP Service' }).click();
  await expect(title(page)).toHaveText('A ClusterIP Service');
});

test('completion offers schema keys and the scene’s element ids', async ({ page }) => {
  await openEditor(page);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('high');
  const popup = page.locator('.cm-tooltip-autocomplete');
  await expect(popup).toBeVisible();
  await expect(popup.getByRole('option', { name: 'highlight', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('to: node1/v');
  await popup.getByRole('option', { name: 'node1/veth-a', exact: true }).click();
  await expect(page.locator('.cm-content')).toContainText('to: node1/veth-a');
});

test('player keys do not act while typing; Esc then Tab leaves the editor', async ({ page }) => {
  await openEditor(page);
  const stage = page.getByTestId('stage');
  await expect(stage).toHaveAttribute('data-step', '0');
  const theme = await page.evaluate(() => document.documentElement.className);
  await endOfLine(page, lineOf('caption: Pod A sends'));
  // t (theme), ? (help), n and arrows (steps) are text here.
  await page.keyboard.type(' tn?');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  await expect(page.locator('.cm-content')).toContainText('address. tn?');
  await expect(page.locator('dialog.help')).not.toBeVisible();
  expect(await page.evaluate(() => document.documentElement.className)).toBe(theme);
  await expect(stage).toHaveAttribute('data-step', '0');
  // Tab indents; Esc, then Tab, moves on.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.locator('.cm-content')).not.toBeFocused();
});

test('the header leads to the editor, and a scene’s “Edit this scene” opens a copy of it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Editor' }).click();
  await expect(page).toHaveURL(/#\/edit$/);
  await expect(status(page)).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });

  await page.goto('/#/same-node-bridge/1');
  await page.getByRole('link', { name: 'Edit this scene' }).click();
  await expect(status(page)).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
  await expect(title(page)).toHaveText(sceneInfo('same-node-bridge').title);
  await expect(page).toHaveURL(/#\/edit$/);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the editor with an error listed has no WCAG 2.2 A/AA violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openEditor(page);
    await endOfLine(page, lineOf('to: node1/veth-a'));
    await page.keyboard.type('x');
    await expect(page.getByTestId('editor-problems')).toBeVisible();
    await page.getByRole('button', { name: 'Share link' }).click();
    await expect(page.getByTestId('share-link')).toBeVisible();
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .analyze();
    const found = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
    expect(found).toEqual([]);
  });
}
