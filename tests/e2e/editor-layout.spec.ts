// The editor's layout (#/edit): long lines wrap at their own indentation, guides mark
// the indent levels, the split between editor and preview moves by pointer and by
// keyboard and is kept, and at common laptop sizes nothing overlaps or leaves the window.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

const ONE_NODE = readFileSync(new URL('../../src/app/editor/templates/one-node.yaml', import.meta.url), 'utf8');
const FIRST_CAPTION = "caption: Pod A sends an ICMP echo request to pod B's address.";
const LONG =
  'caption: Pod A sends an ICMP echo request to the address of pod B, and this caption goes on long ' +
  'enough that no editor column at these window sizes holds it on one row.';
const LONG_DRAFT = ONE_NODE.replace(FIRST_CAPTION, LONG);

const status = (page: Page) => page.getByTestId('build-status');
const splitter = (page: Page) => page.getByRole('separator', { name: 'Editor width' });
const source = (page: Page) => page.locator('.editor-source');
const preview = (page: Page) => page.getByTestId('editor-preview');

async function openEditor(page: Page, draft?: string): Promise<void> {
  await page.goto('/#/edit');
  if (draft !== undefined) {
    await page.evaluate((t) => localStorage.setItem('kubehop.draft', t), draft);
    await page.reload();
  }
  await expect(page.locator('.cm-content')).toBeVisible();
  await expect(status(page)).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
}

async function box(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error(`no box for ${String(l)}`);
  return b;
}

/** The steps come last in the template: the editor draws only the lines in view, so go there first. */
async function atSteps(page: Page): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
}

const valueNow = async (page: Page): Promise<number> => Number(await splitter(page).getAttribute('aria-valuenow'));

/** The editor's share of the split's width, in percent, as laid out. */
async function laidShare(page: Page): Promise<number> {
  const [s, all] = [await box(source(page)), await box(page.locator('.editor-split'))];
  return ((s.width) / all.width) * 100;
}

test('a long line wraps with its continuation at its own indentation, never scrolls sideways, and guides mark the levels', async ({ page }) => {
  await openEditor(page, LONG_DRAFT);
  await atSteps(page);
  const line = page.locator('.cm-line', { hasText: 'no editor column' });
  const m = await line.evaluate((el) => {
    const rows = new Map<number, number>();
    const r = document.createRange();
    r.selectNodeContents(el);
    for (const rect of r.getClientRects()) {
      if (rect.width === 0) continue;
      const top = Math.round(rect.top);
      rows.set(top, Math.min(rows.get(top) ?? Infinity, rect.left));
    }
    // One character's width: the line's text is monospace.
    const text = el.firstChild?.firstChild ?? el.firstChild!;
    const one = document.createRange();
    one.setStart(text, 0);
    one.setEnd(text, 1);
    const scroller = el.closest('.cm-scroller')!;
    return {
      rows: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, left]) => left),
      ch: one.getBoundingClientRect().width,
      text: el.textContent ?? '',
      overflow: scroller.scrollWidth - scroller.clientWidth,
    };
  });
  expect(m.rows.length, 'the long caption takes more than one row').toBeGreaterThan(1);
  const indent = m.text.length - m.text.trimStart().length;
  expect(indent).toBe(4);
  // The first row starts at the line's start (its indentation is text); every continuation
  // starts past the key's own column, by one indent unit: 4 + 2 characters.
  for (const left of m.rows.slice(1)) expect(left - m.rows[0]!).toBeCloseTo((indent + 2) * m.ch, 0);
  expect(m.overflow, 'no horizontal scrolling').toBeLessThanOrEqual(1);

  // Indentation guides: nested lines carry them, top-level keys do not.
  await expect(page.locator('.cm-line.cm-indent-markers').first()).toBeAttached();
  const marked = await page.locator('.cm-line').evaluateAll((ls) =>
    ls.filter((l) => l.classList.contains('cm-indent-markers')).map((l) => l.textContent ?? ''),
  );
  expect(marked.some((t) => t.startsWith('    caption:'))).toBe(true);
  expect(marked.some((t) => /^\S/.test(t))).toBe(false);
});

test('guides draw in a colour of their own in light and dark', async ({ browser }) => {
  const colours: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ colorScheme });
    await openEditor(page);
    const line = page.locator('.cm-line.cm-indent-markers').first();
    const guide = await line.evaluate((el) => getComputedStyle(el, '::before').backgroundImage);
    const bg = await page.locator('.cm-editor').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(guide).toContain('linear-gradient');
    colours.push(guide);
    expect(guide).not.toContain(bg);
    await page.close();
  }
  expect(colours[0]).not.toBe(colours[1]);
});

test('the split drags with the mouse, the preview follows, and the place is kept across a reload', async ({ page }) => {
  await openEditor(page);
  const sep = splitter(page);
  await expect(sep).toHaveAttribute('aria-orientation', 'vertical');
  await expect(sep).toHaveAttribute('aria-controls', 'kh-editor-pane');
  await expect(page.locator('#kh-editor-pane')).toHaveClass(/editor-source/);
  await expect(sep).toHaveAttribute('aria-valuemin', '25');
  await expect(sep).toHaveAttribute('aria-valuemax', '65');
  expect(await valueNow(page)).toBe(40);

  const before = { src: await box(source(page)), pre: await box(preview(page)), svg: await box(page.locator('.stage svg')) };
  const s = await box(sep);
  await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
  await page.mouse.down();
  await page.mouse.move(s.x + s.width / 2 + 100, s.y + s.height / 2, { steps: 5 });
  await page.mouse.move(s.x + s.width / 2 + 200, s.y + s.height / 2, { steps: 5 });
  await page.mouse.up();

  const after = { src: await box(source(page)), pre: await box(preview(page)), svg: await box(page.locator('.stage svg')) };
  expect(after.src.width - before.src.width).toBeGreaterThan(180);
  expect(after.src.width - before.src.width).toBeLessThan(220);
  expect(before.pre.width - after.pre.width).toBeGreaterThan(180);
  // The diagram's box follows the preview (a narrow preview puts the headers under the stage, which then
  // gets the preview's whole width): it changed, and it lies inside the preview.
  expect(Math.abs(before.svg.width - after.svg.width)).toBeGreaterThan(50);
  expect(after.svg.x).toBeGreaterThanOrEqual(after.pre.x - 0.5);
  expect(after.svg.x + after.svg.width).toBeLessThanOrEqual(after.pre.x + after.pre.width + 0.5);
  const card = await box(page.locator('.stage .kh-packet-card').first());
  expect(card.x >= after.svg.x - 0.5 && card.x + card.width <= after.svg.x + after.svg.width + 0.5, 'the packet stays in view').toBe(true);
  const v = await valueNow(page);
  expect(v).toBeGreaterThan(40);
  expect(Math.abs(v - (await laidShare(page)))).toBeLessThan(1.5);
  expect(await page.evaluate(() => localStorage.getItem('kubehop.editor.split'))).toBe(String(v));

  await page.reload();
  await expect(status(page)).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
  expect(await valueNow(page)).toBe(v);
  expect(Math.abs((await box(source(page))).width - after.src.width)).toBeLessThan(2);

  // A double click puts it back.
  await splitter(page).dblclick();
  expect(await valueNow(page)).toBe(40);
  expect(Math.abs((await box(source(page))).width - before.src.width)).toBeLessThan(2);
});

test('the split moves with the keyboard: arrows, Shift, Home, End, Enter; focus shows; kept across a reload', async ({ page }) => {
  await openEditor(page);
  const sep = splitter(page);
  await sep.focus();
  await expect(sep).toBeFocused();
  // A visible focus ring (the app's :focus-visible outline).
  await page.keyboard.press('ArrowRight');
  const ring = await sep.evaluate((el) => getComputedStyle(el));
  expect(ring.outlineStyle).toBe('solid');
  expect(parseFloat(ring.outlineWidth)).toBeGreaterThanOrEqual(2);

  const w0 = (await box(source(page))).width;
  expect(await valueNow(page)).toBe(42);
  await page.keyboard.press('Shift+ArrowRight');
  expect(await valueNow(page)).toBe(52);
  expect((await box(source(page))).width).toBeGreaterThan(w0 + 80);
  await page.keyboard.press('ArrowLeft');
  expect(await valueNow(page)).toBe(50);
  await page.keyboard.press('Home');
  expect(await valueNow(page)).toBe(25);
  expect(Math.abs((await laidShare(page)) - 25)).toBeLessThan(1.5);
  await page.keyboard.press('ArrowLeft');
  expect(await valueNow(page), 'not past the minimum').toBe(25);
  await page.keyboard.press('End');
  expect(await valueNow(page)).toBe(65);
  expect(Math.abs((await laidShare(page)) - 65)).toBeLessThan(1.5);
  await page.keyboard.press('Enter');
  expect(await valueNow(page)).toBe(40);
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await valueNow(page)).toBe(30);
  await expect(sep).toHaveAttribute('aria-valuetext', 'Editor 30% of the width');

  // The keys moved the split alone: the preview is still on its first step (→, End and Enter step the player elsewhere).
  await expect(page.getByTestId('stage')).toHaveAttribute('data-step', '0');

  await page.reload();
  await expect(status(page)).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
  expect(await valueNow(page)).toBe(30);
});

const inside = (b: { x: number; y: number; width: number; height: number }, w: number, h: number): boolean =>
  b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= w + 0.5 && b.y + b.height <= h + 0.5;
const apart = (a: { x: number; width: number }, b: { x: number; width: number }): boolean =>
  a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5;

for (const [width, height] of [[1280, 720], [1024, 768]] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${width}×${height} ${colorScheme}`, () => {
      test.use({ viewport: { width, height }, colorScheme });
      test(`at ${width}×${height} (${colorScheme}) editor, diagnostics, preview, toolbar and Recent drafts fit, at every split; axe finds nothing`, async ({ page }) => {
        // A broken reference: the diagnostics list shows under the editor, the preview keeps the template's last good build.
        await openEditor(page, LONG_DRAFT);
        await atSteps(page);
        await page.locator('.cm-line', { hasText: 'to: node1/veth-a' }).click();
        await page.keyboard.press('End');
        await page.keyboard.type('x');
        await expect(status(page)).toHaveAttribute('data-state', 'errors');
        await expect(page.getByTestId('stage').locator('g.kh-box').first()).toBeAttached();
        await expect(page.getByTestId('editor-problems')).toBeVisible();
        await page.getByTestId('recent-drafts').locator('summary').click();

        for (const key of ['Home', 'End', 'Enter']) {
          await splitter(page).focus();
          await page.keyboard.press(key);
          const parts: Record<string, Locator> = {
            toolbar: page.locator('.editor-bar'),
            editor: page.locator('.cm-host'),
            diagnostics: page.getByTestId('editor-problems'),
            source: source(page),
            splitter: splitter(page),
            preview: preview(page),
            'recent drafts menu': page.getByTestId('recent-drafts').locator('.menu'),
            'toolbar buttons': page.locator('.editor-bar').getByRole('button', { name: 'Download .yaml' }),
          };
          for (const [name, l] of Object.entries(parts)) {
            const b = await box(l);
            expect(inside(b, width, height), `${name} inside ${width}×${height} at ${key}: ${JSON.stringify(b)}`).toBe(true);
            expect(b.width, `${name} has room`).toBeGreaterThan(name === 'splitter' ? 5 : 100);
          }
          const [src, sep, pre] = [await box(source(page)), await box(splitter(page)), await box(preview(page))];
          expect(apart(src, pre) && apart(src, sep) && apart(sep, pre), `editor, splitter and preview side by side at ${key}`).toBe(true);
          const diag = await box(parts.diagnostics!);
          const ed = await box(parts.editor!);
          expect(diag.y >= ed.y + ed.height - 0.5, 'diagnostics under the editor, not over it').toBe(true);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling').toBe(true);
          // Every button of the player's controls is within the preview (a narrow preview stacks, it does not clip).
          for (const b of await page.locator('.editor-preview .controls button').all()) {
            const bb = await box(b);
            expect(bb.x >= pre.x - 0.5 && bb.x + bb.width <= pre.x + pre.width + 0.5, `control inside the preview at ${key}`).toBe(true);
          }
        }

        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
          .analyze();
        expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
      });
    });
  }
}

test('below 900 px the editor stacks over the preview and there is no split to move', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  await openEditor(page);
  await expect(splitter(page)).toBeHidden();
  const [src, pre] = [await box(source(page)), await box(preview(page))];
  expect(src.y + src.height).toBeLessThanOrEqual(pre.y + 0.5);
  expect(src.width).toBeGreaterThan(700);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  await page.close();
});
