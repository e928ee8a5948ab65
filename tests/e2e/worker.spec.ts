// Laying out a scene in the browser (the editor's preview, a <kubehop-scene>
// with a YAML src) runs in a Web Worker, so typing and scrolling never wait
// for elkjs; where a page forbids workers, the same scene is built on the
// page instead (src/worker/build-client.ts).
import { expect, test, type Page } from '@playwright/test';

const status = (page: Page) => page.getByTestId('build-status');
const title = (page: Page) => page.getByTestId('preview-title');

/** Types at the end of the title line, reached through Go to line (wrapped lines make arrows move by rows). */
async function typeInTitle(page: Page, text: string): Promise<void> {
  const lines = await page.locator('.cm-line').allTextContents();
  const line = lines.findIndex((l) => l.startsWith('title:')) + 1;
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Alt+g');
  await page.getByRole('textbox', { name: 'Go to line' }).fill(`${line}:999`);
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-content')).toBeFocused();
  await page.keyboard.type(text);
}

test('the editor builds its preview in a worker, started once, and the preview follows the text', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/#/edit');
  await expect(status(page)).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
  await typeInTitle(page, ' one');
  await expect(title(page)).toHaveText(/ one$/);
  await typeInTitle(page, ' two');
  await expect(title(page)).toHaveText(/ one two$/);
  expect(workers.filter((u) => /build-worker/.test(u))).toHaveLength(1);
});

test('a page whose policy forbids workers still gets its preview, built on the page', async ({ page }) => {
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    if ((headers['content-type'] ?? '').includes('text/html')) headers['content-security-policy'] = "worker-src 'none'";
    await route.fulfill({ response, headers });
  });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/#/edit');
  await expect(status(page)).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
  await typeInTitle(page, ' still');
  await expect(title(page)).toHaveText(/ still$/);
  await expect(page.getByTestId('stage').locator('g.kh-box').first()).toBeAttached();
  expect(workers).toEqual([]);
});
