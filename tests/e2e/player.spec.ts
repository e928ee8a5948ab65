// The player against the first scene, in a real browser.
//
// URLs are 1-based: `#/same-node-bridge/7` is the page that says
// "Step 7 of 20", which is index 6 of the derived steps.
import { expect, test, type Page } from '@playwright/test';
import { captionHoldMs } from '../../src/player/hold.ts';
import { centres, cornerDistance, expectStep, sceneInfo, sceneSteps, shown, waitForStep, type Shown } from './helpers.ts';

const sceneTitle = (id: string): string => sceneInfo(id).title;

const SCENE = 'same-node-bridge';
const steps = sceneSteps(SCENE);
const last = steps.length - 1;

async function open(page: Page, step = 1): Promise<void> {
  await page.goto(`/#/${SCENE}/${step}`);
  await waitForStep(page, step - 1);
  // The inspector's "Checked on Linux" line arrives a moment later (it hashes the scene's file first):
  // waited for here, so a walk forward and back compares the same panel.
  await expect(page.getByTestId('inspector').getByTestId('linux-check')).toBeVisible();
}

function headersDiffer(k: number): boolean {
  return JSON.stringify(steps[k]!.headers) !== JSON.stringify(steps[k - 1]!.headers);
}

/** Forward with `advance`, checking each step; back with `retreat`, expecting the same pictures. */
async function roundTrip(page: Page, advance: (k: number) => Promise<void>, retreat: (k: number) => Promise<void>) {
  const forward: Shown[] = [await expectStep(page, steps, 0, SCENE)];
  for (let k = 1; k <= last; k++) {
    await advance(k);
    await waitForStep(page, k);
    const now = await expectStep(page, steps, k, SCENE);
    // The header values listed change exactly when the derived headers do.
    if (headersDiffer(k)) expect(now.layers, `inspector at step ${k + 1}`).not.toEqual(forward[k - 1]!.layers);
    else expect(now.layers, `inspector at step ${k + 1}`).toEqual(forward[k - 1]!.layers);
    forward.push(now);
  }
  for (let k = last - 1; k >= 0; k--) {
    await retreat(k);
    await waitForStep(page, k);
    expect(await shown(page), `back at step ${k + 1}`).toEqual(forward[k]);
  }
}

test('the page has a title, a stage, captions for screen readers and labelled controls', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { name: 'Pod to pod on the same node' })).toBeVisible();
  await expect(page.getByTestId('caption')).toHaveAttribute('aria-live', 'polite');
  for (const name of ['Prev step', 'Play', 'Next step']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('slider')).toHaveAttribute('max', String(steps.length));
  await expect(page.locator('datalist#kh-step-ticks option')).toHaveCount(steps.length);
  await expect(page.getByLabel('Speed')).toHaveValue('1');
  const stage = await page.getByTestId('stage').boundingBox();
  expect(stage!.width).toBeGreaterThan(700);
  expect(stage!.height).toBeGreaterThan(350);
});

test('Next and Previous walk every step, and back shows exactly what forward showed', async ({ page }) => {
  await open(page);
  const next = page.getByRole('button', { name: 'Next step' });
  const prev = page.getByRole('button', { name: 'Prev step' });
  await roundTrip(page, () => next.click(), () => prev.click());
  await expect(prev).toBeDisabled();
});

test('the keyboard walks every step (reveal.js keys), and Home/End jump', async ({ page }) => {
  // Steps jump: this is about which key does what. The Next/Previous walk above covers the hops.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page);
  const forwardKeys = ['ArrowRight', 'ArrowDown', 'Space', 'PageDown', 'n'];
  const backKeys = ['ArrowLeft', 'ArrowUp', 'PageUp', 'p'];
  await roundTrip(
    page,
    (k) => page.keyboard.press(forwardKeys[k % forwardKeys.length]!),
    (k) => page.keyboard.press(backKeys[k % backKeys.length]!),
  );
  await page.keyboard.press('End');
  await waitForStep(page, last);
  await expectStep(page, steps, last, SCENE);
  await page.keyboard.press('Home');
  await waitForStep(page, 0);
  await expectStep(page, steps, 0, SCENE);
});

test('keys typed into a form control are left to it', async ({ page }) => {
  await open(page, 3);
  await page.getByLabel('Speed').focus();
  await page.keyboard.press('n');
  await page.keyboard.press('p');
  await page.keyboard.press('k');
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 3 of ${steps.length}`);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('a deep link opens its step, and the hash follows the player', async ({ page }) => {
  await page.goto(`/#/${SCENE}/7`);
  await waitForStep(page, 6);
  await expectStep(page, steps, 6, SCENE);
  await page.evaluate(() => (location.hash = '#/same-node-bridge/12'));
  await waitForStep(page, 11);
  await expectStep(page, steps, 11, SCENE);
  await page.reload();
  await waitForStep(page, 11);
  await expectStep(page, steps, 11, SCENE);
  await page.getByRole('slider').fill('3');
  await waitForStep(page, 2);
  await expectStep(page, steps, 2, SCENE);
});

test('links of the first format (#scene/step-k) still open their step', async ({ page }) => {
  await page.goto(`/#${SCENE}/step-5`);
  await waitForStep(page, 4);
  await expectStep(page, steps, 4, SCENE);
});

test('Back and Forward retrace the steps viewed, and Back from the first leaves for the gallery', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: sceneTitle(SCENE) }).click();
  await waitForStep(page, 0);
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 1);
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 2);
  await page.getByRole('slider').fill('9');
  await waitForStep(page, 8);

  await page.goBack();
  await waitForStep(page, 2);
  await expectStep(page, steps, 2, SCENE);
  await page.goBack();
  await waitForStep(page, 1);
  await page.goForward();
  await waitForStep(page, 2);
  await expectStep(page, steps, 2, SCENE);
  await page.goBack();
  await page.goBack();
  await waitForStep(page, 0);
  await expect(page).toHaveURL(new RegExp(`#/${SCENE}/1$`));
  await page.goBack();
  await expect(page.getByTestId('gallery')).toBeVisible();
  await page.goForward();
  await waitForStep(page, 0);
});

/** Packet transforms sampled every animation frame for `ms`. */
async function sampleTransforms(page: Page, ms: number): Promise<string[]> {
  return page.evaluate(
    (ms) =>
      new Promise<string[]>((resolve) => {
        const out: string[] = [];
        const t0 = performance.now();
        const tick = () => {
          const g = document.querySelector('g.kh-packet[visibility="visible"]');
          out.push(g?.getAttribute('transform') ?? 'none');
          if (performance.now() - t0 < ms) requestAnimationFrame(tick);
          else resolve(out);
        };
        tick();
      }),
    ms,
  );
}

test('Next animates the hop along the link', async ({ page }) => {
  await open(page, 2); // next is step 3: veth3a9f → cni0, a routed edge with bends
  // Half speed: the hop lasts ~1.8 s, so even a loaded machine paints several frames of it.
  await page.getByLabel('Speed').selectOption('0.5');
  const before = (await shown(page)).packets[0]!.transform;
  await page.getByRole('button', { name: 'Next step' }).click();
  const samples = await sampleTransforms(page, 1500);
  await waitForStep(page, 2);
  const after = (await shown(page)).packets[0]!.transform;
  const between = new Set(samples.filter((t) => t !== before && t !== after));
  expect(between.size, 'positions strictly between the two boxes').toBeGreaterThan(3);
});

test('with reduced motion, Next jumps at once and Play is off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, 2);
  await page.getByRole('button', { name: 'Next step' }).click();
  // No waiting: the seek happened inside the click.
  await expect(page.getByTestId('stage')).toHaveAttribute('data-moving', 'false', { timeout: 1 });
  const samples = await sampleTransforms(page, 400);
  expect(new Set(samples).size).toBe(1);
  expect(cornerDistance(await centres(page, steps[2]!.at))).toBeLessThan(1.5);
  await expectStep(page, steps, 2, SCENE);
  await expect(page.getByRole('button', { name: /^Play/ })).toBeDisabled();
  await page.keyboard.press('k');
  await page.waitForTimeout(300);
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 3 of ${steps.length}`);
});

/** Starts recording, in the page, when the stage lands on a step and when it leaves it. */
async function recordMoves(page: Page): Promise<void> {
  await page.evaluate(() => {
    const stage = document.querySelector('[data-testid=stage]')!;
    const log: { step: number; moving: boolean; t: number }[] = [];
    (window as unknown as { khMoves: typeof log }).khMoves = log;
    new MutationObserver(() => {
      const step = Number(stage.getAttribute('data-step'));
      const moving = stage.getAttribute('data-moving') === 'true';
      const prev = log.at(-1);
      if (!prev || prev.step !== step || prev.moving !== moving) log.push({ step, moving, t: performance.now() });
    }).observe(stage, { attributes: true });
  });
}

/** How long play rested on step k: from landing on it to setting off for k+1. */
async function restedOn(page: Page, k: number): Promise<number> {
  return page.evaluate((k) => {
    const log = (window as unknown as { khMoves: { step: number; moving: boolean; t: number }[] }).khMoves;
    const landed = log.find((e) => e.step === k && !e.moving);
    const left = log.find((e) => e.step === k + 1 && e.moving);
    return landed && left ? left.t - landed.t : NaN;
  }, k);
}

test('Play advances step by step, resting as long as each caption needs, and Pause (or K) stops it', async ({ page }) => {
  await open(page, 1);
  await page.getByLabel('Speed').selectOption('2');
  const play = page.getByRole('button', { name: 'Play', exact: true });
  const before = { play: (await play.boundingBox())!, next: (await page.getByRole('button', { name: 'Next step' }).boundingBox())! };
  await recordMoves(page);
  await play.click();
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await expect(pause).toBeVisible();
  // The button keeps its width when its label changes, so nothing after it moves.
  expect((await pause.boundingBox())!.width, 'Pause as wide as Play').toBeCloseTo(before.play.width, 1);
  expect((await page.getByRole('button', { name: 'Next step' }).boundingBox())!.x, 'Next stays put').toBeCloseTo(before.next.x, 1);

  await waitForStep(page, 1);
  // Autoplay does not talk over itself: the caption is silent while playing.
  await expect(page.getByTestId('caption')).toHaveAttribute('aria-live', 'off');
  await waitForStep(page, 2);
  // Step 2's caption is long: its rest is read off the caption (hold.ts), at 2× speed.
  const want = captionHoldMs(steps[1]!.caption, 2);
  expect(want, 'a caption long enough to need more than the 2 s minimum').toBeGreaterThan(1000);
  const rested = await restedOn(page, 1);
  expect(rested, `rest on step 2 (caption of ${steps[1]!.caption.split(/\s+/).length} words)`).toBeGreaterThan(want - 50);
  expect(rested).toBeLessThan(want + 600);

  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByTestId('caption')).toHaveAttribute('aria-live', 'polite');
  const stopped = Number(await page.getByTestId('stage').getAttribute('data-step'));
  await page.waitForTimeout(2500);
  await waitForStep(page, stopped);
  await expectStep(page, steps, stopped, SCENE);
});
