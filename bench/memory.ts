// Memory with many embeds, and whether the off-screen ones are idle.
//
// Heap: CDP Performance.getMetrics JSHeapUsedSize after a forced garbage
// collection, for a page with the runtime and no embed, and for a page of 20
// autoplaying embeds (the bundled scenes in turn), once all are drawn.
//
// Idle, by what can be observed from outside the element:
//   - per embed, with the page at the top (the first embed on screen, the rest
//     below the fold), from when all are drawn until the on-screen one has
//     taken two steps (at least W seconds): DOM mutations inside
//     its shadow root (every drawn animation frame changes attributes there)
//     and stepchange events. Off-screen embeds are idle when both are 0.
//   - page-wide, with the page scrolled to a blank stretch where no embed is on
//     screen: requestAnimationFrame calls per second (gsap's ticker and any
//     other loop) and main-thread task time per second (CDP TaskDuration).
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { Served } from './lib.ts';

export interface MemoryResult {
  embeds: number;
  heapBaselineMB: number;
  heapWithEmbedsMB: number;
  perEmbedKB: number;
  /** How long the per-embed activity was watched at the top of the page. */
  windowSeconds: number;
  /** How long the page was watched with no embed on screen. */
  idleWindowSeconds: number;
  onScreen: { index: number; mutations: number; stepchanges: number }[];
  offScreen: { count: number; withMutations: number; withStepchanges: number; mutations: number };
  offScreenIdle: boolean;
  allOffScreen: { rafPerSecond: number; taskMsPerSecond: number };
}

async function heapMB(page: Page, cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}

// Counts every requestAnimationFrame call the page makes, from before any script runs.
const COUNT_RAF = `(() => {
  const raf = window.requestAnimationFrame.bind(window);
  window.__raf = 0;
  window.requestAnimationFrame = (cb) => { window.__raf++; return raf(cb); };
})()`;

const WATCH = `(() => {
  const els = [...document.querySelectorAll('kubehop-scene')];
  window.__watch = els.map((el) => {
    const w = { mutations: 0, stepchanges: 0, onScreen: false };
    const r = el.getBoundingClientRect();
    w.onScreen = r.bottom > 0 && r.top < innerHeight;
    new MutationObserver((list) => { w.mutations += list.length; })
      .observe(el.shadowRoot, { subtree: true, attributes: true, childList: true, characterData: true });
    el.addEventListener('stepchange', () => { w.stepchanges++; });
    return w;
  });
})()`;

export async function measureMemory(browser: Browser, served: Served, count: number, windowMs: number, log: (s: string) => void): Promise<MemoryResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(COUNT_RAF);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    log('memory: runtime, no embed');
    await page.goto(`${served.base}/__bench/many-0.html`);
    await page.waitForFunction(() => performance.getEntriesByName('kubehop:module').length > 0);
    await page.waitForTimeout(500);
    const heapBaselineMB = await heapMB(page, cdp);

    log(`memory: ${count} embeds`);
    await page.goto(`${served.base}/__bench/many-${count}.html`);
    await page.waitForFunction((n) => performance.getEntriesByName('kubehop:drawn').length >= n, count, { timeout: 120_000 });
    await page.waitForTimeout(500);
    const heapWithEmbedsMB = await heapMB(page, cdp);

    // The window runs until the on-screen embed has moved on twice (it first rests on
    // its caption), so the off-screen ones are compared with one seen animating.
    log(`idle: at the top of the page, until the on-screen embed has taken two steps (at least ${windowMs / 1000} s)`);
    await page.evaluate(WATCH);
    const w0 = Date.now();
    await page.waitForTimeout(windowMs);
    await page.waitForFunction('window.__watch.some((w) => w.onScreen && w.stepchanges >= 2)', undefined, { timeout: 60_000, polling: 250 }).catch(() => {});
    const watchedMs = Date.now() - w0;
    const watch = (await page.evaluate('window.__watch')) as { mutations: number; stepchanges: number; onScreen: boolean }[];
    const on = watch.map((w, index) => ({ index, ...w })).filter((w) => w.onScreen);
    const off = watch.filter((w) => !w.onScreen);

    log(`idle: ${windowMs / 1000} s with no embed on screen`);
    await page.evaluate("document.getElementById('tail').scrollIntoView()");
    // Let the visibility observers fire and any hop under way be finished.
    await page.waitForTimeout(1500);
    const raf0 = (await page.evaluate('window.__raf')) as number;
    const task0 = await taskSeconds(cdp);
    await page.waitForTimeout(windowMs);
    const raf1 = (await page.evaluate('window.__raf')) as number;
    const task1 = await taskSeconds(cdp);

    return {
      embeds: count,
      heapBaselineMB,
      heapWithEmbedsMB,
      perEmbedKB: ((heapWithEmbedsMB - heapBaselineMB) * 1024) / count,
      windowSeconds: watchedMs / 1000,
      idleWindowSeconds: windowMs / 1000,
      onScreen: on.map(({ index, mutations, stepchanges }) => ({ index, mutations, stepchanges })),
      offScreen: {
        count: off.length,
        withMutations: off.filter((w) => w.mutations > 0).length,
        withStepchanges: off.filter((w) => w.stepchanges > 0).length,
        mutations: off.reduce((n, w) => n + w.mutations, 0),
      },
      offScreenIdle: off.every((w) => w.mutations === 0 && w.stepchanges === 0),
      allOffScreen: { rafPerSecond: (raf1 - raf0) / (windowMs / 1000), taskMsPerSecond: ((task1 - task0) * 1000) / (windowMs / 1000) },
    };
  } finally {
    await context.close();
  }
}
