// `kubehop export` end to end, through the real CLI (which drives its own
// headless Chromium): each file is what it says it is. The smallest scene
// that has every kind of step, at small widths, keeps this to about a minute.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
// @ts-expect-error -- omggif ships no types; GifReader is all this test uses.
import omggif from 'omggif';
import { framePlan, gifDelays, videoFrameCount } from '../../src/export/plan.ts';
import { FPS } from '../../src/export/options.ts';
import { sceneSteps } from './helpers.ts';

interface GifReader {
  width: number;
  height: number;
  numFrames(): number;
  loopCount(): number | null;
  frameInfo(i: number): { delay: number };
  decodeAndBlitFrameRGBA(i: number, pixels: Uint8Array): void;
}
const Reader = (omggif as { GifReader: new (b: Uint8Array) => GifReader }).GifReader;

const run = promisify(execFile);
const SCENE_ID = 'nodeport-local';
const SCENE = `scenes/${SCENE_ID}.yaml`;
const WIDTH = 320;

let dir: string;
test.describe.configure({ mode: 'serial' });
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubehop-e2e-export-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function kubehop(...args: string[]): Promise<string> {
  const { stdout } = await run('node', ['bin/kubehop.js', 'export', SCENE, ...args], { maxBuffer: 1 << 20 });
  return stdout;
}

/** Width and height of an exported SVG: the picture every other format rasterises. */
async function svgSize(width: number): Promise<{ width: number; height: number }> {
  const out = join(dir, `size-${width}.svg`);
  await kubehop('--format', 'svg', '--width', String(width), '-o', out);
  const m = /<svg [^>]*?width="(\d+)" height="(\d+)"/.exec(readFileSync(out, 'utf8'))!;
  return { width: Number(m[1]), height: Number(m[2]) };
}

test('PNG: any step, the requested width at 2×, in the chosen theme', async ({ page }) => {
  test.setTimeout(180_000);
  const out = join(dir, 'step.png');
  const said = await kubehop('--format', 'png', '--step', '4', '--width', String(WIDTH), '--theme', 'dark', '-o', out);
  const size = await svgSize(WIDTH);
  const png = readFileSync(out);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * size.width, 2 * size.height]);
  expect(said).toContain(`${2 * size.width}×${2 * size.height} px`);
  // The background corner is the dark theme's --kh-bg (#15181c).
  const corner = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return [...ctx.getImageData(2, 2, 1, 1).data];
  }, png.toString('base64'));
  expect(corner).toEqual([0x15, 0x18, 0x1c, 255]);
});

test('GIF: decodes with one frame per planned picture, loops forever, and two exports are identical', async () => {
  test.setTimeout(300_000);
  const a = join(dir, 'a.gif');
  const b = join(dir, 'b.gif');
  await kubehop('--format', 'gif', '--width', String(WIDTH), '-o', a);
  await kubehop('--format', 'gif', '--width', String(WIDTH), '-o', b);
  const plan = framePlan(sceneSteps(SCENE_ID), FPS.gif);
  const bytes = readFileSync(a);
  const gif = new Reader(bytes);
  const size = await svgSize(WIDTH);
  expect([gif.width, gif.height]).toEqual([size.width, size.height]);
  expect(gif.numFrames()).toBe(plan.length);
  expect(gif.loopCount()).toBe(0);
  const delays = Array.from({ length: gif.numFrames() }, (_, i) => gif.frameInfo(i).delay);
  expect(delays).toEqual(gifDelays(plan));
  // Every frame decodes; the first (step 1 at rest) is held for its caption.
  const px = new Uint8Array(gif.width * gif.height * 4);
  for (let i = 0; i < gif.numFrames(); i++) gif.decodeAndBlitFrameRGBA(i, px);
  expect(delays[0]).toBeGreaterThanOrEqual(200);
  // Frames come from seeking a paused timeline, never from recording: two runs, same bytes.
  expect(readFileSync(b).equals(bytes)).toBe(true);
});

test("WebM: duration and frame count match the timeline at 30 fps", async () => {
  test.setTimeout(300_000);
  const out = join(dir, 'scene.webm');
  await kubehop('--format', 'webm', '--width', String(WIDTH), '-o', out);
  const input = new Input({ source: new BufferSource(readFileSync(out)), formats: ALL_FORMATS });
  const track = (await input.getPrimaryVideoTrack())!;
  const frames = videoFrameCount(framePlan(sceneSteps(SCENE_ID), FPS.webm), FPS.webm);
  expect(['vp9', 'vp8']).toContain(track.codec);
  expect(track.displayWidth).toBe(WIDTH);
  expect(track.displayHeight % 2).toBe(0);
  expect((await track.computePacketStats()).packetCount).toBe(frames);
  expect(await input.computeDuration()).toBeCloseTo(frames / FPS.webm, 2);
});

test('HTML: one file, opened from disk with no network, steps through the scene', async ({ page }) => {
  test.setTimeout(180_000);
  const out = join(dir, 'scene.html');
  await kubehop('--format', 'html', '-o', out);
  const steps = sceneSteps(SCENE_ID);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(out).href);
  const scene = page.locator('kubehop-scene');
  const step = (): Promise<number | undefined> => scene.evaluate((el) => (el as HTMLElement & { currentStep?: number }).currentStep);
  await expect.poll(() => scene.evaluate((el) => (el as HTMLElement & { stepCount?: number }).stepCount)).toBe(steps.length);
  await expect.poll(step).toBe(0);
  // Keys work at once (the page focuses the diagram)…
  await page.keyboard.press('ArrowRight');
  await expect.poll(step).toBe(1);
  // …and so does the Next button.
  await scene.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(step).toBe(2);
  await expect(scene.locator('.counter')).toHaveText(`Step 3 of ${steps.length}`);
  await page.keyboard.press('End');
  await expect.poll(step).toBe(steps.length - 1);
  // Nothing but the file itself (and the scene handed over as a data: URL) was loaded.
  expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('HTML, framed below the fold of another page: it neither takes focus nor scrolls that page on load', async ({ page }) => {
  test.setTimeout(180_000);
  const out = join(dir, 'framed.html');
  await kubehop('--format', 'html', '-o', out);
  const host = join(dir, 'host.html');
  writeFileSync(
    host,
    `<!doctype html><meta charset="utf-8"><title>post</title><p>Text of the post.</p><div style="height:3000px"></div>
<iframe src="framed.html" title="diagram" width="640" height="560"></iframe>`,
  );
  await page.goto(pathToFileURL(host).href);
  const frame = page.frameLocator('iframe').locator('kubehop-scene');
  await expect.poll(() => frame.evaluate((el) => (el as HTMLElement & { stepCount?: number }).stepCount)).toBeGreaterThan(0);
  expect(await page.evaluate(() => ({ active: document.activeElement?.tagName, scrollY: window.scrollY }))).toEqual({ active: 'BODY', scrollY: 0 });
  // Opened on its own, the same file still focuses its diagram, so its keys work at once.
  await page.goto(pathToFileURL(out).href);
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('KUBEHOP-SCENE');
});

test('the app’s Export menu saves the step on screen as SVG and PNG, and the scene as an HTML page', async ({ page }) => {
  const steps = sceneSteps(SCENE_ID);
  await page.goto(`/#/${SCENE_ID}/3`);
  await expect(page.getByTestId('stage')).toHaveAttribute('data-step', '2');
  const save = async (name: string) => {
    if (!(await page.locator('details.export-menu').evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByTestId('export-menu').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  };

  const svg = await save('SVG picture');
  expect(svg.name).toBe(`${SCENE_ID}-step-03.svg`);
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(/^<\?xml/);
  expect(text).toContain(`Step 3 of ${steps.length}`);
  // The caption is wrapped into lines: its first words are on the first one.
  expect(text).toContain(steps[2]!.caption.split(/\s+/).slice(0, 3).join(' '));

  const png = await save('PNG picture');
  expect(png.name).toBe(`${SCENE_ID}-step-03.png`);
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.bytes.readUInt32BE(16), 'drawn at 2×').toBeGreaterThan(1000);

  const html = await save('HTML page (plays offline)');
  expect(html.name).toBe(`${SCENE_ID}.html`);
  expect(html.bytes.toString('utf8')).toContain('<kubehop-scene');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(`${SCENE_ID}.html`);
});
