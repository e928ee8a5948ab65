// Two scenes side by side (#/compare/<a>/<b>): offered from the gallery,
// stepped together by milestone with the keyboard and the buttons, both
// captions and the header difference shown; presenter mode; axe-clean.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectedCaption, sceneSteps } from './helpers.ts';
import { alignMilestones, type Stop } from '../../src/compare/align.ts';
import { diffSummary, headerDiff } from '../../src/compare/headers.ts';
import { absentText, milestoneLabel } from '../../src/compare/milestones.ts';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

const side = (page: Page, s: 'a' | 'b') => page.locator(`section[data-side="${s}"]`);

/** Both stages at the stop's steps, both captions, and the difference (or the absence) said. */
async function expectStop(page: Page, a: string, b: string, stops: Stop[], i: number): Promise<void> {
  const stop = stops[i]!;
  const steps = { a: sceneSteps(a), b: sceneSteps(b) };
  await expect(page.getByTestId('milestone')).toContainText(`${i + 1}/${stops.length}`);
  await expect(page.getByTestId('milestone')).toContainText(milestoneLabel(stop.milestone));
  for (const s of ['a', 'b'] as const) {
    await expect(side(page, s).getByTestId('stage')).toHaveAttribute('data-step', String(stop[s].step));
    await expect(side(page, s).getByTestId('caption')).toHaveText(expectedCaption(steps[s][stop[s].step]!));
    const absent = side(page, s).getByTestId(`absent-${s}`);
    if (stop[s].reached) await expect(absent).toHaveCount(0);
    else await expect(absent).toHaveText(absentText(stop.milestone));
  }
  const status = page.getByTestId('compare-status');
  if (!stop.a.reached || !stop.b.reached) {
    await expect(page.getByTestId('header-diff')).toHaveCount(0);
    await expect(status).toContainText(absentText(stop.milestone));
    await expect(page.getByTestId('diff-summary')).toHaveText(`Only the ${stop.a.reached ? 'left' : 'right'} scene gets here.`);
    return;
  }
  const rows = headerDiff(stop.milestone, steps.a, stop.a.step, steps.b, stop.b.step).filter((r) => r.differs);
  await expect(status).toContainText(diffSummary(rows));
  const shown = page.getByTestId('header-diff').locator('tbody tr');
  await expect(shown).toHaveCount(rows.length);
  for (const [k, r] of rows.entries()) {
    await expect(shown.nth(k).locator('td.a')).toHaveText(r.a.text);
    await expect(shown.nth(k).locator('td.b')).toHaveText(r.b.text);
  }
}

test('the gallery offers the pair; every milestone is stepped to with → and ←, captions and difference checked', async ({ page }) => {
  await page.goto('/');
  const card = page.locator('li.card[data-scene="cross-node-vxlan"]');
  await card.getByRole('link', { name: 'Compare a VXLAN tunnel against native routing' }).click();
  await expect(page).toHaveURL(/#\/compare\/cross-node-vxlan\/calico-bgp$/);
  const stops = alignMilestones(sceneSteps('cross-node-vxlan'), sceneSteps('calico-bgp'));
  await expectStop(page, 'cross-node-vxlan', 'calico-bgp', stops, 0);
  for (let i = 1; i < stops.length; i++) {
    await page.keyboard.press('ArrowRight');
    await expectStop(page, 'cross-node-vxlan', 'calico-bgp', stops, i);
  }
  // On the wire the VXLAN side carries outer headers and the other none.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('header-diff').locator('tr[data-aspect="tunnel"] td.b')).toHaveText('none');
  await page.keyboard.press('ArrowLeft');
  await expectStop(page, 'cross-node-vxlan', 'calico-bgp', stops, 0);
});

test("a scene's page links its siblings (the same journey by other machinery) and the pairs it can be compared in", async ({ page }) => {
  await page.goto('/#/clusterip-ipvs/1');
  const nav = page.getByRole('navigation', { name: 'The same journey in other scenes' });
  await expect(nav.locator('[aria-current=page]')).toHaveText('kube-proxy IPVS');
  await expect(nav.getByRole('link')).toHaveText(['kube-proxy iptables', 'Cilium socket LB', "Compare kube-proxy's iptables mode against its IPVS mode"]);
  await nav.getByRole('link', { name: 'Cilium socket LB' }).click();
  await expect(page).toHaveURL(/#\/cilium-socket-lb(\/1)?$/);
  await expect(nav.locator('[aria-current=page]')).toHaveText('Cilium socket LB');
  await nav.getByRole('link', { name: /^Compare / }).click();
  await expect(page).toHaveURL(/#\/compare\/clusterip-dnat\/cilium-socket-lb$/);
  // A scene in no journey and no pair has no such links.
  await page.goto('/#/same-node-bridge/1');
  await expect(page.getByTestId('stage')).toBeVisible();
  await expect(page.getByTestId('siblings')).toHaveCount(0);
});

test('Cluster against Local: the buttons step, a side without a milestone says why, the masquerade is shown', async ({ page }) => {
  await page.goto('/#/compare/nodeport/nodeport-local');
  const stops = alignMilestones(sceneSteps('nodeport'), sceneSteps('nodeport-local'));
  const next = page.getByRole('button', { name: 'Next milestone' });
  await expect(page.getByRole('button', { name: 'Previous milestone' })).toBeDisabled();
  for (let i = 1; i < stops.length; i++) {
    await next.click();
    await expectStop(page, 'nodeport', 'nodeport-local', stops, i);
    if (stops[i]!.milestone === 'delivered') {
      await expect(page.getByTestId('header-diff').locator('tr[data-aspect="source"] td.a')).toHaveText('192.168.1.10, masqueraded; sent as 192.168.1.50');
      await expect(page.getByTestId('header-diff').locator('tr[data-aspect="source"] td.b')).toHaveText('192.168.1.50, as sent');
    }
  }
  await expect(next).toBeDisabled();
});

test('presenter mode: the header leaves, the arrows still step both, Esc comes back', async ({ page }) => {
  await page.goto('/#/compare/clusterip-dnat/clusterip-same-node');
  const stops = alignMilestones(sceneSteps('clusterip-dnat'), sceneSteps('clusterip-same-node'));
  await expect(page.getByTestId('milestone')).toContainText(`1/${stops.length}`);
  await page.keyboard.press('g');
  await expect(page.locator('html')).toHaveClass(/kh-presenting/);
  await expect(page.locator('html')).toHaveClass(/kh-theme-projector/);
  await expect(page.locator('header.top')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expectStop(page, 'clusterip-dnat', 'clusterip-same-node', stops, 1);
  // The projector theme too is free of WCAG A/AA violations.
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/kh-presenting/);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`no WCAG 2.2 A/AA violations at a milestone with differences, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto('/#/compare/nodeport/nodeport-local');
    // At delivered: the masqueraded source on one side only.
    for (let i = 1; i <= 5; i++) {
      await expect(page.getByTestId('milestone')).toContainText(`${i}/`);
      await page.keyboard.press('ArrowRight');
    }
    await expect(page.getByTestId('header-diff')).toBeVisible();
    await expect(page.locator('html')).toHaveClass(new RegExp(`kh-theme-${scheme}`));
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
    expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
  });
}
