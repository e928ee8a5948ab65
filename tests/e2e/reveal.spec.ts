// kubehop/reveal in a real reveal.js deck (reveal.js from node_modules, its
// notes plugin too): two scenes on two slides, bundled with their speaker
// notes as `kubehop bundle --notes` does. reveal.js's own keys (a clicker's
// PageDown/PageUp among them) step the scenes, one step a press, whoever has
// focus; the element's buttons move the deck's fragments; the URL's fragment
// index opens a scene at its step; and the speaker view shows each step's
// notes, as text.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { bundle } from '../../src/bundle/index.ts';
import { paragraphs } from '../../src/reveal/notes.ts';
import { sceneSteps } from './helpers.ts';

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.html': 'text/html' };
const HOSTILE = 'Say <b>why</b> & <img src=x onerror="window.__pwned=1"> here.';
const MINI_NOTES = ['Start at pod A.', HOSTILE, undefined, 'Pod B has it.\n\nAsk who answers.'];

const bridgeSteps = sceneSteps('same-node-bridge');
const BRIDGE = bridgeSteps.length;
const MINI_CAPTIONS = ['Out of pod A.', 'Into the bridge.', 'Out of the bridge.', 'Pod B receives it.'];
const scenes: Record<string, string> = {};

const DECK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pod networking</title>
<link rel="stylesheet" href="reveal/reveal.css"><link rel="stylesheet" href="reveal/theme/white.css">
</head><body><div class="reveal"><div class="slides">
<section><h2>Pod networking</h2></section>
<section id="bridge"><h3>Same node</h3><kubehop-scene src="kubehop/scenes/same-node-bridge.json" controls fill class="r-stretch"></kubehop-scene></section>
<section id="mini"><h3>Mini</h3><kubehop-scene src="kubehop/scenes/mini.json" controls fill class="r-stretch"></kubehop-scene></section>
<section><h2>Questions?</h2></section>
<section id="mixed"><p class="fragment" id="own-1">Own fragment</p><kubehop-scene src="kubehop/scenes/mini.json" fill class="r-stretch"></kubehop-scene><p class="fragment" id="own-2">Another</p></section>
</div></div>
<script type="module" src="kubehop/kubehop.js"></script>
<script type="module">
import Reveal from './reveal/reveal.mjs';
import RevealNotes from './reveal/plugin/notes.mjs';
import KubehopReveal from './kubehop/kubehop-reveal.js';
await Reveal.initialize({ hash: true, plugins: [RevealNotes, KubehopReveal] });
window.Reveal = Reveal;
</script></body></html>`;

test.beforeAll(async () => {
  const bridgeFile = 'scenes/same-node-bridge.yaml';
  const mini = readFileSync('tests/fixtures/valid/mini.yaml', 'utf8').replace(/caption: ([^}]*) \}/g, (line, caption: string) => {
    const k = MINI_CAPTIONS.indexOf(caption);
    const note = MINI_NOTES[k];
    return note === undefined ? line : `caption: ${caption}, notes: ${JSON.stringify(note)} }`;
  });
  for (const [name, text, file] of [['same-node-bridge', readFileSync(bridgeFile, 'utf8'), bridgeFile], ['mini', mini, 'mini.yaml']] as const) {
    const b = await bundle(text, { file, notes: true });
    if (!b.ok) throw new Error(b.errors.join('\n'));
    scenes[name] = b.json;
  }
  expect(JSON.parse(scenes.mini!).steps[1].notes).toBe(HOSTILE);
});

/** Serves the deck at /deck/, with reveal.js's dist, the built element and plugin, and the bundles; for every page of the context (the speaker view's too). */
async function openDeck(page: Page, hash = '', hold: Record<string, Promise<void>> = {}): Promise<void> {
  await page.context().route('**/deck/**', async (route) => {
    const path = new URL(route.request().url()).pathname.slice('/deck/'.length);
    if (path === '' || path === 'index.html') return route.fulfill({ contentType: 'text/html', body: DECK });
    const scene = /^kubehop\/scenes\/([\w-]+)\.json$/.exec(path)?.[1];
    if (scene && scenes[scene]) {
      await hold[scene];
      return route.fulfill({ contentType: 'application/json', body: scenes[scene] });
    }
    const file = path.startsWith('reveal/')
      ? join('node_modules/reveal.js/dist', normalize(path.slice('reveal/'.length)))
      : path.startsWith('kubehop/')
        ? join('dist/app/embed', normalize(path.slice('kubehop/'.length)))
        : '';
    if (!file || !existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  await page.goto(`/deck/index.html${hash}`);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
}

type Where = { h: number; f: number | undefined; bridge: number | undefined; mini: number | undefined };

/** The deck's slide and fragment, and each scene's step (0-based). */
function where(page: Page): Promise<Where> {
  return page.evaluate(() => {
    const deck = (window as unknown as { Reveal: { getIndices(): { h: number; f?: number } } }).Reveal;
    const step = (id: string): number | undefined => (document.querySelector(`#${id} kubehop-scene`) as unknown as { currentStep?: number }).currentStep;
    const { h, f } = deck.getIndices();
    return { h, f, bridge: step('bridge'), mini: step('mini') };
  });
}

const bridge = (page: Page) => page.locator('#bridge kubehop-scene');
const mini = (page: Page) => page.locator('#mini kubehop-scene');

test('reveal.js’s next and previous step the scene one step a press, then leave the slide; coming back shows its last step', async ({ page }) => {
  await openDeck(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => where(page)).toEqual({ h: 1, f: -1, bridge: 0, mini: 0 });
  await expect(bridge(page).locator('.counter')).toHaveText(`Step 1 of ${BRIDGE}`);
  // The scene's fragments are added for it: one per step after the first, and nothing of them shows.
  await expect(page.locator('#bridge .fragment')).toHaveCount(BRIDGE - 1);

  for (const [key, step] of [['ArrowRight', 1], ['Space', 2], ['PageDown', 3], ['PageUp', 2], ['ArrowLeft', 1], ['ArrowDown', 2], ['ArrowUp', 1]] as const) {
    await page.keyboard.press(key);
    await expect.poll(() => where(page), key).toMatchObject({ h: 1, f: step - 1, bridge: step });
    await expect(bridge(page).locator('.live .text')).toHaveText(bridgeSteps[step]!.caption);
  }

  // To the last step, then one more press leaves for the next slide.
  for (let k = 2; k < BRIDGE; k++) await page.keyboard.press('PageDown');
  await expect.poll(() => where(page)).toMatchObject({ h: 1, bridge: BRIDGE - 1 });
  await page.keyboard.press('PageDown');
  await expect.poll(() => where(page)).toMatchObject({ h: 2, f: -1, mini: 0 });
  await expect(mini(page).locator('.live .text')).toHaveText(MINI_CAPTIONS[0]!);

  // Back from the next slide: reveal.js shows every fragment of the slide, and the scene its last step.
  await page.keyboard.press('PageUp');
  await expect.poll(() => where(page)).toMatchObject({ h: 1, f: BRIDGE - 2, bridge: BRIDGE - 1 });
  await expect(bridge(page).locator('.counter')).toHaveText(`Step ${BRIDGE} of ${BRIDGE}`);
  await expect(bridge(page).locator('.live .text')).toHaveText(bridgeSteps[BRIDGE - 1]!.caption);
  await page.keyboard.press('PageUp');
  await expect.poll(() => where(page)).toMatchObject({ h: 1, f: BRIDGE - 3, bridge: BRIDGE - 2 });
});

test('with the scene focused a key still steps once, and the scene’s own buttons move the deck’s fragments', async ({ page }) => {
  await openDeck(page, '#/mini');
  await expect.poll(() => where(page)).toMatchObject({ h: 2, f: -1, mini: 0 });
  const next = mini(page).getByRole('button', { name: 'Next step' });
  await next.click();
  await expect.poll(() => where(page)).toMatchObject({ h: 2, f: 0, mini: 1 });
  // The button keeps focus: an arrow is reveal.js's, one step; Space on the button is its click, one step.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => where(page)).toMatchObject({ h: 2, f: 1, mini: 2 });
  await page.keyboard.press('Space');
  await expect.poll(() => where(page)).toMatchObject({ h: 2, f: 2, mini: 3 });
  await expect(mini(page).locator('.live .text')).toHaveText(MINI_CAPTIONS[3]!);
  // Focus on the element itself (a click on the diagram): PageUp steps back once.
  await mini(page).focus();
  await page.keyboard.press('PageUp');
  await expect.poll(() => where(page)).toMatchObject({ h: 2, f: 1, mini: 2 });
  await mini(page).getByRole('button', { name: 'Prev step' }).click();
  await expect.poll(() => where(page)).toMatchObject({ h: 2, f: 0, mini: 1 });
  // And the URL reveal.js writes carries the fragment, so a reload comes back here.
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/mini/0');
});

test('a URL with a fragment index opens the scene at that step, and a changed hash moves it', async ({ page }) => {
  await openDeck(page, '#/2/0/2');
  // The slide before it counts as passed: reveal.js shows all its fragments, so its scene shows its last step.
  await expect.poll(() => where(page)).toMatchObject({ h: 2, f: 2, mini: 3, bridge: BRIDGE - 1 });
  await expect(mini(page).locator('.counter')).toHaveText('Step 4 of 4');
  await expect(mini(page).locator('.live .text')).toHaveText(MINI_CAPTIONS[3]!);
  // A named slide with a fragment index, typed into the address bar of the open deck.
  await page.evaluate(() => (location.hash = '#/bridge/4'));
  await expect.poll(() => where(page)).toMatchObject({ h: 1, f: 4, bridge: 5 });
  await expect(bridge(page).locator('.live .text')).toHaveText(bridgeSteps[5]!.caption);
  // The slide after it is ahead again: all its fragments hidden, its scene on its first step.
  await expect.poll(() => where(page)).toMatchObject({ mini: 0 });
});

test('a link to a step of a scene that loads after the deck started is followed when the scene arrives, unless the presenter moved on', async ({ page }) => {
  let release = (): void => {};
  await openDeck(page, '#/mini/2', { mini: new Promise<void>((r) => (release = r)) });
  // reveal.js started on the slide, with no fragments to show yet.
  await expect.poll(() => where(page)).toMatchObject({ h: 2, mini: undefined });
  release();
  await expect.poll(() => where(page)).toMatchObject({ h: 2, f: 2, mini: 3 });
  await expect(mini(page).locator('.live .text')).toHaveText(MINI_CAPTIONS[3]!);

  const other = await page.context().newPage();
  let late = (): void => {};
  await openDeck(other, '#/mini/2', { mini: new Promise<void>((r) => (late = r)) });
  await other.keyboard.press('ArrowLeft');
  await expect.poll(() => where(other)).toMatchObject({ h: 1 });
  late();
  await expect.poll(() => where(other)).toMatchObject({ mini: 0 });
  expect(await where(other)).toMatchObject({ h: 1, f: BRIDGE - 2, bridge: BRIDGE - 1 });
});

test('the overview moves between scenes’ slides as between any others', async ({ page }) => {
  await openDeck(page, '#/mini/1');
  await expect.poll(() => where(page)).toMatchObject({ h: 2, f: 1, mini: 2 });
  await page.keyboard.press('Escape');
  await expect(page.locator('.reveal.overview')).toHaveCount(1);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Escape');
  await expect(page.locator('.reveal.overview')).toHaveCount(0);
  // Back on a passed slide: its scene at its last step; the slide left is ahead again, its scene at its first.
  await expect.poll(() => where(page)).toMatchObject({ h: 1, bridge: BRIDGE - 1, mini: 0 });
});

test('a slide’s own fragments come first, then the scene’s steps', async ({ page }) => {
  await openDeck(page, '#/mixed');
  const mixed = page.locator('#mixed kubehop-scene');
  const state = () =>
    page.evaluate(() => ({
      f: (window as unknown as { Reveal: { getIndices(): { f?: number } } }).Reveal.getIndices().f,
      step: (document.querySelector('#mixed kubehop-scene') as unknown as { currentStep?: number }).currentStep,
      own: ['own-1', 'own-2'].map((id) => document.getElementById(id)!.classList.contains('visible')),
    }));
  await expect(mixed.locator('.frame')).toHaveAttribute('data-state', 'ready');
  await expect.poll(state).toEqual({ f: -1, step: 0, own: [false, false] });
  await page.keyboard.press('ArrowRight');
  await expect.poll(state).toEqual({ f: 0, step: 0, own: [true, false] });
  await page.keyboard.press('ArrowRight');
  await expect.poll(state).toEqual({ f: 1, step: 0, own: [true, true] });
  await page.keyboard.press('ArrowRight');
  await expect.poll(state).toEqual({ f: 2, step: 1, own: [true, true] });
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(state).toEqual({ f: 0, step: 0, own: [true, false] });
});

/** A one-finger swipe to the left (next) over `selector`, as pointer events; inside a shadow root when `inScene`. */
function swipeLeft(page: Page, selector: string, inScene: boolean): Promise<void> {
  return page.evaluate(
    ([selector, inScene]) => {
      const host = document.querySelector(selector as string)!;
      const el = inScene ? host.shadowRoot!.querySelector('.stage')! : host;
      const box = el.getBoundingClientRect();
      const y = box.top + box.height / 2;
      const at = (type: string, x: number): boolean =>
        el.dispatchEvent(new PointerEvent(type, { pointerType: 'touch', pointerId: 7, isPrimary: true, clientX: x, clientY: y, bubbles: true, composed: true }));
      at('pointerdown', box.left + box.width * 0.8);
      at('pointermove', box.left + box.width * 0.2);
      at('pointerup', box.left + box.width * 0.2);
    },
    [selector, inScene] as const,
  );
}

test('a swipe on the diagram steps the scene once, and a swipe elsewhere on the slide is the deck’s next', async ({ page }) => {
  await openDeck(page, '#/mini');
  await expect.poll(() => where(page)).toMatchObject({ h: 2, f: -1, mini: 0 });
  await swipeLeft(page, '#mini kubehop-scene', true);
  await expect.poll(() => where(page)).toMatchObject({ h: 2, f: 0, mini: 1 });
  await swipeLeft(page, '#mini h3', false);
  await expect.poll(() => where(page)).toMatchObject({ h: 2, f: 1, mini: 2 });
  await expect(mini(page).locator('.live .text')).toHaveText(MINI_CAPTIONS[2]!);
});

test('the speaker view shows each step’s notes, as text', async ({ page }) => {
  await openDeck(page, '#/bridge');
  const bridgeNotes = JSON.parse(scenes['same-node-bridge']!).steps.map((s: { notes?: string }) => s.notes) as (string | undefined)[];
  const [view] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
  const notes = view.locator('.speaker-controls-notes .value');
  const said = (text: string) => paragraphs(text).join(' ');

  await expect(notes).toHaveText(said(bridgeNotes[0]!), { useInnerText: true });
  for (const step of [1, 2]) {
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => where(page)).toMatchObject({ bridge: step });
    await expect(notes).toHaveText(said(bridgeNotes[step]!), { useInnerText: true });
  }

  // The second scene: markup in a note is shown as the characters it is made of.
  await page.evaluate(() => (location.hash = '#/mini/0'));
  await expect.poll(() => where(page)).toMatchObject({ h: 2, mini: 1 });
  await expect(notes).toHaveText(HOSTILE, { useInnerText: true });
  await expect(view.locator('.speaker-controls-notes .value img, .speaker-controls-notes .value b')).toHaveCount(0);
  // A step without notes has none in the view (not the slide's, not step 1's).
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => where(page)).toMatchObject({ mini: 2 });
  await expect(view.locator('.speaker-controls-notes')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(notes).toHaveText('Pod B has it. Ask who answers.', { useInnerText: true });
  await expect(view.locator('.speaker-controls-notes .value p')).toHaveCount(2);
  // Back to step 1: the notes outside any fragment.
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => where(page)).toMatchObject({ h: 2, mini: 0 });
  await expect(notes).toHaveText(MINI_NOTES[0]!, { useInnerText: true });
  for (const p of [page, view]) expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
