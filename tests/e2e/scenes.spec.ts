// Every bundled scene, walked step by step in a real browser: found in
// scenes/ when the suite is collected, so a new scene file gets its own test.
//
// Reduced motion makes each step jump (no hop to wait for): these tests
// check where things land. How they move is player.spec.ts's business.
import { expect, test, type Page } from '@playwright/test';
import { expectStep, sceneIds, sceneInfo, sceneSteps, shown, waitForStep, type Shown } from './helpers.ts';

test.use({ reducedMotion: 'reduce' });

async function stageBox(page: Page): Promise<string> {
  const b = await page.getByTestId('stage').boundingBox();
  return JSON.stringify(b);
}

/** The caption fits the band reserved under the stage (only a caption too long for it, even at its smallest size, grows it). */
async function captionFits(page: Page): Promise<boolean> {
  return page.locator('.caption-band').evaluate((band) => band.getBoundingClientRect().height <= parseFloat(getComputedStyle(band).minHeight) + 0.5);
}

/**
 * A real mouse click at the button's centre, measured once: locator.click()
 * re-checks the button is steady before every click, which is most of a walk's
 * time. If the button moved, the click misses and the step wait fails.
 */
async function clicker(page: Page, name: string): Promise<() => Promise<void>> {
  const b = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
  return () => page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
}

for (const id of sceneIds()) {
  test(`${id}: Next walks every step, and Previous walks back to the same pictures`, async ({ page }) => {
    const steps = sceneSteps(id);
    const last = steps.length - 1;
    await page.goto(`/#/${id}/1`);
    await waitForStep(page, 0);
    await expect(page.getByRole('heading', { level: 2, name: sceneInfo(id).title, exact: true })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Scene', exact: true })).toHaveValue(id);

    const next = page.getByRole('button', { name: 'Next step' });
    const prev = page.getByRole('button', { name: 'Prev step' });
    await expect(prev).toBeDisabled();
    const [clickNext, clickPrev] = [await clicker(page, 'Next step'), await clicker(page, 'Prev step')];
    // The caption sits in a band of one height, so the diagram keeps one size at every step whose caption fits it.
    let box = (await captionFits(page)) ? await stageBox(page) : undefined;

    const forward: Shown[] = [await expectStep(page, steps, 0, id)];
    for (let k = 1; k <= last; k++) {
      await clickNext();
      await waitForStep(page, k);
      const [now, size, fits] = await Promise.all([expectStep(page, steps, k, id), stageBox(page), captionFits(page)]);
      forward.push(now);
      if (fits) {
        box ??= size;
        expect(size, `stage size at step ${k + 1}`).toBe(box);
      }
    }
    await expect(next).toBeDisabled();

    for (let k = last - 1; k >= 0; k--) {
      await clickPrev();
      await waitForStep(page, k);
      expect(await shown(page), `back at step ${k + 1}`).toEqual(forward[k]);
    }
    await expect(prev).toBeDisabled();
  });
}
