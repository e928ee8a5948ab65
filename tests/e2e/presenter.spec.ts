// Presenter mode, the black screen and the speaker-notes window, in a real browser.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { codeSpans } from '../../src/app/presenter/code-spans.ts';
import { sceneSteps, waitForStep } from './helpers.ts';

const SCENE = 'same-node-bridge';
const steps = sceneSteps(SCENE);
// The notes window is tested on a step that has notes, followed by one that has none where the scene allows.
const NOTED = steps.findIndex((s, i) => s.notes && i < steps.length - 1);
const SHOTS = 'test-results/screenshots';

test.use({ reducedMotion: 'reduce' });

async function open(page: Page, k = 1): Promise<void> {
  await page.goto(`/#/${SCENE}/${k + 1}`);
  await waitForStep(page, k);
}

const htmlClass = (page: Page) => page.evaluate(() => document.documentElement.className);
const captionPx = (page: Page) => page.getByTestId('caption').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
/** What the notes window shows as text: backticked runs lose their marks. */
const shownNotes = (notes: string) => codeSpans(notes).map((s) => s.text).join('');

test('G enters presenter mode: chrome hidden, large caption, projector theme; Esc restores it all', async ({ page }) => {
  await open(page);
  const header = page.locator('header.top');
  const inspector = page.getByTestId('inspector');
  await expect(header).toBeVisible();
  await expect(inspector).toBeVisible();
  expect(await htmlClass(page)).toContain('kh-theme-light');
  const before = await captionPx(page);
  const stageBefore = (await page.getByTestId('stage').boundingBox())!;

  await page.keyboard.press('g');
  await expect(page.locator('main.player.presenting')).toBeVisible();
  expect(await htmlClass(page)).toContain('kh-theme-projector');
  await expect(header).toBeHidden();
  await expect(inspector).toBeHidden();
  await expect(page.getByRole('slider')).toHaveCount(0);
  await expect(page.getByLabel('Speed')).toHaveCount(0);
  expect(await captionPx(page), 'projector-sized caption').toBeGreaterThan(before * 1.5);
  const stage = (await page.getByTestId('stage').boundingBox())!;
  expect(stage.width, 'the diagram takes the width the inspector had').toBeGreaterThan(stageBefore.width + 200);
  // The player covers the window, full screen or not.
  expect(await page.locator('main.player').boundingBox()).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 2 of ${steps.length}`);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/presenter.png` });

  // Stepping still works; T still cycles the theme while presenting.
  await page.keyboard.press('PageDown');
  await waitForStep(page, 2);
  await page.keyboard.press('t');
  expect(await htmlClass(page)).toContain('kh-theme-light');
  await page.keyboard.press('t');
  expect(await htmlClass(page)).toContain('kh-theme-dark');

  await page.keyboard.press('Escape');
  await expect(page.locator('main.player.presenting')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  // The viewer's own theme comes back, not the one picked while presenting.
  expect(await htmlClass(page)).toContain('kh-theme-light');
  expect(await htmlClass(page)).not.toContain('kh-presenting');
  await expect(header).toBeVisible();
  await expect(inspector).toBeVisible();
  expect(await captionPx(page)).toBeCloseTo(before, 1);
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 3 of ${steps.length}`);
});

test('the Present and Exit buttons do the same, by keyboard, and focus returns to Present', async ({ page }) => {
  await open(page);
  const present = page.getByRole('button', { name: 'Present', exact: true });
  await present.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main.player.presenting')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.classList.contains('player') ?? false)).toBe(true);
  const exit = page.getByRole('button', { name: 'Exit presenter mode' });
  await expect(exit).toBeVisible();
  // Reachable with Tab, focus visible.
  for (let i = 0; i < 8 && !(await exit.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
  expect(await exit.evaluate((e) => e.matches(':focus-visible'))).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('main.player.presenting')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  expect(await htmlClass(page)).toContain('kh-theme-light');
  await expect(present).toBeFocused();
});

test('where full screen is refused, presenter mode still covers the page', async ({ page }) => {
  await page.addInitScript(() => {
    Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('refused'));
  });
  await open(page);
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.locator('main.player.presenting')).toBeVisible();
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  expect(await page.locator('main.player').boundingBox()).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  await expect(page.locator('header.top')).toBeHidden();
  // Nothing under it takes focus: Tab goes round the player's controls (and out to the browser), never to the hidden header.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const a = document.activeElement;
      return !a || a === document.body ? 'body' : a.closest('main.player') ? 'player' : a.outerHTML.slice(0, 60);
    });
    expect(['body', 'player']).toContain(where);
  }
  await page.getByRole('button', { name: 'Exit presenter mode' }).click();
  await expect(page.locator('header.top')).toBeVisible();
});

test('B and . black the screen out and back; a step key first brings the picture back', async ({ page }) => {
  await open(page, 3);
  const black = page.getByTestId('blackout');
  const status = page.getByTestId('presenter-status');
  await expect(black).toHaveCount(0);

  await page.keyboard.press('b');
  await expect(black).toBeVisible();
  await expect(status).toHaveText('Screen blacked out');
  // It covers the whole player, controls included.
  expect(await black.boundingBox()).toEqual(await page.locator('main.player').boundingBox());
  await page.keyboard.press('b');
  await expect(black).toHaveCount(0);
  await expect(status).toHaveText('Screen shown');

  await page.keyboard.press('.');
  await expect(black).toBeVisible();
  await page.keyboard.press('.');
  await expect(black).toHaveCount(0);

  // In presenter mode too; the first Next only shows the picture again, the second steps.
  await page.keyboard.press('g');
  await page.keyboard.press('B');
  await expect(black).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/blackout.png` });
  await page.keyboard.press('ArrowRight');
  await expect(black).toHaveCount(0);
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 4 of ${steps.length}`);
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 4);

  // A click on the black screen brings the picture back too; Esc leaves presenter mode and the black screen.
  await page.keyboard.press('b');
  await black.click();
  await expect(black).toHaveCount(0);
  await page.keyboard.press('b');
  await page.keyboard.press('Escape');
  await expect(black).toHaveCount(0);
  await expect(page.locator('main.player.presenting')).toHaveCount(0);
});

test('S opens the speaker notes, which follow the player and steer it', async ({ page, context }) => {
  expect(NOTED, `${SCENE} has a step with notes`).toBeGreaterThanOrEqual(0);
  const noted = steps[NOTED]!;
  const after = steps[NOTED + 1]!;
  await open(page, NOTED);
  const [notes] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await notes.waitForLoadState();
  expect(new URL(notes.url()).pathname).toMatch(/\/notes\.html$/);

  const counter = notes.getByTestId('notes-step');
  await expect(counter).toContainText(`Step ${NOTED + 1} of ${steps.length}`);
  await expect(notes.getByRole('heading', { level: 1 })).toHaveText('Pod to pod on the same node');
  await expect(notes.getByTestId('notes-text')).toHaveText(shownNotes(noted.notes!));
  await expect(notes.getByTestId('notes-caption')).toHaveText(noted.caption);
  await expect(notes.getByTestId('notes-next')).toHaveText(after.caption);
  await expect(notes.getByTestId('notes-elapsed')).toHaveText(/^\d+:\d\d$/);
  mkdirSync(SHOTS, { recursive: true });
  await notes.screenshot({ path: `${SHOTS}/notes.png` });

  // The player steps: the notes follow.
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, NOTED + 1);
  await expect(counter).toContainText(`Step ${NOTED + 2} of ${steps.length}`);
  await expect(notes.getByTestId('notes-caption')).toHaveText(after.caption);
  await expect(notes.getByTestId('notes-text')).toHaveText(after.notes ? shownNotes(after.notes) : 'No notes for this step');

  // The notes window steps (a clicker's PageUp there): the player follows.
  await notes.keyboard.press('PageUp');
  await waitForStep(page, NOTED);
  await expect(page.getByTestId('step-counter')).toHaveText(`Step ${NOTED + 1} of ${steps.length}`);
  await expect(page).toHaveURL(new RegExp(`#/${SCENE}/${NOTED + 1}$`));
  await notes.getByRole('button', { name: 'Next step' }).click();
  await waitForStep(page, NOTED + 1);

  // B in the notes window blacks out the player, and the notes say so.
  await notes.keyboard.press('b');
  await expect(page.getByTestId('blackout')).toBeVisible();
  await expect(notes.getByTestId('notes-black')).toBeVisible();
  await page.keyboard.press('b');
  await expect(notes.getByTestId('notes-black')).toHaveCount(0);

  // Presenting: the notes take the player's theme.
  await page.keyboard.press('g');
  await expect.poll(() => htmlClass(notes)).toContain('kh-theme-projector');

  // S again brings the same window forward instead of opening another.
  await page.keyboard.press('s');
  await page.waitForTimeout(300);
  expect(context.pages()).toHaveLength(2);
});

test('the notes window ignores messages that are malformed or about another scene', async ({ page, context }) => {
  expect(NOTED).toBeGreaterThanOrEqual(0);
  await open(page, NOTED);
  const [notes] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  const counter = notes.getByTestId('notes-step');
  await expect(counter).toContainText(`Step ${NOTED + 1} of`);
  await page.evaluate(() => {
    const c = new BroadcastChannel('kubehop-presenter');
    c.postMessage({ kind: 'state', scene: 'same-node-bridge', step: -4, count: 20, blackout: false, theme: 'dark' });
    c.postMessage({ kind: 'state', scene: 'no-such-scene', step: 0, count: 3, blackout: true, theme: 'dark' });
    c.postMessage('<img src=x onerror=alert(1)>');
    c.close();
  });
  await notes.waitForTimeout(300);
  await expect(counter).toContainText(`Step ${NOTED + 1} of`);
  await expect(notes.getByTestId('notes-black')).toHaveCount(0);
  // And the player ignores a go for another scene.
  await notes.evaluate(() => {
    const c = new BroadcastChannel('kubehop-presenter');
    c.postMessage({ kind: 'go', scene: 'nodeport', step: 0 });
    c.close();
  });
  await page.waitForTimeout(300);
  await expect(page.getByTestId('step-counter')).toHaveText(`Step ${NOTED + 1} of ${steps.length}`);
});
