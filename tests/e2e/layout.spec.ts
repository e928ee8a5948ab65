// The shell around the diagram: room for the stage at common window sizes,
// the packet inspector's open/close button, keyboard reach with a visible
// focus ring, and the scene picker's topic groups.
//
// The viewport test also saves screenshots of busy steps to
// test-results/screenshots/, for people to look at.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sceneIds, sceneInfo, waitForStep } from './helpers.ts';

test.use({ reducedMotion: 'reduce' });

const SHOTS = 'test-results/screenshots';
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
];
// Busy pictures: a lit iptables rule in a tall scene, a lit rule in a wide one, seven header layers.
const BUSY: [scene: string, step: number][] = [
  ['nodeport', 3],
  ['clusterip-dnat', 4],
  ['cross-node-vxlan', 5],
];

async function open(page: Page, scene: string, step: number): Promise<void> {
  await page.goto(`/#/${scene}/${step}`);
  await waitForStep(page, step - 1);
}

const toggle = (page: Page) => page.getByRole('button', { name: 'Packet headers' });

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The shell's regions and each control, as laid out now; and whether the page itself scrolls. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const box = (name: string, el: Element | null) => {
      if (!el || !(el as HTMLElement).checkVisibility()) return undefined;
      const r = el.getBoundingClientRect();
      return { name, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const q = (s: string) => document.querySelector(s);
    const svg = q('[data-testid=stage] svg') as SVGSVGElement;
    const vb = svg.viewBox.baseVal;
    const s = svg.getBoundingClientRect();
    const scale = Math.min(s.width / vb.width, s.height / vb.height);
    const captionBox = q('.caption-box') as HTMLElement;
    const inspector = q('[data-testid=inspector]') as HTMLElement;
    return {
      regions: [
        box('header', q('.top')),
        box('stage', q('[data-testid=stage]')),
        box('caption', captionBox),
        box('controls', q('.controls')),
        box('inspector', inspector),
      ].filter((b) => b !== undefined),
      controls: [...document.querySelectorAll('.controls > *, .picker')].map((el, i) => box(`control ${i}`, el)!),
      // Rows the step controls take: a second row takes its height from the diagram.
      controlRows: (() => {
        const rs = [...document.querySelectorAll('.controls > *')].map((el) => el.getBoundingClientRect());
        // One row when every control's top is above every control's bottom.
        return Math.max(...rs.map((r) => r.top)) < Math.min(...rs.map((r) => r.bottom)) ? 1 : 2;
      })(),
      stage: box('stage', q('[data-testid=stage]'))!,
      drawn: { width: Math.round(vb.width * scale), height: Math.round(vb.height * scale) },
      pageScrolls: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
      captionClipped: captionBox.scrollHeight > captionBox.clientHeight + 1,
      captionPx: parseFloat(getComputedStyle(q('[data-testid=caption]')!).fontSize),
      fieldPx: Math.min(...[...inspector.querySelectorAll('.field')].map((f) => parseFloat(getComputedStyle(f).fontSize))),
      // A field wider than its row would be cut off at the inspector's edge.
      fieldsCut: [...inspector.querySelectorAll<HTMLElement>('.field')].filter((f) => f.scrollWidth > f.clientWidth + 1).length,
    };
  });
}

function overlapping(boxes: Box[]): string[] {
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

async function expectTidy(page: Page, label: string) {
  const m = await measure(page);
  const vp = page.viewportSize()!;
  expect(overlapping(m.regions), `${label}: regions overlap`).toEqual([]);
  expect(overlapping(m.controls), `${label}: controls overlap`).toEqual([]);
  for (const b of [...m.regions, ...m.controls]) {
    expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= vp.width + 0.5 && b.y + b.height <= vp.height + 0.5, `${label}: ${b.name} on screen`).toBe(true);
  }
  expect(m.pageScrolls, `${label}: the page scrolls`).toBe(false);
  expect(m.captionClipped, `${label}: caption cut off`).toBe(false);
  expect(m.captionPx, `${label}: caption size`).toBeGreaterThanOrEqual(16);
  return m;
}

for (const vp of VIEWPORTS) {
  test(`at ${vp.width}×${vp.height} nothing overlaps, inspector open or closed, and closing it widens the stage`, async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize(vp);
    for (const [scene, step] of BUSY) {
      await open(page, scene, step);
      // Narrow windows start with the inspector closed; the viewer's choice is kept after that.
      if (scene === BUSY[0]![0]) {
        await expect(toggle(page)).toHaveAttribute('aria-expanded', String(vp.width >= 1200));
        if (vp.width < 1200) await toggle(page).click();
      }
      const name = `${SHOTS}/${scene}-step${step}-${vp.width}x${vp.height}`;
      const opened = await expectTidy(page, `${scene} open`);
      // Wide enough for the stage column to hold every control in one row (Play or Pause alike).
      if (vp.width >= 1280) expect(opened.controlRows, 'control rows, inspector open').toBe(1);
      expect(opened.fieldPx, 'inspector text size').toBeGreaterThanOrEqual(12);
      expect(opened.fieldsCut, 'inspector fields cut off').toBe(0);
      await page.screenshot({ path: `${name}.png` });

      await toggle(page).click();
      await expect(page.getByTestId('inspector')).toBeHidden();
      const closed = await expectTidy(page, `${scene} closed`);
      expect(closed.controlRows, 'control rows, inspector closed').toBe(1);
      expect(closed.stage.width, 'the stage takes the whole width').toBeGreaterThan(vp.width - 2);
      expect(closed.stage.height).toBeGreaterThanOrEqual(opened.stage.height - 1);
      await page.screenshot({ path: `${name}-closed.png` });
      await toggle(page).click();

      const size = (m: typeof opened) =>
        `stage ${Math.round(m.stage.width)}×${Math.round(m.stage.height)} (diagram ${m.drawn.width}×${m.drawn.height})`;
      test.info().annotations.push({ type: `${scene} ${vp.width}×${vp.height}`, description: `open: ${size(opened)}; closed: ${size(closed)}` });
    }
  });
}

test('the inspector button is a real disclosure: keyboard, aria-expanded, remembered across reloads', async ({ page }) => {
  await open(page, 'same-node-bridge', 2);
  const button = toggle(page);
  const inspector = page.getByTestId('inspector');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(button).toHaveAttribute('aria-controls', (await inspector.getAttribute('id'))!);
  await expect(inspector).toBeVisible();
  const before = (await page.getByTestId('stage').boundingBox())!;

  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(inspector).toBeHidden();
  expect((await page.getByTestId('stage').boundingBox())!.width).toBeGreaterThan(before.width + 300);
  // Enter pressed the button; it did not also step the player.
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 2 of/);

  await page.reload();
  await waitForStep(page, 1);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(inspector).toBeHidden();

  await button.focus();
  await page.keyboard.press('Space');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(inspector).toBeVisible();
  await page.reload();
  await waitForStep(page, 1);
  await expect(inspector).toBeVisible();
});

/** Tabs through the page once; each stop's accessible-ish name and whether its focus ring shows, on screen. */
async function tabStops(page: Page): Promise<{ name: string; ring: boolean }[]> {
  const stops: { name: string; ring: boolean }[] = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const label = el.closest('label')?.querySelector('span')?.textContent;
      // Content minus what is hidden from assistive technology, as a screen reader names it.
      const content = el.cloneNode(true) as HTMLElement;
      content.querySelectorAll('[aria-hidden="true"]').forEach((h) => h.remove());
      const text = content.textContent?.replace(/\s+/g, ' ').trim();
      const name = el.getAttribute('aria-label') ?? label ?? (text || el.tagName);
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const out = parseFloat(cs.outlineWidth) + parseFloat(cs.outlineOffset);
      const onScreen = r.x - out >= 0 && r.y - out >= 0 && r.right + out <= innerWidth && r.bottom + out <= innerHeight;
      return { name, ring: el.matches(':focus-visible') && cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && onScreen };
    });
    if (!stop || stops.some((s) => s.name === stop.name)) break;
    stops.push(stop);
  }
  return stops;
}

for (const state of ['open', 'closed'] as const) {
  test(`every control is reached with Tab and shows a focus ring (inspector ${state})`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' }); // so Play can take focus
    await open(page, 'same-node-bridge', 2); // so Previous is enabled
    if (state === 'closed') {
      await toggle(page).click();
      await page.reload(); // remembered; and focus starts from the top again
      await waitForStep(page, 1);
    }
    const stops = await tabStops(page);
    const names = stops.map((s) => s.name);
    for (const name of ['Scene', 'Prev step', 'Play', 'Next step', 'Step', 'Speed']) expect(names).toContain(name);
    expect(names.some((n) => n.startsWith('Packet headers'))).toBe(true);
    expect(stops.filter((s) => !s.ring).map((s) => s.name), 'stops without a visible ring').toEqual([]);
  });
}

test('the scene picker groups every bundled scene by its topic', async ({ page }) => {
  await open(page, 'same-node-bridge', 1);
  const groups = await page.getByRole('combobox', { name: 'Scene', exact: true }).evaluate((select) =>
    [...select.querySelectorAll('optgroup')].map((g) => ({
      label: g.label,
      ids: [...g.querySelectorAll('option')].map((o) => o.value),
    })),
  );
  const ids = sceneIds();
  expect(groups.flatMap((g) => g.ids).sort()).toEqual(ids);
  const topicOf = (id: string) => sceneInfo(id).topic?.toLowerCase() ?? 'other';
  expect(groups).toHaveLength(new Set(ids.map(topicOf)).size);
  for (const g of groups) {
    for (const id of g.ids) expect(topicOf(id), `${id} under ${g.label}`).toBe(g.label.toLowerCase());
  }
  // Known topics come in learning order.
  const order = groups.map((g) => g.label.toLowerCase()).filter((t) => ['pod networking', 'services', 'dns'].includes(t));
  expect(order).toEqual(['pod networking', 'services', 'dns'].filter((t) => order.includes(t)));
  // Within a topic, scenes follow their `order:` (then id): a path through the topic.
  const rank = (id: string) => sceneInfo(id).order ?? Infinity;
  for (const g of groups) {
    const sorted = [...g.ids].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    expect(g.ids, `${g.label} in order`).toEqual(sorted);
  }

  // Still a plain select: choosing a scene opens its first step.
  const other = groups.at(-1)!.ids[0]!;
  await page.getByRole('combobox', { name: 'Scene', exact: true }).selectOption(other);
  await expect(page).toHaveURL(new RegExp(`#/${other}/1$`));
  await waitForStep(page, 0);
  await expect(page.getByRole('heading', { level: 2, name: sceneInfo(other).title, exact: true })).toBeVisible();
});

/** Font size and whether it is cut off, for each visible element matching `sel` in the inspector. */
async function inspectorText(page: Page, sel: string) {
  return page.getByTestId('inspector').evaluate((el, sel) => {
    const inspector = el.getBoundingClientRect();
    return [...el.querySelectorAll<HTMLElement>(sel)].map((e) => {
      const r = e.getBoundingClientRect();
      return {
        text: e.innerText.replace(/\s+/g, ' ').trim(),
        px: parseFloat(getComputedStyle(e).fontSize),
        visible: e.checkVisibility(),
        inside: r.x >= inspector.x && r.right <= inspector.right + 0.5,
      };
    });
  }, sel);
}

test('at 1280×720 the inspector shows old values and removed layers in readable words', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  // DNAT: the ClusterIP rewritten to a pod's address.
  await open(page, 'clusterip-dnat', 5);
  const dnat = await inspectorText(page, 'section.layer .field.changed');
  expect(dnat.map((f) => f.text)).toEqual(expect.arrayContaining(['dst 10.244.2.5 ▲ changed ← was 10.96.0.20']));
  for (const f of await inspectorText(page, '.was')) {
    expect(f, 'an old value, shown whole at 12 px or more').toMatchObject({ visible: true, inside: true });
    expect(f.px).toBeGreaterThanOrEqual(12);
  }
  await page.screenshot({ path: `${SHOTS}/inspector-dnat-1280x720.png` });

  // VXLAN decap: the outer layers are gone, listed collapsed.
  await open(page, 'cross-node-vxlan', 7);
  const removed = page.getByTestId('removed-layers');
  await expect(removed.locator('summary')).toHaveText('removed by this step: Ethernet, IPv4, UDP, VXLAN');
  await expect(removed).not.toHaveAttribute('open');
  await expect(removed.locator('.removed-field').first()).toBeHidden();
  await removed.locator('summary').click();
  await expect(removed.locator('.removed-field').first()).toBeVisible();
  for (const f of await inspectorText(page, '[data-testid=removed-layers] .removed-field, [data-testid=removed-layers] summary')) {
    expect(f, `removed layer text: ${f.text}`).toMatchObject({ visible: true, inside: true });
    expect(f.px).toBeGreaterThanOrEqual(12);
  }
  await page.screenshot({ path: `${SHOTS}/inspector-decap-1280x720.png` });
});
