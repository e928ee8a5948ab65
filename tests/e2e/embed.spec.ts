// <kubehop-scene> in a real browser: the demo blog post (dist/app/demo/)
// with three embeds, the iframe page (dist/app/embed/#<scene>/<step>) and the
// still fallbacks. The element's state is read through its public properties
// and the data-* attributes on its shadow root's frame (Playwright's CSS
// locators pierce open shadow roots).
//
// Steps: the `step` attribute, the counter and the iframe's hash count from 1;
// goTo(), currentStep and stepchange's detail.step from 0.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { sceneInfo, sceneSteps } from './helpers.ts';

const DEMO = '/demo/';
const IDS = ['bridge', 'vxlan', 'clusterip'] as const;
const COUNT = { bridge: sceneSteps('same-node-bridge').length, vxlan: sceneSteps('cross-node-vxlan').length, clusterip: sceneSteps('clusterip-dnat').length };

type El = HTMLElement & {
  currentStep?: number;
  stepCount?: number;
  playing: boolean;
  next(): void;
  prev(): void;
  goTo(n: number): void;
  play(): void;
  pause(): void;
};

const frame = (page: Page, id: string): Locator => page.locator(`#${id} .frame`);

/** Waits until the element shows step k (0-based) at rest. */
async function atStep(page: Page, id: string, k: number): Promise<void> {
  await expect(frame(page, id)).toHaveAttribute('data-step', String(k));
  await expect(frame(page, id)).toHaveAttribute('data-moving', 'false');
}

async function steps(page: Page): Promise<Record<string, number | undefined>> {
  return page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, (document.getElementById(id) as El).currentStep])), [...IDS]);
}

/** Opens the demo post with every embed drawn, the autoplaying one paused so it holds still. */
async function openDemo(page: Page): Promise<void> {
  await page.goto(DEMO);
  for (const id of IDS) await expect(frame(page, id)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.evaluate(() => (document.getElementById('bridge') as El).pause());
}

/** Every request the page makes, and every console error and uncaught exception. */
function watch(page: Page) {
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { requests, errors };
}

test('the demo post: three embeds, each stepping on its own, nothing from other origins, no console errors', async ({ page, baseURL }) => {
  const seen = watch(page);
  await openDemo(page);
  await expect(page.locator('kubehop-scene')).toHaveCount(3);
  expect(await steps(page)).toEqual({ bridge: 0, vxlan: 0, clusterip: 4 });
  await expect(page.locator('#clusterip .counter')).toHaveText(`Step 5 of ${COUNT.clusterip}`);
  // The caption under each diagram is that step's.
  await expect(page.locator('#clusterip .live .text')).toHaveText(sceneSteps('clusterip-dnat')[4]!.caption);

  await page.locator('#vxlan').getByRole('button', { name: 'Next step' }).click();
  await atStep(page, 'vxlan', 1);
  expect(await steps(page)).toEqual({ bridge: 0, vxlan: 1, clusterip: 4 });

  await page.locator('#clusterip').getByRole('button', { name: 'Next step' }).click();
  await atStep(page, 'clusterip', 5);
  await page.locator('#clusterip').getByRole('button', { name: 'Prev step' }).click();
  await page.locator('#clusterip').getByRole('button', { name: 'Prev step' }).click();
  await atStep(page, 'clusterip', 3);
  expect(await steps(page)).toEqual({ bridge: 0, vxlan: 1, clusterip: 3 });
  await expect(page.locator('#vxlan .counter')).toHaveText(`Step 2 of ${COUNT.vxlan}`);

  // Each scene's ids are its own: a page with several never has two alike.
  const ids = await page.evaluate(() => [...document.querySelectorAll('kubehop-scene')].flatMap((el) => [...el.shadowRoot!.querySelectorAll('[id]')].map((n) => n.id)));
  const svgIds = await page.evaluate(() => [...document.querySelectorAll('kubehop-scene')].map((el) => el.shadowRoot!.querySelector('svg')!.id));
  expect(new Set(svgIds).size).toBe(3);
  expect(new Set(ids).size).toBe(ids.length);

  // Each is a labelled region, named by its scene.
  await expect(page.getByRole('region', { name: sceneInfo('cross-node-vxlan').title })).toBeVisible();

  const origin = new URL(baseURL!).origin;
  expect(seen.requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin)).toEqual([]);
  // Precompiled scenes only: neither the YAML pipeline nor elkjs is fetched.
  expect(seen.requests.filter((u) => /kubehop-(pipeline|layout)-/.test(u))).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('keys act only on the focused embed; keys pressed elsewhere on the page do nothing to any', async ({ page }) => {
  const seen = watch(page);
  await openDemo(page);
  const vxlan = page.locator('#vxlan');
  await vxlan.focus();
  await page.keyboard.press('ArrowRight');
  await atStep(page, 'vxlan', 1);
  await page.keyboard.press('n');
  await atStep(page, 'vxlan', 2);
  await page.keyboard.press('End');
  await atStep(page, 'vxlan', COUNT.vxlan - 1);
  await page.keyboard.press('Home');
  await atStep(page, 'vxlan', 0);
  // Space steps too, and does not scroll the post.
  const before = await page.evaluate(() => window.scrollY);
  await page.keyboard.press(' ');
  await atStep(page, 'vxlan', 1);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
  expect(await steps(page)).toEqual({ bridge: 0, vxlan: 1, clusterip: 4 });

  // Focus on a button inside the element: Space presses the button, and arrow keys still step this element.
  await page.locator('#clusterip').getByRole('button', { name: 'Next step' }).focus();
  await page.keyboard.press(' ');
  await atStep(page, 'clusterip', 5);
  await page.keyboard.press('ArrowLeft');
  await atStep(page, 'clusterip', 4);
  expect(await steps(page)).toEqual({ bridge: 0, vxlan: 1, clusterip: 4 });

  // Focus on the page itself: the embeds ignore the keys.
  await page.locator('h1').click();
  for (const key of ['ArrowRight', 'n', 'End', 'PageDown', 'k']) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  expect(await steps(page)).toEqual({ bridge: 0, vxlan: 1, clusterip: 4 });
  expect(await page.evaluate(() => (document.getElementById('bridge') as El).playing)).toBe(false);

  // Tab reaches an embed, which shows a focus ring.
  await page.locator('#vxlan').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(vxlan).toBeFocused();
  expect(await vxlan.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  expect(seen.errors).toEqual([]);
});

test('attribute changes after load: step, theme, controls and src', async ({ page }) => {
  const seen = watch(page);
  await openDemo(page);
  const el = page.locator('#clusterip');
  await el.evaluate((e) => e.setAttribute('step', '2'));
  await atStep(page, 'clusterip', 1);
  await el.evaluate((e) => e.setAttribute('step', 'last'));
  await atStep(page, 'clusterip', COUNT.clusterip - 1);

  await expect(frame(page, 'clusterip')).toHaveAttribute('data-theme', 'light');
  await el.evaluate((e) => e.setAttribute('theme', 'dark'));
  await expect(frame(page, 'clusterip')).toHaveAttribute('data-theme', 'dark');
  await expect(frame(page, 'clusterip')).toHaveClass(/kh-theme-dark/);
  // The diagram's own stylesheet follows: the background turns dark.
  const bg = () => el.evaluate((e) => getComputedStyle(e.shadowRoot!.querySelector('.kh-bg')!).fill);
  expect(await bg()).toBe('rgb(21, 24, 28)');
  await el.evaluate((e) => e.setAttribute('theme', 'light'));
  expect(await bg()).toBe('rgb(255, 255, 255)');

  const controls = page.locator('#clusterip .controls');
  await expect(controls).toBeVisible();
  await el.evaluate((e) => e.removeAttribute('controls'));
  await expect(controls).toBeHidden();
  await el.evaluate((e) => e.setAttribute('controls', 'false'));
  await expect(controls).toBeHidden();
  await el.evaluate((e) => e.setAttribute('controls', ''));
  await expect(controls).toBeVisible();

  // A new src: the new scene, from its first step, labelled by its title.
  const changes = await el.evaluateHandle((e) => {
    const list: unknown[] = [];
    e.addEventListener('stepchange', (ev) => list.push((ev as CustomEvent).detail));
    return list;
  });
  await el.evaluate((e) => {
    e.removeAttribute('step');
    e.setAttribute('src', '../embed/scenes/nodeport.json');
  });
  await expect(el).toHaveAttribute('aria-label', sceneInfo('nodeport').title);
  await atStep(page, 'clusterip', 0);
  await expect(page.locator('#clusterip .counter')).toHaveText(`Step 1 of ${sceneSteps('nodeport').length}`);
  expect(await changes.evaluate((l) => l)).toContainEqual({ step: 0, count: sceneSteps('nodeport').length });
  // The others are untouched.
  expect(await steps(page)).toMatchObject({ bridge: 0, vxlan: 0 });
  expect(seen.errors).toEqual([]);
});

test('methods called before the element is connected, or before it has loaded, are applied once it is drawn', async ({ page }) => {
  await openDemo(page);
  const detail = await page.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const el = document.createElement('kubehop-scene') as El;
        el.goTo(3);
        el.next();
        el.next();
        el.prev();
        el.addEventListener('stepchange', (e) => resolve((e as CustomEvent).detail), { once: true });
        el.id = 'late';
        el.setAttribute('src', '../embed/scenes/same-node-bridge.json');
        document.querySelector('article')!.append(el);
      }),
  );
  expect(detail).toEqual({ step: 4, count: COUNT.bridge });
  await atStep(page, 'late', 4);

  // Connected, still fetching: goTo lands once the scene is there.
  const step = await page.evaluate(async () => {
    const el = document.createElement('kubehop-scene') as El;
    el.setAttribute('src', '../embed/scenes/cross-node-vxlan.json');
    document.querySelector('article')!.append(el);
    el.goTo(7);
    await new Promise((r) => el.addEventListener('load', r, { once: true }));
    return el.currentStep;
  });
  expect(step).toBe(7);
});

test('stepchange reports every step change, 0-based, with the count', async ({ page }) => {
  await openDemo(page);
  const events = await page.evaluate(async () => {
    const el = document.getElementById('vxlan') as El;
    const got: unknown[] = [];
    el.addEventListener('stepchange', (e) => got.push((e as CustomEvent).detail));
    el.next();
    el.goTo(5);
    el.prev();
    el.goTo(4); // no change: no event
    return got;
  });
  expect(events).toEqual([
    { step: 1, count: COUNT.vxlan },
    { step: 5, count: COUNT.vxlan },
    { step: 4, count: COUNT.vxlan },
  ]);
});

test('autoplay waits until the embed is on screen, and scrolling away pauses it', async ({ page }) => {
  // Short enough that the autoplaying figure starts below the fold.
  await page.setViewportSize({ width: 1280, height: 400 });
  await page.goto(DEMO);
  await expect(frame(page, 'bridge')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.locator('#bridge').evaluate((e) => e.setAttribute('speed', '4'));
  expect(await page.locator('#bridge').evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThan(400);
  await page.waitForTimeout(2500);
  await expect(frame(page, 'bridge')).toHaveAttribute('data-step', '0');
  await expect(frame(page, 'bridge')).toHaveAttribute('data-playing', 'false');

  await page.locator('#bridge').scrollIntoViewIfNeeded();
  await expect(frame(page, 'bridge')).toHaveAttribute('data-playing', 'true', { timeout: 15_000 });
  await expect(frame(page, 'bridge')).not.toHaveAttribute('data-step', '0', { timeout: 15_000 });

  await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
  await expect(frame(page, 'bridge')).toHaveAttribute('data-playing', 'false');
  await expect(frame(page, 'bridge')).toHaveAttribute('data-moving', 'false');
  const paused = await frame(page, 'bridge').getAttribute('data-step');
  await page.waitForTimeout(2500);
  await expect(frame(page, 'bridge')).toHaveAttribute('data-step', paused!);

  // Back on screen, it carries on from there.
  await page.locator('#bridge').scrollIntoViewIfNeeded();
  await expect(frame(page, 'bridge')).not.toHaveAttribute('data-step', paused!, { timeout: 15_000 });
});

test('without a controls bar, clicking the diagram plays and pauses it', async ({ page }) => {
  await openDemo(page);
  await page.locator('#bridge').scrollIntoViewIfNeeded();
  // Let the visibility observer report first: off screen, play() would wait for it.
  await page.waitForTimeout(300);
  await page.locator('#bridge .stage').click();
  await expect(frame(page, 'bridge')).toHaveAttribute('data-playing', 'true');
  await page.locator('#bridge .stage').click();
  await expect(frame(page, 'bridge')).toHaveAttribute('data-playing', 'false');
});

test('with reduced motion, nothing plays by itself and Play is unavailable', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce', baseURL });
  const page = await context.newPage();
  await page.goto(DEMO);
  for (const id of IDS) await expect(frame(page, id)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.locator('#bridge').scrollIntoViewIfNeeded();
  await page.waitForTimeout(2500);
  await expect(frame(page, 'bridge')).toHaveAttribute('data-playing', 'false');
  await expect(page.locator('#vxlan').getByRole('button', { name: /reduced motion/ })).toHaveAttribute('aria-disabled', 'true');
  // Steps still work, as jumps.
  await page.locator('#vxlan').getByRole('button', { name: 'Next step' }).click();
  await atStep(page, 'vxlan', 1);
  await context.close();
});

test('a bad src says so inside the element: a 404, an invalid YAML scene, a damaged bundle', async ({ page }) => {
  await page.route('**/missing.json', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
  await page.route('**/broken.yaml', (r) => r.fulfill({ contentType: 'application/yaml', body: 'apiVersion: kubehop/v1\nkind: Scene\nid: broken\ntitle: Broken\nelements:\n  - kind: pod\n    nmae: x\n' }));
  await page.route('**/damaged.json', (r) => r.fulfill({ contentType: 'application/json', body: '{"format": 2, "ok": true, "scene": {}}' }));
  await openDemo(page);
  const add = (id: string, src: string) =>
    page.evaluate(
      ([id, src]) => {
        const el = document.createElement('kubehop-scene');
        el.id = id!;
        el.setAttribute('src', src!);
        document.querySelector('article')!.prepend(el);
      },
      [id, src],
    );
  await add('e404', '/missing.json');
  await add('eyaml', '/broken.yaml');
  await add('ejson', '/damaged.json');
  const status = (id: string) => page.locator(`#${id} .status`);
  await expect(status('e404')).toContainText('This diagram could not be shown. Could not load missing.json: the server answered 404');
  await expect(status('eyaml')).toContainText('broken.yaml has errors:', { timeout: 60_000 });
  await expect(status('eyaml').locator('li').first()).toHaveText(/^broken\.yaml:\d+:\d+: /);
  await expect(status('ejson')).toContainText('damaged.json is damaged or not a scene bundle: "scene.id" should be text.');
  for (const id of ['e404', 'eyaml', 'ejson']) {
    await expect(status(id)).toHaveAttribute('role', 'alert');
    await expect(frame(page, id)).toHaveAttribute('data-state', 'error');
    await expect(status(id)).toBeVisible();
  }
});

test('a YAML src is laid out in a worker, and only then are the pipeline and elkjs fetched', async ({ page }) => {
  const seen = watch(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.route('**/custom/cross-node-vxlan.yaml', (r) => r.fulfill({ contentType: 'application/yaml', body: readFileSync('scenes/cross-node-vxlan.yaml', 'utf8') }));
  await openDemo(page);
  expect(seen.requests.filter((u) => /kubehop-(pipeline|layout)-/.test(u))).toEqual([]);
  await page.evaluate(() => {
    const el = document.createElement('kubehop-scene');
    el.id = 'raw';
    el.setAttribute('src', '/custom/cross-node-vxlan.yaml');
    el.setAttribute('controls', '');
    el.setAttribute('step', '6');
    document.querySelector('article')!.prepend(el);
  });
  await expect(frame(page, 'raw')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.locator('#raw .counter')).toHaveText(`Step 6 of ${COUNT.vxlan}`);
  await expect(page.locator('#raw .live .text')).toHaveText(sceneSteps('cross-node-vxlan')[5]!.caption);
  // The pipeline runs in a worker (src/worker/): the page fetches its small client, the worker its own code and elkjs.
  expect(workers.filter((u) => /kubehop-build-worker-/.test(u))).toHaveLength(1);
  expect(seen.requests.filter((u) => /kubehop-build-client-/.test(u))).toHaveLength(1);
  expect(seen.requests.filter((u) => /kubehop-pipeline-/.test(u))).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('a bundle that keeps no card places (written before builds kept them) gets them searched, from the pipeline\'s chunk, at the same spots', async ({ page, request }) => {
  const seen = watch(page);
  const bundle = await (await request.get('/embed/scenes/cross-node-vxlan.json')).json();
  expect(Array.isArray(bundle.geometry.cards), 'a bundle the build writes keeps the card places').toBe(true);
  delete bundle.geometry.cards;
  await page.route('**/custom/old-vxlan.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(bundle) }));
  await openDemo(page);
  // The demo's own bundles keep their places: nothing of the search is fetched for them.
  expect(seen.requests.filter((u) => /kubehop-(pipeline|layout)-/.test(u))).toEqual([]);
  await page.evaluate(() => {
    for (const [id, src] of [['old', '/custom/old-vxlan.json'], ['kept', '/embed/scenes/cross-node-vxlan.json']]) {
      const el = document.createElement('kubehop-scene');
      el.id = id!;
      el.setAttribute('src', src!);
      el.setAttribute('controls', '');
      el.setAttribute('step', '4');
      document.querySelector('article')!.prepend(el);
    }
  });
  for (const id of ['old', 'kept']) await atStep(page, id, 3);
  expect(seen.requests.filter((u) => /kubehop-pipeline-/.test(u))).toHaveLength(1);
  const card = (id: string) => page.locator(`#${id} g.kh-packet-card`).first();
  await expect(card('old')).toBeVisible();
  const where = (id: string) => card(id).evaluate((g) => g.getAttribute('transform'));
  expect(await where('old')).not.toBeNull();
  expect(await where('old')).toBe(await where('kept'));
  expect(seen.errors).toEqual([]);
});

test('the iframe page shows the scene and step its address names', async ({ page }) => {
  const seen = watch(page);
  const vxlan = sceneSteps('cross-node-vxlan');
  await page.goto('/embed/#cross-node-vxlan/6');
  const el = page.locator('kubehop-scene');
  await expect(el.locator('.frame')).toHaveAttribute('data-step', '5', { timeout: 30_000 });
  await expect(el.locator('.counter')).toHaveText(`Step 6 of ${vxlan.length}`);
  await expect(el.locator('.live .text')).toHaveText(vxlan[5]!.caption);
  await expect(page).toHaveTitle(`${sceneInfo('cross-node-vxlan').title} · kubehop`);
  // It fills the viewport.
  const box = (await el.boundingBox())!;
  expect(box.height).toBeGreaterThan(700);
  expect(box.width).toBeGreaterThan(1200);

  // The app's own link form, and a new hash in the same frame.
  await page.goto('/embed/#/clusterip-dnat/3');
  await expect(el.locator('.counter')).toHaveText(`Step 3 of ${COUNT.clusterip}`, { timeout: 30_000 });
  await page.evaluate(() => (location.hash = '#clusterip-dnat/7'));
  await expect(el.locator('.counter')).toHaveText(`Step 7 of ${COUNT.clusterip}`);
  // `last`, like the step attribute.
  await page.evaluate(() => (location.hash = '#clusterip-dnat/last'));
  await expect(el.locator('.counter')).toHaveText(`Step ${COUNT.clusterip} of ${COUNT.clusterip}`);
  await expect(page.locator('.missing')).toBeHidden();

  // Options from the query string.
  await page.goto('/embed/?theme=dark&controls=0#same-node-bridge/2');
  await expect(el.locator('.frame')).toHaveAttribute('data-theme', 'dark', { timeout: 30_000 });
  await expect(el.locator('.frame')).toHaveAttribute('data-step', '1');
  await expect(el.locator('.controls')).toBeHidden();
  expect(seen.errors).toEqual([]);

  // Inside another page's iframe.
  await page.goto(DEMO);
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.src = '../embed/#cross-node-vxlan/4';
    f.width = '900';
    f.height = '600';
    f.title = 'VXLAN';
    document.querySelector('article')!.prepend(f);
  });
  const inner = page.frameLocator('iframe[title=VXLAN]');
  await expect(inner.locator('kubehop-scene .counter')).toHaveText(`Step 4 of ${vxlan.length}`, { timeout: 30_000 });

  // The README's responsive recipe: as wide as the column, as tall as its aspect-ratio, everything inside shown.
  const readme = readFileSync('README.md', 'utf8');
  const rules = [...readme.matchAll(/`((?:@media[^`]*)?iframe\.kubehop \{[^`]*)`/g)].map((m) => m[1]!);
  expect(rules).toHaveLength(2);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(DEMO);
    await page.evaluate((css) => {
      document.head.append(Object.assign(document.createElement('style'), { textContent: css }));
      const f = Object.assign(document.createElement('iframe'), { className: 'kubehop', src: '../embed/#cross-node-vxlan/last', title: 'recipe' });
      document.querySelector('article')!.prepend(f);
    }, rules.join('\n'));
    const recipe = page.frameLocator('iframe[title=recipe]');
    await expect(recipe.locator('kubehop-scene .counter')).toHaveText(`Step ${vxlan.length} of ${vxlan.length}`, { timeout: 30_000 });
    const frameBox = (await page.locator('iframe[title=recipe]').boundingBox())!;
    const column = (await page.locator('article').boundingBox())!;
    expect(frameBox.width, `${width}`).toBeGreaterThan(column.width - 80);
    const stage = (await recipe.locator('kubehop-scene .stage').boundingBox())!;
    expect(stage.height, `${width}: the diagram keeps room`).toBeGreaterThan(frameBox.height * 0.4);
    const controls = (await recipe.locator('kubehop-scene .controls').boundingBox())!;
    expect(controls.y + controls.height, `${width}: the controls fit in the frame`).toBeLessThanOrEqual(frameBox.y + frameBox.height + 0.5);
  }
});

test('without JavaScript, each embed shows its still picture', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto(DEMO);
  for (const id of IDS) {
    const img = page.locator(`#${id} img`);
    await img.scrollIntoViewIfNeeded();
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(300);
    expect((await img.boundingBox())!.width).toBeGreaterThan(600);
  }
  const res = await page.request.get('/embed/scenes/cross-node-vxlan.svg');
  expect(res.headers()['content-type']).toContain('image/svg+xml');
  expect(await res.text()).toContain(`<title id="kh-still-cross-node-vxlan-title">${sceneInfo('cross-node-vxlan').title}</title>`);
  await context.close();
});

test('printed, an embed shows its step and caption under the scene\'s title and a link back, with no buttons, in one piece', async ({ page, baseURL }) => {
  await openDemo(page);
  await page.evaluate(() => (document.getElementById('vxlan') as El).goTo(3));
  await atStep(page, 'vxlan', 3);
  // A column where the camera follows the packet on screen.
  await page.setViewportSize({ width: 700, height: 900 });
  await expect(page.locator('#vxlan .stage svg')).toHaveAttribute('data-camera', 'follow');
  await page.emulateMedia({ media: 'print' });
  const el = page.locator('#vxlan');
  const vxlan = sceneSteps('cross-node-vxlan');
  await expect(el.locator('.controls')).toBeHidden();
  const link = el.locator('a.heading');
  await expect(link).toBeVisible();
  await expect(link).toHaveText(sceneInfo('cross-node-vxlan').title);
  await expect(link).toHaveAttribute('href', `${baseURL}${DEMO}#vxlan`);
  await expect(el.locator('.live .text')).toHaveText(vxlan[3]!.caption);
  // Only the step's own caption: the unseen stack of every caption takes no room on paper.
  await expect(el.locator('.caption .sizer')).toBeHidden();
  expect(await el.evaluate((host) => getComputedStyle(host).breakInside)).toBe('avoid');
  const stage = (await el.locator('.stage').boundingBox())!;
  expect(stage.height).toBeGreaterThan(100);
  // The whole scene, whatever the camera followed on screen.
  await expect(el.locator('.stage svg')).toHaveAttribute('data-camera', 'overview');
  // A PDF comes out (Chromium prints with these styles).
  expect((await page.pdf({ format: 'A4' })).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
