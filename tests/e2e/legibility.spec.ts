// Legible where readers meet kubehop: the smallest diagram text fully inside
// the visible stage, measured from the page (font size × the SVG's scale), at
// every step of every bundled scene, in presenter mode on a 1024×768
// projector, in the app at 1280×720 and on a 375×667 phone, and in the
// <kubehop-scene> element and the iframe page in a 632 px blog column and on
// a phone. At each step the box the packet is at, and the packet card that
// shows what the step did, must be fully on the stage too: the camera follows
// the packet, it does not just zoom.
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { sceneIds, sceneSteps } from './helpers.ts';

const SCENES = sceneIds();
const OUT = 'test-results/legibility';

interface Seen {
  /** Smallest text size in CSS px among the texts fully inside the visible stage. */
  min: number;
  texts: number;
  /** The destination box is fully inside the visible stage. */
  atInside: boolean;
  /** The packet card (what the step did to the headers) and the packet's dot are fully inside the visible stage. */
  cardInside: boolean;
  dotInside: boolean;
  /** The card and the box the packet is at could be shown together at this zoom (the stage is big enough for both). */
  roomForBoth: boolean;
  /** The card and its dot could be shown at this zoom (a tiny iframe can be shorter than a tall card). */
  roomForCard: boolean;
  viewBox: string | null;
}

/**
 * Runs in the page: measures the diagram in `svg`. The visible stage is the
 * SVG's box (an outer <svg> clips to it) cut to the window.
 */
function measure(svg: SVGSVGElement, at: string): Seen {
  const b = svg.getBoundingClientRect();
  const v = { left: Math.max(b.left, 0), top: Math.max(b.top, 0), right: Math.min(b.right, innerWidth), bottom: Math.min(b.bottom, innerHeight) };
  const inside = (r: DOMRect): boolean =>
    r.width > 0 && r.left >= v.left - 0.5 && r.top >= v.top - 0.5 && r.right <= v.right + 0.5 && r.bottom <= v.bottom + 0.5;
  let min = Infinity;
  let texts = 0;
  for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
    const style = getComputedStyle(t);
    if (style.visibility !== 'visible' || style.display === 'none') continue;
    if (!inside(t.getBoundingClientRect())) continue;
    const m = t.getScreenCTM();
    if (!m) continue;
    min = Math.min(min, parseFloat(style.fontSize) * Math.hypot(m.a, m.b));
    texts++;
  }
  const box = [...svg.querySelectorAll<SVGGElement>('g.kh-box')].find((g) => g.dataset.id === at);
  const bg = box?.querySelector('rect.kh-box-bg');
  const card = svg.querySelector('g.kh-packet[visibility="visible"] g.kh-packet-card > rect.kh-card-band, g.kh-packet[visibility="visible"] g.kh-packet-card > rect.kh-card-card');
  const dot = svg.querySelector('g.kh-packet[visibility="visible"] .kh-packet-halo');
  const c = card?.getBoundingClientRect();
  const a = bg?.getBoundingClientRect();
  // The camera keeps 14 picture units of room round what it frames (src/camera/view.ts MARGIN).
  const room = 2 * 14 * (svg.getScreenCTM()?.a ?? 1);
  const fits = (p: DOMRect, q: DOMRect): boolean =>
    Math.max(p.right, q.right) - Math.min(p.left, q.left) <= v.right - v.left - room &&
    Math.max(p.bottom, q.bottom) - Math.min(p.top, q.top) <= v.bottom - v.top - room;
  const d = dot?.getBoundingClientRect();
  const roomForBoth = !!c && !!a && fits(c, a);
  const roomForCard = !!c && !!d && fits(c, d);
  return {
    min,
    texts,
    atInside: !!bg && inside(bg.getBoundingClientRect()),
    cardInside: !!card && inside(card.getBoundingClientRect()),
    dotInside: !!dot && inside(dot.getBoundingClientRect()),
    roomForBoth,
    roomForCard,
    viewBox: svg.getAttribute('viewBox'),
  };
}

interface Place {
  name: string;
  minPx: number;
  open(browser: Browser, baseURL: string): Promise<{ page: Page; close(): Promise<void> }>;
  /** Shows scene `id` at its first step, ready to walk. */
  load(page: Page, id: string): Promise<void>;
  /** How the walk moves to a step: the address (app, iframe page) or the element's goTo(). */
  how: Walk['how'];
}

interface Walk {
  how: 'app' | 'frame' | 'element';
  id: string;
  ats: string[];
}

/**
 * Runs in the page: every step in turn, measured once the step is drawn.
 * One round trip per scene, not per step, keeps the suite quick.
 */
async function walk({ how, id, ats }: Walk): Promise<(Seen & { step: string | null })[]> {
  const el = document.querySelector('kubehop-scene') as (HTMLElement & { goTo(n: number): void }) | null;
  const svg = (how === 'app' ? document.querySelector('[data-testid=stage] svg') : el?.shadowRoot?.querySelector('.stage svg')) as SVGSVGElement;
  const measureIn = (window as unknown as { __khMeasure: typeof measure }).__khMeasure;
  const out = [];
  for (let k = 0; k < ats.length; k++) {
    if (how === 'element') el!.goTo(k);
    else if (k > 0) {
      const changed = new Promise((r) => addEventListener('hashchange', r, { once: true }));
      location.hash = how === 'app' ? `#/${id}/${k + 1}` : `#${id}/${k + 1}`;
      await changed;
    }
    // The embed in a post: scrolled into view, as a reader would.
    if (how === 'element') svg.scrollIntoView({ block: 'center' });
    // Two frames: a caption too long for its band resizes the stage, and the camera follows that in the next layout.
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(r));
    out.push({ ...measureIn(svg, ats[k]!), step: svg.getAttribute('data-step') });
  }
  return out;
}

const phone = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

async function context(browser: Browser, baseURL: string, opts: object) {
  const ctx = await browser.newContext({ baseURL, reducedMotion: 'reduce', ...opts });
  await ctx.addInitScript({ content: `window.__khMeasure = ${measure.toString()};` });
  const page = await ctx.newPage();
  return { page, close: () => ctx.close() };
}

/** The app: steps by the address (each a jump), presenter mode by G. */
function appPlace(name: string, minPx: number, opts: object, present: boolean): Place {
  return {
    name,
    minPx,
    how: 'app',
    open: (browser, baseURL) => context(browser, baseURL, opts),
    async load(page, id) {
      await page.goto(`/#/${id}/1`);
      await expect(page.locator('[data-testid=stage][data-step="0"]')).toBeAttached();
      if (present) {
        await page.keyboard.press('g');
        await expect(page.locator('main.player.presenting')).toBeVisible();
      }
    },
  };
}

/** A blog post whose text column is `column` px wide, holding one embed, served at a path of its own. */
function postHtml(column: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>post</title>
<script type="module" src="/embed/kubehop.js"></script>
<style>body { margin: 0; font: 18px/1.6 Georgia, serif; } main { max-width: ${column}; margin: 0 auto; padding: 0 16px; }</style>
</head><body><main><h1>A post</h1><kubehop-scene controls></kubehop-scene><p>After the figure.</p></main></body></html>`;
}

function embedPlace(name: string, opts: object): Place {
  return {
    name,
    minPx: 11,
    how: 'element',
    async open(browser, baseURL) {
      const c = await context(browser, baseURL, opts);
      await c.page.route('**/legibility-post.html', (r) => r.fulfill({ contentType: 'text/html', body: postHtml('632px') }));
      await c.page.goto('/legibility-post.html');
      return c;
    },
    async load(page, id) {
      const el = page.locator('kubehop-scene');
      await el.evaluate((e, src) => e.setAttribute('src', src), `/embed/scenes/${id}.json`);
      await expect(el.locator('.frame[data-state="ready"]')).toBeAttached();
      await expect.poll(() => el.evaluate((e) => (e as HTMLElement & { stepCount?: number }).stepCount)).toBe(sceneSteps(id).length);
    },
  };
}

/** The iframe page, at the size of the iframe a post gives it. */
function framePlace(name: string, size: { width: number; height: number }, opts: object = {}): Place {
  return {
    name,
    minPx: 11,
    how: 'frame',
    open: (browser, baseURL) => context(browser, baseURL, { ...opts, viewport: size }),
    async load(page, id) {
      await page.goto(`/embed/#${id}/1`);
      await expect(page.locator('kubehop-scene').locator('.frame[data-state="ready"][data-step="0"]')).toBeAttached();
    },
  };
}

const PLACES: Place[] = [
  appPlace('presenter 1024×768', 18, { viewport: { width: 1024, height: 768 } }, true),
  appPlace('app 1280×720', 12, { viewport: { width: 1280, height: 720 } }, false),
  appPlace('app phone 375×667', 11, phone, false),
  embedPlace('embed, 632 px column', { viewport: { width: 1280, height: 800 } }),
  embedPlace('embed, phone 375×667', phone),
  framePlace('iframe page 632×560', { width: 632, height: 560 }),
  framePlace('iframe page, phone 343×480', { width: 343, height: 480 }, { hasTouch: true, isMobile: true }),
];

for (const place of PLACES) {
  test(`${place.name}: diagram text at least ${place.minPx} px and the packet's box on stage, every step of every scene`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const { page, close } = await place.open(browser, baseURL!);
    const report: Record<string, { min: number; step: number }> = {};
    const problems: string[] = [];
    for (const id of SCENES) {
      const steps = sceneSteps(id);
      await place.load(page, id);
      const seen = await page.evaluate(walk, { how: place.how, id, ats: steps.map((s) => s.at) });
      let worst = { min: Infinity, step: 0 };
      seen.forEach((v, k) => {
        const where = `${id} step ${k + 1}`;
        if (v.step !== String(k)) problems.push(`${where}: the stage shows step ${v.step}`);
        if (v.min < worst.min) worst = { min: v.min, step: k + 1 };
        if (v.texts === 0) problems.push(`${where}: no diagram text on the stage`);
        else if (v.min < place.minPx - 0.01) problems.push(`${where}: text ${v.min.toFixed(2)} px (view ${v.viewBox})`);
        // The card and the packet's dot wherever the stage can hold them; the whole box too wherever it has room for both.
        if (v.roomForCard && (!v.cardInside || !v.dotInside)) problems.push(`${where}: the packet card or its dot not fully on the stage (view ${v.viewBox})`);
        if (!v.atInside && v.roomForBoth) problems.push(`${where}: ${steps[k]!.at} not fully on the stage (view ${v.viewBox})`);
      });
      report[id] = { min: Math.round(worst.min * 10) / 10, step: worst.step };
    }
    await close();
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/${place.name.replace(/[^a-z0-9]+/gi, '-')}.json`, JSON.stringify(report, null, 2));
    console.log(`${place.name} (≥ ${place.minPx} px): ${Object.entries(report).map(([id, r]) => `${id} ${r.min}`).join(', ')}`);
    expect(problems).toEqual([]);
  });
}

// ---- the camera's behaviour: seeking equals playing, the overview key, swipes ----

const viewBox = (page: Page) => page.locator('[data-testid=stage] svg').getAttribute('viewBox');
const stepShown = (page: Page, k: number) =>
  expect(page.locator(`[data-testid=stage][data-step="${k}"][data-moving="false"]`)).toBeAttached({ timeout: 20_000 });

test('the view at a step is the same whether played to (animated), or seeked to forwards or backwards', async ({ page }) => {
  const id = 'clusterip-dnat';
  await page.goto(`/#/${id}/1`);
  await stepShown(page, 0);
  const played: (string | null)[] = [await viewBox(page)];
  for (let k = 1; k <= 6; k++) {
    await page.keyboard.press('ArrowRight');
    await stepShown(page, k);
    played.push(await viewBox(page));
  }
  // The camera moved somewhere along the way (it follows, it is not fixed).
  expect(new Set(played).size).toBeGreaterThan(1);
  for (const k of [6, 2, 5, 0, 3]) {
    await page.evaluate((h) => (location.hash = h), `#/${id}/${k + 1}`);
    await stepShown(page, k);
    expect(await viewBox(page), `step ${k + 1}`).toBe(played[k]);
  }
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the view jumps: the next step’s view is there in the same task as the key press', async ({ page }) => {
    const id = 'clusterip-dnat';
    await page.goto(`/#/${id}/1`);
    await stepShown(page, 0);
    // The first step whose view differs from the one before it.
    let before = await viewBox(page);
    let k = 1;
    let target = before;
    for (; k < 10; k++) {
      await page.evaluate((h) => (location.hash = h), `#/${id}/${k + 1}`);
      await stepShown(page, k);
      target = await viewBox(page);
      if (target !== before) break;
      before = target;
    }
    expect(target).not.toBe(before);
    await page.evaluate((h) => (location.hash = h), `#/${id}/${k}`);
    await stepShown(page, k - 1);
    expect(await viewBox(page)).toBe(before);
    const after = await page.evaluate(() => {
      dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      return document.querySelector('[data-testid=stage] svg')!.getAttribute('viewBox');
    });
    expect(after).toBe(target);
  });
});

test('O shows the whole scene and O again follows the packet; the stage button does the same', async ({ page }) => {
  await page.goto('/#/nodeport/5');
  await stepShown(page, 4);
  const svg = page.locator('[data-testid=stage] svg');
  const close = await svg.getAttribute('viewBox');
  const whole = await page.evaluate(() => {
    const bg = document.querySelector('[data-testid=stage] svg rect.kh-bg')!;
    return `0 0 ${bg.getAttribute('width')} ${bg.getAttribute('height')}`;
  });
  expect(close).not.toBe(whole);
  await expect(svg).toHaveAttribute('data-camera', 'follow');
  await page.keyboard.press('o');
  await expect(svg).toHaveAttribute('viewBox', whole);
  await expect(svg).toHaveAttribute('data-camera', 'overview');
  // Stepping keeps the overview until it is switched off.
  await page.keyboard.press('ArrowRight');
  await stepShown(page, 5);
  await expect(svg).toHaveAttribute('viewBox', whole);
  await page.keyboard.press('O');
  await expect(svg).toHaveAttribute('data-camera', 'follow');
  expect(await svg.getAttribute('viewBox')).not.toBe(whole);
  const button = page.getByTestId('overview-toggle');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await button.click();
  await expect(svg).toHaveAttribute('viewBox', whole);
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  // Listed in the help dialog.
  await page.keyboard.press('?');
  await expect(page.locator('dialog.help')).toContainText('Whole scene');
});

test('an embed: O and the Whole scene button show the whole scene', async ({ page }) => {
  await page.route('**/legibility-post.html', (r) => r.fulfill({ contentType: 'text/html', body: postHtml('632px') }));
  await page.goto('/legibility-post.html');
  const el = page.locator('kubehop-scene');
  await el.evaluate((e) => e.setAttribute('src', '/embed/scenes/nodeport.json'));
  await expect(el.locator('.frame[data-state="ready"]')).toBeAttached();
  const svg = el.locator('.stage svg');
  await expect(svg).toHaveAttribute('data-camera', 'follow');
  await el.focus();
  await page.keyboard.press('o');
  await expect(svg).toHaveAttribute('data-camera', 'overview');
  const button = el.locator('button.overview');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await button.click();
  await expect(svg).toHaveAttribute('data-camera', 'follow');
});

/** A one-finger drag through the browser's own touch input (CDP), so pointer events and touch-action apply. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let i = 1; i <= 6; i++) {
    const p = { x: from.x + ((to.x - from.x) * i) / 6, y: from.y + ((to.y - from.y) * i) / 6 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Elements (shadow roots included) that block the browser's pan and pinch. */
const blockers = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const el of root.querySelectorAll('*')) {
        if (getComputedStyle(el).touchAction === 'none') out.push(el.tagName);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });

test.describe('on a touch screen', () => {
  test.use({ ...phone, reducedMotion: 'reduce' });

  test('swipe left steps on, swipe right steps back, a vertical drag does not step; pan and pinch stay the browser’s', async ({ page }) => {
    await page.goto('/#/cross-node-vxlan/3');
    await stepShown(page, 2);
    const box = (await page.locator('[data-testid=stage] svg').boundingBox())!;
    const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await drag(page, { x: mid.x + 100, y: mid.y }, { x: mid.x - 100, y: mid.y + 8 });
    await stepShown(page, 3);
    await drag(page, { x: mid.x - 100, y: mid.y }, { x: mid.x + 100, y: mid.y });
    await stepShown(page, 2);
    await drag(page, { x: mid.x, y: mid.y - 40 }, { x: mid.x + 10, y: mid.y + 40 });
    await stepShown(page, 2);
    expect(await blockers(page)).toEqual([]);
    expect(await page.locator('[data-testid=stage] svg').evaluate((s) => getComputedStyle(s).touchAction)).toBe('pan-y pinch-zoom');
  });

  test('an embed steps by swipes too', async ({ page }) => {
    await page.route('**/legibility-post.html', (r) => r.fulfill({ contentType: 'text/html', body: postHtml('632px') }));
    await page.goto('/legibility-post.html');
    const el = page.locator('kubehop-scene');
    await el.evaluate((e) => e.setAttribute('src', '/embed/scenes/same-node-bridge.json'));
    await expect(el.locator('.frame[data-state="ready"][data-step="0"]')).toBeAttached();
    const box = (await el.locator('.stage').boundingBox())!;
    const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await drag(page, { x: mid.x + 100, y: mid.y }, { x: mid.x - 100, y: mid.y });
    await expect(el.locator('.frame[data-step="1"]')).toBeAttached();
    await drag(page, { x: mid.x - 100, y: mid.y }, { x: mid.x + 100, y: mid.y });
    await expect(el.locator('.frame[data-step="0"]')).toBeAttached();
    expect(await blockers(page)).toEqual([]);
  });
});
