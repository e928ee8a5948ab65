// Frame pacing in Chromium: requestAnimationFrame intervals while one embed
// autoplays the largest bundled scene at speed 1, from its first drawn frame
// to the end of the last step (or over a fixed window with --quick). Reported
// over all frames, and over the frames while a hop is moving (the embed's
// data-moving), since between hops the scene rests on a caption and the
// browser has nothing to draw. A blank page's intervals, measured just before,
// show how steady this machine's frames are with nothing to do.
import type { Browser } from '@playwright/test';
import { quantile, type Served } from './lib.ts';
import { embedPage } from './pages.ts';

export interface Pacing {
  frames: number;
  p50: number;
  p95: number;
  p99: number;
  over50: number;
  max: number;
}

export interface PacingResult {
  scene: string;
  mode: string;
  seconds: number;
  all: Pacing;
  moving: Pacing;
  blank: Pacing;
}

function pacing(intervals: number[]): Pacing {
  return {
    frames: intervals.length,
    p50: quantile(intervals, 0.5),
    p95: quantile(intervals, 0.95),
    p99: quantile(intervals, 0.99),
    over50: intervals.filter((d) => d > 50).length,
    max: Math.max(...intervals),
  };
}

// Strings, not functions: tsx would wrap named functions in a helper the page does not have.
const RECORD = `(() => {
  const el = document.querySelector('kubehop-scene');
  const frame = el && el.shadowRoot && el.shadowRoot.querySelector('.frame');
  window.__frames = [];
  window.__stop = false;
  const tick = (t) => {
    window.__frames.push([t, frame ? frame.dataset.moving === 'true' : false]);
    if (!window.__stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const DONE = `(() => {
  const el = document.querySelector('kubehop-scene');
  const f = el.shadowRoot.querySelector('.frame');
  return el.stepCount !== undefined && el.currentStep === el.stepCount - 1 && f.dataset.playing === 'false' && f.dataset.moving === 'false';
})()`;

async function record(page: import('@playwright/test').Page, ms: number | 'end', timeoutMs: number): Promise<{ intervals: number[]; moving: number[]; seconds: number }> {
  await page.evaluate(RECORD);
  if (ms === 'end') await page.waitForFunction(DONE, undefined, { timeout: timeoutMs, polling: 250 });
  else await page.waitForTimeout(ms);
  const frames = (await page.evaluate('(() => { window.__stop = true; return window.__frames; })()')) as [number, boolean][];
  const intervals: number[] = [];
  const moving: number[] = [];
  for (let i = 1; i < frames.length; i++) {
    const d = frames[i]![0] - frames[i - 1]![0];
    intervals.push(d);
    if (frames[i]![1] || frames[i - 1]![1]) moving.push(d);
  }
  const seconds = frames.length > 1 ? (frames[frames.length - 1]![0] - frames[0]![0]) / 1000 : 0;
  return { intervals, moving, seconds };
}

export async function measurePacing(browser: Browser, served: Served, sceneId: string, playthroughMs: number, quick: boolean, log: (s: string) => void): Promise<PacingResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><title>blank</title>');
    log('frame pacing: blank page, 3 s');
    const blank = await record(page, 3000, 10_000);
    await page.goto(`${served.base}/__bench/pacing.html`);
    await page.waitForFunction(() => performance.getEntriesByName('kubehop:drawn').length > 0, undefined, { timeout: 60_000 });
    const windowMs = quick ? 20_000 : ('end' as const);
    log(`frame pacing: ${sceneId} at speed 1, ${quick ? '20 s window' : `full playthrough (~${Math.round(playthroughMs / 1000)} s)`}`);
    const run = await record(page, windowMs, playthroughMs * 2 + 60_000);
    return {
      scene: sceneId,
      mode: quick ? 'first 20 s of autoplay at speed 1 (--quick)' : 'full autoplay playthrough at speed 1, first drawn frame → end of last step',
      seconds: run.seconds,
      all: pacing(run.intervals),
      moving: pacing(run.moving),
      blank: pacing(blank.intervals),
    };
  } finally {
    await context.close();
  }
}

export const pacingPage = (sceneId: string): string => embedPage(`/embed/scenes/${sceneId}.json`, 'autoplay speed="1"');
