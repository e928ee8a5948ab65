// Tables change over time, in the real app: a row is drawn only from the step
// that creates it, marked new there, and gone again when you step back; the
// gallery's stills show the tables as they are at their step.
import { expect, test, type Page } from '@playwright/test';
import { sceneSteps, waitForStep } from './helpers.ts';

const conn = (page: Page) => page.locator('[data-testid=stage] svg.kh-scene g.kh-row[data-table="node1/conntrack"][data-row="conn"]');

test('clusterip-dnat: the conntrack entry appears at the DNAT step, marked new, and goes again on stepping back', async ({ page }) => {
  const steps = sceneSteps('clusterip-dnat');
  const dnat = steps.findIndex((s) => s.ops.includes('dnat'));
  expect(dnat).toBeGreaterThan(1);

  await page.goto('/#/clusterip-dnat/1');
  await waitForStep(page, 0);
  await expect(conn(page)).toBeHidden();
  await expect(page.locator('[data-testid=stage] text.kh-table-empty[data-table="node1/conntrack"]')).toBeVisible();

  await page.goto(`/#/clusterip-dnat/${dnat}`);
  await waitForStep(page, dnat - 1);
  await expect(conn(page)).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, dnat);
  await expect(conn(page)).toBeVisible();
  await expect(conn(page)).toHaveAttribute('data-state', 'new');
  await expect(conn(page)).toHaveClass(/kh-highlight/);
  // New is said by a glyph, not by colour alone; the text shown is the step's.
  await expect(conn(page).locator('text.kh-row-tag')).toHaveText('+');
  await expect(conn(page).locator('text.kh-row-text:visible')).toHaveText(steps[dnat]!.tables!['node1/conntrack']![0]!.text);
  await expect(page.locator('[data-testid=stage] text.kh-table-empty[data-table="node1/conntrack"]')).toBeHidden();

  await page.keyboard.press('ArrowLeft');
  await waitForStep(page, dnat - 1);
  await expect(conn(page)).toBeHidden();
  await expect(page.locator('[data-testid=stage] text.kh-table-empty[data-table="node1/conntrack"]')).toBeVisible();
});

test('clusterip-dnat: the reply changes the entry (no longer [UNREPLIED]) and stepping back restores the old text', async ({ page }) => {
  const steps = sceneSteps('clusterip-dnat');
  const changed = steps.findIndex((s) => s.tables?.['node1/conntrack']?.[0]?.state === 'changed');
  expect(changed).toBeGreaterThan(0);
  await page.goto(`/#/clusterip-dnat/${changed + 1}`);
  await waitForStep(page, changed);
  await expect(conn(page)).toHaveAttribute('data-state', 'changed');
  await expect(conn(page).locator('text.kh-row-tag')).toHaveText('~');
  await expect(conn(page).locator('text.kh-row-text:visible')).not.toContainText('[UNREPLIED]');
  await page.keyboard.press('ArrowLeft');
  await waitForStep(page, changed - 1);
  await expect(conn(page)).toHaveAttribute('data-state', 'present');
  await expect(conn(page).locator('text.kh-row-tag')).toHaveText('');
  await expect(conn(page).locator('text.kh-row-text:visible')).toContainText('[UNREPLIED]');
});

test('a gallery thumbnail shows the tables as they are at its step', async ({ page }) => {
  await page.goto('/');
  const thumb = page.locator('li.card[data-scene="dns-external"] svg');
  await expect(page.locator('li.card[data-scene="dns-external"] .thumb')).toHaveAttribute('data-state', 'drawn');
  const steps = sceneSteps('dns-external');
  // Thumbnail.svelte draws the middle step.
  const k = Math.floor((steps.length - 1) / 2);
  const expected = steps[k]!.tables!['node1/cache']!.map((r) => r.id);
  expect(expected.length).toBeGreaterThan(0);
  expect(expected).not.toContain('answer');
  const drawn = await thumb.locator('g.kh-row[data-table="node1/cache"]').evaluateAll((gs) => gs.filter((g) => g.getAttribute('display') !== 'none').map((g) => g.getAttribute('data-row')));
  expect(drawn).toEqual(expected);
});
