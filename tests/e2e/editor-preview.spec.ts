// The editor's live preview keeps its player across rebuilds: an edit shows in
// the caption and on the diagram at the step the viewer was on, with the
// player's speed kept, and a text that does not build leaves the last good
// render as it was. (How fast the preview follows is bench/editor-typing.ts's.)
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const SCENE = readFileSync(new URL('../../scenes/clusterip-dnat.yaml', import.meta.url), 'utf8').split('\n');
const lineOf = (needle: string): number => SCENE.findIndex((l) => l.includes(needle)) + 1;
const STEP2_CAPTION = "caption: The SYN crosses pod A's veth pair into node 1.";
const ROW = 'KUBE-SERVICES: -d 10.96.0.20 tcp dpt:80 → KUBE-SVC-RKPZ5Y5M';

const status = (page: Page) => page.getByTestId('build-status');
const counter = (page: Page) => page.getByTestId('step-counter');
const caption = (page: Page) => page.getByTestId('caption');
const speed = (page: Page) => page.getByTestId('editor-preview').getByRole('combobox', { name: 'Speed' });
/** The diagram's text, spaces dropped: a long table row may be broken over lines. */
const diagramText = (page: Page): Promise<string> =>
  page.getByTestId('stage').locator('svg').evaluate((svg) => (svg.textContent ?? '').replace(/\s+/g, ''));

/** The cursor to the end of a 1-based line less `back` characters (Go to line: wrapped lines make Up and Down move by rows). */
async function at(page: Page, line: number, back = 0): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Alt+g');
  await page.getByRole('textbox', { name: 'Go to line' }).fill(`${line}:999`);
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-content')).toBeFocused();
  for (let i = 0; i < back; i++) await page.keyboard.press('ArrowLeft');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/#/edit/clusterip-dnat');
  await expect(status(page)).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
  const steps = SCENE.filter((l) => /^ {2}- packet: /.test(l)).length;
  await expect(counter(page)).toHaveText(`Step 1 of ${steps}`);
});

test('an edit shows in the preview at the step shown, with the player’s speed kept', async ({ page }) => {
  const steps = SCENE.filter((l) => /^ {2}- packet: /.test(l)).length;
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(counter(page)).toHaveText(`Step 2 of ${steps}`);
  await expect(caption(page)).toHaveText("The SYN crosses pod A's veth pair into node 1.");
  await speed(page).selectOption('2');

  // The caption of the step on screen.
  await at(page, lineOf(STEP2_CAPTION));
  await page.keyboard.type(' It arrives as veth3a9f.');
  await expect(caption(page)).toHaveText("The SYN crosses pod A's veth pair into node 1. It arrives as veth3a9f.");
  await expect(status(page)).toHaveAttribute('data-state', 'ok');
  await expect(counter(page)).toHaveText(`Step 2 of ${steps}`);
  await expect(page.getByTestId('stage')).toHaveAttribute('data-step', '1');
  await expect(speed(page)).toHaveValue('2');

  // A table row's text, drawn on the diagram: before its closing `" }`.
  await at(page, lineOf(ROW), 3);
  await page.keyboard.type(' (rule 1)');
  await expect.poll(() => diagramText(page)).toContain(`${ROW} (rule 1)`.replace(/\s+/g, ''));
  await expect(counter(page)).toHaveText(`Step 2 of ${steps}`);
  await expect(speed(page)).toHaveValue('2');

  // The player still steps, over the new scene.
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(counter(page)).toHaveText(`Step 3 of ${steps}`);
  await expect(caption(page)).toContainText('KUBE-SERVICES matches 10.96.0.20:80');
});

test('a step removed under the player: it stays at the last step that still exists', async ({ page }) => {
  const steps = SCENE.filter((l) => /^ {2}- packet: /.test(l)).length;
  await page.getByRole('slider', { name: 'Step' }).fill(String(steps));
  await expect(counter(page)).toHaveText(`Step ${steps} of ${steps}`);
  // The last step is the file's last lines: select from its `- packet:` to the end and delete them.
  const last = SCENE.map((l, i) => (/^ {2}- packet: /.test(l) ? i + 1 : 0)).filter(Boolean).at(-1)!;
  await at(page, last - 1);
  await page.keyboard.press('Control+Shift+End');
  await page.keyboard.press('Delete');
  await expect(status(page)).toHaveAttribute('data-state', 'ok');
  await expect(counter(page)).toHaveText(`Step ${steps - 1} of ${steps - 1}`);
});

test('an edit that does not build keeps the last good render, at its step', async ({ page }) => {
  const steps = SCENE.filter((l) => /^ {2}- packet: /.test(l)).length;
  await page.getByRole('button', { name: 'Next step' }).click();
  await at(page, lineOf(STEP2_CAPTION));
  await page.keyboard.type(' Kept.');
  await expect(caption(page)).toHaveText("The SYN crosses pod A's veth pair into node 1. Kept.");
  const before = await diagramText(page);

  // The step's target names no element.
  const to = lineOf(STEP2_CAPTION) - 1;
  expect(SCENE[to - 1]).toBe('    to: node1/veth3a9f');
  await at(page, to);
  await page.keyboard.type('x');
  await expect(status(page)).toHaveAttribute('data-state', 'errors');
  await expect(page.getByTestId('editor-problems')).toContainText('node1/veth3a9fx');
  await expect(caption(page)).toHaveText("The SYN crosses pod A's veth pair into node 1. Kept.");
  await expect(counter(page)).toHaveText(`Step 2 of ${steps}`);
  expect(await diagramText(page)).toBe(before);

  // Fixed, it builds again where it was.
  await page.keyboard.press('Backspace');
  await expect(status(page)).toHaveAttribute('data-state', 'ok');
  await expect(counter(page)).toHaveText(`Step 2 of ${steps}`);
});
