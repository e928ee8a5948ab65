// The home page: every bundled scene as a card with a drawn thumbnail,
// grouped by topic; the overview; pages that do not exist.
import { expect, test } from '@playwright/test';
import { sceneIds, sceneInfo, waitForStep } from './helpers.ts';

const TOPIC_LABELS: Record<string, string> = { 'pod networking': 'Pod networking', services: 'Services', dns: 'DNS', troubleshooting: 'Troubleshooting' };

test('the bare page is the gallery: every scene, under its topic, with its title, first sentence and a drawn thumbnail', async ({ page }) => {
  await page.goto('/');
  const gallery = page.getByTestId('gallery');
  await expect(gallery).toBeVisible();
  const ids = sceneIds();
  await expect(gallery.locator('li.card')).toHaveCount(ids.length);

  for (const id of ids) {
    const info = sceneInfo(id);
    const card = gallery.locator(`li.card[data-scene="${id}"]`);
    // Under the heading of its own topic.
    const topic = TOPIC_LABELS[info.topic ?? ''] ?? 'Other';
    await expect(card.locator('xpath=ancestor::section[1]/h3')).toHaveText(topic);
    await expect(card.locator('a.card-link')).toHaveAccessibleName(info.title);
    await expect(card.locator('a.card-link')).toHaveAttribute('href', `#/${id}/1`);
    const summary = (await card.locator('.card-summary').innerText()).trim();
    expect(info.summary.replace(/\s+/g, ' ').startsWith(summary), `${id}: ${summary}`).toBe(true);
    // The thumbnail is the scene drawn (boxes and a packet), hidden from screen readers.
    const thumb = card.locator('svg');
    await expect(card.locator('.thumb')).toHaveAttribute('data-state', 'drawn');
    await expect(thumb).toHaveAttribute('aria-hidden', 'true');
    expect(await thumb.locator('g.kh-box').count(), id).toBeGreaterThan(4);
    expect(await thumb.locator('g.kh-packet[visibility="visible"]').count(), id).toBeGreaterThan(0);
  }
  // Topics in learning order.
  const headings = await gallery.locator('section.topic > h3').allInnerTexts();
  expect(headings).toEqual(['Pod networking', 'Services', 'DNS', 'Troubleshooting'].filter((h) => headings.includes(h)));
  expect(headings.length).toBeGreaterThanOrEqual(3);
});

test('a card opens its scene at step 1, and the brand leads home again', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: sceneInfo('cross-node-vxlan').title }).click();
  await waitForStep(page, 0);
  await expect(page).toHaveURL(/#\/cross-node-vxlan\/1$/);
  await expect(page.getByRole('heading', { level: 2, name: sceneInfo('cross-node-vxlan').title })).toBeVisible();
  await page.getByRole('link', { name: 'kubehop home' }).click();
  await expect(page.getByTestId('gallery')).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);
});

test('the overview is reachable from the gallery and links back into the scenes', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /overview/i }).click();
  await expect(page).toHaveURL(/#\/overview$/);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2 })).toBeVisible();
  // The four rules and the three ranges, with the example CIDRs the scenes use.
  await expect(main.getByRole('heading', { name: /four rules/i })).toBeVisible();
  await expect(main.getByRole('heading', { name: /address ranges/i })).toBeVisible();
  for (const cidr of ['192.168.1.0/24', '10.244.0.0/16', '10.96.0.0/12']) await expect(main.getByText(cidr).first()).toBeVisible();
  await main.locator('a[href="#/same-node-bridge/1"]').first().click();
  await waitForStep(page, 0);
  await page.goBack();
  await expect(page).toHaveURL(/#\/overview$/);
});

test('an unknown scene says so and offers the gallery', async ({ page }) => {
  await page.goto('/#/no-such-scene/3');
  await expect(page.getByRole('status')).toContainText('no bundled scene called “no-such-scene”');
  await expect(page.getByTestId('gallery')).toBeVisible();
});
