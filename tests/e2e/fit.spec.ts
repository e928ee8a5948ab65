// The shell fits every screen: header and controls never overlap or leave the
// window, a phone gets touch-sized targets and an inspector that does not take
// the stage's height, the caption box follows the caption, presenter mode
// gives the diagram most of the screen, and the projector theme enlarges
// without shrinking the diagram.
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { sceneSteps, waitForStep } from './helpers.ts';

test.use({ reducedMotion: 'reduce' });

const SHOTS = 'test-results/screenshots';
const PHONE = { width: 375, height: 667 };
// nodeport: the tallest picture, and the longest title in the scene picker.
const SCENE = 'nodeport';

async function open(page: Page, scene: string, step: number, theme?: 'light' | 'dark' | 'projector'): Promise<void> {
  if (theme) await page.addInitScript((t) => localStorage.setItem('kubehop.theme', t), theme);
  await page.goto(`/#/${scene}/${step}`);
  await waitForStep(page, step - 1);
}

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Its text runs out of its own box (a label too long for its button). */
  spills: boolean;
}

/** Every visible control and text item of the header and the step controls (or presenter strip), as laid out now. */
function chrome(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const sel = [
      '.top a', '.top h2', '.top button', '.top select', '.top summary', '.top .picker > span',
      '.controls button', '.controls select', '.controls input', '.controls .counter',
      '.presenter-bar button', '.presenter-bar .counter',
    ].join(', ');
    return [...document.querySelectorAll<HTMLElement>(sel)]
      .filter((e) => e.checkVisibility({ checkVisibilityCSS: true }))
      .map((e) => {
        const r = e.getBoundingClientRect();
        const name = (e.getAttribute('aria-label') ?? e.textContent ?? e.tagName).replace(/\s+/g, ' ').trim().slice(0, 24);
        const spills = e.matches('button, a, summary') && e.scrollWidth > e.clientWidth + 1;
        return { name: `${e.tagName.toLowerCase()} “${name}”`, x: r.x, y: r.y, width: r.width, height: r.height, spills };
      })
      // Visually hidden text (a 1 px box) is for screen readers, not on screen.
      .filter((b) => b.width > 2 && b.height > 2);
  });
}

function overlaps(boxes: Box[]): string[] {
  const out: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 0.5 && h > 0.5) out.push(`${a.name} × ${b.name}`);
    }),
  );
  return out;
}

async function expectFits(page: Page, label: string): Promise<Box[]> {
  const boxes = await chrome(page);
  const vp = page.viewportSize()!;
  expect(boxes.length, `${label}: controls found`).toBeGreaterThanOrEqual(5);
  expect(overlaps(boxes), `${label}: overlapping`).toEqual([]);
  const off = boxes.filter((b) => b.x < -0.5 || b.y < -0.5 || b.x + b.width > vp.width + 0.5 || b.y + b.height > vp.height + 0.5);
  expect(off.map((b) => b.name), `${label}: cut off the window`).toEqual([]);
  expect(boxes.filter((b) => b.spills).map((b) => b.name), `${label}: text out of its control`).toEqual([]);
  return boxes;
}

/** The visible controls a finger must hit, smaller than 44×44. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('header a, header button, header select, header summary, main a, main button, main select, main summary, main input')]
      .filter((e) => e.checkVisibility({ checkVisibilityCSS: true }))
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ e, r }) => `${(e.getAttribute('aria-label') ?? e.textContent ?? e.tagName).trim().slice(0, 24)} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
}

const stageBox = async (page: Page) => (await page.getByTestId('stage').boundingBox())!;
const captionBox = async (page: Page) => (await page.getByTestId('caption-box').boundingBox())!;
const captionPx = (page: Page) => page.getByTestId('caption').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
/** The diagram's scale on screen: CSS pixels per SVG unit (the SVG fits its viewBox in the stage). */
const svgScale = (page: Page) =>
  page.locator('[data-testid=stage] svg').evaluate((svg: SVGSVGElement) => {
    const vb = svg.viewBox.baseVal;
    const r = svg.getBoundingClientRect();
    return Math.min(r.width / vb.width, r.height / vb.height);
  });

for (const vp of [{ width: 1024, height: 768 }, PHONE, { width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
  test(`at ${vp.width}×${vp.height} no header or control overlaps another or leaves the window`, async ({ page }) => {
    await page.setViewportSize(vp);
    await open(page, SCENE, 3);
    const boxes = await expectFits(page, 'player');
    // Everything the header offers is there: inline, or behind the Menu button on a narrow screen.
    const menu = page.getByRole('button', { name: 'Menu' });
    if (vp.width <= 640) {
      await expect(menu).toBeVisible();
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(page.getByLabel('Theme')).toBeHidden();
      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(page.getByLabel('Theme')).toBeVisible();
      await expectFits(page, 'menu open');
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/fit-menu-${vp.width}x${vp.height}.png` });
      // Esc folds it and gives focus back to the button.
      await page.getByLabel('Theme').focus();
      await page.keyboard.press('Escape');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(menu).toBeFocused();
    } else {
      await expect(menu).toBeHidden();
      for (const name of ['Export', 'Edit this scene', 'Theme', 'Keys ?']) expect(boxes.some((b) => b.name.includes(name)), name).toBe(true);
    }
    // Playing swaps Play for Pause: nothing moves into anything else.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expectFits(page, 'playing');
    await page.getByRole('button', { name: 'Pause' }).click();
  });
}

test('on a phone every control is at least 44×44, the scrubber included', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await open(page, 'cross-node-vxlan', 8);
  expect(await smallTargets(page), 'player').toEqual([]);
  const scrubber = (await page.getByRole('slider', { name: 'Step' }).boundingBox())!;
  expect(scrubber.width, 'scrubber width').toBeGreaterThanOrEqual(96);
  await page.getByRole('button', { name: 'Menu' }).click();
  expect(await smallTargets(page), 'menu open').toEqual([]);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Packet headers' }).click();
  expect(await smallTargets(page), 'inspector open').toEqual([]);
  await page.getByRole('button', { name: 'Close packet headers' }).click();
  await page.keyboard.press('g');
  await expect(page.locator('main.player.presenting')).toBeVisible();
  expect(await smallTargets(page), 'presenter mode').toEqual([]);
  await expectFits(page, 'presenter mode on a phone');
});

// N = 100 %: the sheet lies over the caption and the controls, which it replaces
// while open, so the stage keeps every pixel (a 1 px rounding allowed).
test('on a phone the inspector opens as a sheet that leaves the stage its whole height', async ({ page }) => {
  await page.setViewportSize(PHONE);
  // Kept open from a wider screen, it still starts closed on a phone, where it would cover the controls.
  await page.addInitScript(() => localStorage.setItem('kubehop.inspector', 'open'));
  await open(page, 'cross-node-vxlan', 6);
  const sheet = page.getByTestId('inspector');
  await expect(sheet).toBeHidden();
  const closed = await stageBox(page);
  await page.getByRole('button', { name: 'Packet headers' }).click();
  await expect(sheet).toBeVisible();
  const opened = await stageBox(page);
  const s = (await sheet.boundingBox())!;
  expect(opened.height, 'stage height with the sheet open').toBeGreaterThanOrEqual(closed.height - 1);
  expect(s.y, 'the sheet starts below the stage').toBeGreaterThanOrEqual(opened.y + opened.height - 1);
  expect(s.y + s.height, 'the sheet ends at the bottom of the window').toBeCloseTo(PHONE.height, 0);
  expect(s.height, 'the sheet is tall enough to read a layer or two').toBeGreaterThan(200);
  // It scrolls within itself: the last layer is reachable.
  const last = sheet.locator('section.layer').last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/fit-phone-sheet.png` });
  // The sheet covers the button that opened it, so it closes itself; stepping still updates it.
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 6);
  await expect(sheet.locator('.where code')).toHaveText(sceneSteps('cross-node-vxlan')[6]!.at);
  await page.getByRole('button', { name: 'Close packet headers' }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('button', { name: 'Packet headers' })).toHaveAttribute('aria-expanded', 'false');
});

test('the caption box follows the caption, and the diagram keeps its size while the caption fits its band', async ({ page }) => {
  const scene = 'same-node-bridge';
  const steps = sceneSteps(scene);
  await open(page, scene, 1);
  const seen: { len: number; box: number; band: number; stage: number; scale: number }[] = [];
  for (let k = 0; k < steps.length; k++) {
    if (k > 0) {
      await page.keyboard.press('ArrowRight');
      await waitForStep(page, k);
    }
    const band = (await page.locator('.caption-band').boundingBox())!;
    seen.push({ len: steps[k]!.caption.length, box: (await captionBox(page)).height, band: band.height, stage: (await stageBox(page)).height, scale: await svgScale(page) });
  }
  const shortest = seen.reduce((a, b) => (b.len < a.len ? b : a));
  const longest = seen.reduce((a, b) => (b.len > a.len ? b : a));
  expect(shortest.box, 'a short caption has a shorter box than a long one').toBeLessThan(longest.box - 10);
  // Steps whose caption fits the band: one stage height and one diagram scale.
  const fitting = seen.filter((s) => s.box <= s.band);
  expect(fitting.length, 'most captions fit the band').toBeGreaterThan(steps.length / 2);
  expect(Math.max(...fitting.map((s) => s.stage)) - Math.min(...fitting.map((s) => s.stage)), 'stage height varies').toBeLessThan(1);
  expect(Math.max(...fitting.map((s) => s.scale)) - Math.min(...fitting.map((s) => s.scale)), 'diagram scale varies').toBeLessThan(0.001);
});

for (const vp of [{ width: 1024, height: 768 }, { width: 1280, height: 720 }]) {
  test(`presenter mode at ${vp.width}×${vp.height}: the diagram has at least 75 % of the screen, the caption 24 px or more`, async ({ page }) => {
    await page.setViewportSize(vp);
    await open(page, SCENE, 3);
    await page.keyboard.press('g');
    await expect(page.locator('main.player.presenting')).toBeVisible();
    await expect(page.locator('html')).toHaveClass(/kh-theme-projector/);
    const stage = await stageBox(page);
    const share = (stage.width * stage.height) / (vp.width * vp.height);
    test.info().annotations.push({ type: `stage share ${vp.width}×${vp.height}`, description: share.toFixed(3) });
    expect(share).toBeGreaterThanOrEqual(0.75);
    expect(await captionPx(page)).toBeGreaterThanOrEqual(24);
    await expectFits(page, 'presenter');
    // A short caption's box is shorter than the band it sits in: the box is not sized to the longest caption.
    const steps = sceneSteps(SCENE);
    const short = steps.reduce((best, s, i) => (s.caption.length < steps[best]!.caption.length ? i : best), 0);
    await page.keyboard.press('Home');
    for (let k = 0; k < short; k++) await page.keyboard.press('ArrowRight');
    await waitForStep(page, short);
    const band = (await page.locator('.caption-band').boundingBox())!;
    expect((await captionBox(page)).height).toBeLessThan(band.height - 20);
    expect((await stageBox(page)).height, 'same stage for a short caption').toBeCloseTo(stage.height, 0);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/fit-presenter-${vp.width}x${vp.height}.png` });
  });
}

test('I shows the packet headers: the inspector outside presenter mode, an overlay in it', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await open(page, 'clusterip-dnat', 5);
  const inspector = page.getByTestId('inspector');
  const toggle = page.getByRole('button', { name: 'Packet headers' });
  // 1024 px starts closed.
  await expect(inspector).toBeHidden();
  await page.keyboard.press('i');
  await expect(inspector).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('I');
  await expect(inspector).toBeHidden();

  await page.keyboard.press('g');
  await expect(page.locator('main.player.presenting')).toBeVisible();
  await expect(inspector).toBeHidden();
  const stage = await stageBox(page);
  await page.keyboard.press('i');
  await expect(inspector).toBeVisible();
  await expect(inspector).toContainText('10.244.2.5');
  // Over the stage, not beside it: the diagram keeps its size.
  expect((await stageBox(page)).width).toBeCloseTo(stage.width, 0);
  const over = (await inspector.boundingBox())!;
  expect(over.y + over.height, 'the overlay leaves the caption readable').toBeLessThanOrEqual((await captionBox(page)).y + 1);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/fit-presenter-headers.png` });
  // Stepping keeps it up to date; I or its Close button hides it; leaving presenter mode forgets it.
  await page.keyboard.press('PageDown');
  await waitForStep(page, 5);
  await expect(inspector.locator('.where code')).toHaveText(sceneSteps('clusterip-dnat')[5]!.at);
  await page.keyboard.press('i');
  await expect(inspector).toBeHidden();
  await page.keyboard.press('i');
  await page.getByRole('button', { name: 'Close packet headers' }).click();
  await expect(inspector).toBeHidden();
  await page.keyboard.press('i');
  await page.keyboard.press('Escape');
  await expect(page.locator('main.player.presenting')).toHaveCount(0);
  await expect(inspector).toBeHidden();
  await page.keyboard.press('g');
  await expect(inspector).toBeHidden();
});

for (const vp of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
  test(`at ${vp.width}×${vp.height} the projector theme enlarges and thickens, never shrinks`, async ({ page, context }) => {
    await page.setViewportSize(vp);
    // Inspector open at both sizes: its column must not widen in the projector theme either.
    await context.addInitScript(() => localStorage.setItem('kubehop.inspector', 'open'));
    const look = async (theme: 'light' | 'projector', step = 3) => {
      const p = await context.newPage();
      await p.setViewportSize(vp);
      await open(p, SCENE, step, theme);
      const out = {
        scale: await svgScale(p),
        caption: await captionPx(p),
        current: await p.locator('.kh-box.kh-current > .kh-box-bg').first().evaluate((e) => parseFloat(getComputedStyle(e).strokeWidth)),
        wire: await p.locator('.kh-link[data-kind=wire]').first().evaluate((e) => parseFloat(getComputedStyle(e).strokeWidth)),
      };
      if (theme === 'projector') {
        mkdirSync(SHOTS, { recursive: true });
        await p.screenshot({ path: `${SHOTS}/fit-projector-${vp.width}x${vp.height}.png` });
      }
      await p.close();
      return out;
    };
    const light = await look('light');
    const projector = await look('projector');
    test.info().annotations.push({ type: 'svg scale', description: `light ${light.scale.toFixed(3)}, projector ${projector.scale.toFixed(3)}` });
    expect(projector.scale, 'diagram scale').toBeGreaterThanOrEqual(light.scale - 0.001);
    // The caption grows as far as its band allows (a long one may stay at the light size, never below).
    expect(projector.caption, 'caption size').toBeGreaterThanOrEqual(light.caption);
    const steps = sceneSteps(SCENE);
    const short = 1 + steps.reduce((best, s, i) => (s.caption.length < steps[best]!.caption.length ? i : best), 0);
    const [lightShort, projectorShort] = [await look('light', short), await look('projector', short)];
    expect(projectorShort.caption, 'short caption size').toBeGreaterThanOrEqual(lightShort.caption * 1.2);
    expect(projectorShort.scale, 'diagram scale, short caption').toBeGreaterThanOrEqual(lightShort.scale - 0.001);
    expect(projector.wire, 'wire stroke').toBeGreaterThan(light.wire);
    expect(projector.current, 'current box outline').toBeGreaterThanOrEqual(3);
    expect(projector.current, 'current box outline, thicker than the light one').toBeGreaterThan(light.current);
  });
}

test('the phone menu, the phone sheet and the presenter overlay pass axe (WCAG 2.2 A/AA)', async ({ page }) => {
  const axe = async (label: string) => {
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
    expect(r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)), label).toEqual([]);
  };
  await page.setViewportSize(PHONE);
  await open(page, 'clusterip-dnat', 5);
  await page.getByRole('button', { name: 'Menu' }).click();
  // The Export menu opens inside it, on screen.
  await page.getByTestId('export-menu').click();
  const panel = page.locator('.export-menu .panel');
  await expect(panel).toBeVisible();
  const p = (await panel.boundingBox())!;
  expect(p.x >= 0 && p.x + p.width <= PHONE.width + 0.5, 'the Export panel within the window').toBe(true);
  await axe('menu and Export open');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Packet headers' }).click();
  await axe('sheet open');
  await page.getByRole('button', { name: 'Close packet headers' }).click();
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(page.getByTestId('inspector')).toBeVisible();
  await axe('presenter overlay');
});
