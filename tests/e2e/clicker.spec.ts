// A presenter's clicker after a click on a control: its keys still do what the
// key map says, exactly once, and the control does not also act on them.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { sceneSteps, waitForStep } from './helpers.ts';

const SCENE = 'same-node-bridge';
const steps = sceneSteps(SCENE);

test.use({ reducedMotion: 'reduce' });

const presenting = (page: Page) => page.locator('main.player.presenting');
const stepNow = async (page: Page): Promise<number> =>
  Number(await page.locator('[data-testid=stage][data-moving="false"]').getAttribute('data-step'));

/** Each control a presenter may have clicked, and how it takes focus. */
const CONTROLS: { name: string; locate: (page: Page) => Locator; focus: (l: Locator) => Promise<void> }[] = [
  // A click on the track also moves to the step under the pointer; the keys then go on from there.
  { name: 'the scrubber', locate: (p) => p.getByRole('slider'), focus: (l) => l.click() },
  // A click on a select opens its option list, which has keys of its own; focus is what stays after it closes.
  { name: 'the speed select', locate: (p) => p.getByLabel('Speed'), focus: (l) => l.focus() },
  { name: 'a button', locate: (p) => p.getByRole('button', { name: 'Packet headers' }), focus: (l) => l.click() },
];

/** Whether the app stopped the browser's own handling of the last F5 (a reload). */
async function watchF5(page: Page): Promise<() => Promise<boolean | undefined>> {
  // Added after the app's own window listeners, so it runs after them and sees their verdict.
  await page.evaluate(() => {
    window.addEventListener('keydown', (e) => {
      if (e.key === 'F5') (window as unknown as { khF5?: boolean }).khF5 = e.defaultPrevented;
    });
    (window as unknown as { khLoaded?: boolean }).khLoaded = true;
  });
  return () => page.evaluate(() => (window as unknown as { khF5?: boolean }).khF5);
}

for (const control of CONTROLS) {
  test(`after focusing ${control.name}, the clicker's keys do what the key map says`, async ({ page, context }) => {
    await page.goto(`/#/${SCENE}/4`);
    await waitForStep(page, 3);
    const f5Prevented = await watchF5(page);
    const target = control.locate(page);
    const speed = page.getByLabel('Speed');
    const counter = page.getByTestId('step-counter');

    await control.focus(target);
    await expect(target).toBeFocused();
    const k = await stepNow(page);
    expect(k, 'room for a step either way').toBeGreaterThan(0);
    expect(k).toBeLessThan(steps.length - 1);

    // PageDown: one step forward, not the range's "a tenth of the way back", nor a second step.
    await page.keyboard.press('PageDown');
    await waitForStep(page, k + 1);
    await expect(counter).toHaveText(`Step ${k + 2} of ${steps.length}`);
    await expect(page.getByRole('slider')).toHaveValue(String(k + 2));
    await expect(speed).toHaveValue('1');
    await expect(target).toBeFocused();

    await page.keyboard.press('PageUp');
    await waitForStep(page, k);
    await expect(counter).toHaveText(`Step ${k + 1} of ${steps.length}`);
    await expect(speed).toHaveValue('1');

    // B and `.` black the screen out and back.
    const black = page.getByTestId('blackout');
    for (const key of ['b', 'B', '.']) {
      await page.keyboard.press(key);
      await expect(black, key).toBeVisible();
      await page.keyboard.press(key);
      await expect(black, key).toHaveCount(0);
      await expect(target).toBeFocused();
    }
    await expect(counter).toHaveText(`Step ${k + 1} of ${steps.length}`);

    // G enters presenter mode (the controls go away with it); Esc leaves.
    await page.keyboard.press('g');
    await expect(presenting(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(presenting(page)).toHaveCount(0);

    // A clicker's start/stop button: F5 toggles presenter mode, and the page does not reload.
    await control.focus(target);
    await page.keyboard.press('F5');
    await expect(presenting(page)).toBeVisible();
    expect(await f5Prevented(), 'F5 must not reach the browser (a reload)').toBe(true);
    await page.keyboard.press('F5');
    await expect(presenting(page)).toHaveCount(0);
    await control.focus(target);
    await page.keyboard.press('Shift+F5');
    await expect(presenting(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(presenting(page)).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { khLoaded?: boolean }).khLoaded), 'same page, not reloaded').toBe(true);
    await expect(counter).toHaveText(`Step ${k + 1} of ${steps.length}`);
    await expect(speed).toHaveValue('1');

    // S opens the speaker notes.
    await control.focus(target);
    const [notes] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await notes.waitForLoadState();
    expect(new URL(notes.url()).pathname).toMatch(/\/notes\.html$/);
    await expect(notes.getByTestId('notes-step')).toContainText(`Step ${k + 1} of ${steps.length}`);
    await notes.close();
  });
}

test('the scrubber keeps its arrows: a keyboard user scrubs with them', async ({ page }) => {
  await page.goto(`/#/${SCENE}/4`);
  await waitForStep(page, 3);
  const slider = page.getByRole('slider');
  await slider.focus();
  // The slider pattern: Right and Up go forward, Left and Down back, one step each.
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 4);
  await page.keyboard.press('ArrowUp');
  await waitForStep(page, 5);
  await page.keyboard.press('ArrowDown');
  await waitForStep(page, 4);
  await page.keyboard.press('ArrowLeft');
  await waitForStep(page, 3);
  await expect(slider).toHaveValue('4');
  await page.keyboard.press('End');
  await waitForStep(page, steps.length - 1);
});

test('the editor keeps every key: a clicker key typed there is text', async ({ page, context }) => {
  await page.goto('/#/edit');
  const text = page.locator('.cm-content');
  await expect(text).toBeVisible();
  await text.click();
  await page.keyboard.press('End');
  const pages = context.pages().length;
  await page.keyboard.type('gbs.');
  await expect(page.locator('.cm-line', { hasText: 'gbs.' })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.keyboard.press('PageDown');
  await expect(text).toBeFocused();
  await expect(presenting(page)).toHaveCount(0);
  await expect(page.getByTestId('blackout')).toHaveCount(0);
  expect(context.pages()).toHaveLength(pages);
});

test('F5 in the speaker-notes window does not reload it (the clicker may be aimed at either window)', async ({ page }) => {
  await page.goto('/notes.html#/same-node-bridge/3');
  await expect(page.getByTestId('notes-step')).toContainText('Step 3 of');
  const f5 = await watchF5(page);
  await page.keyboard.press('F5');
  expect(await f5(), 'F5 default prevented').toBe(true);
  // Still the same document: a reload would have dropped the marker watchF5 left.
  expect(await page.evaluate(() => (window as unknown as { khLoaded?: boolean }).khLoaded)).toBe(true);
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('notes-step')).toContainText('Step 4 of');
});
