// Predict mode (#/<scene>/predict): a question before each hop, answered
// right and wrong, the verdict, the score and the progress kept in the browser.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { checkScene } from '../../src/pipeline.ts';
import { questionsByStep, quizPlan } from '../../src/quiz/generate.ts';
import type { Question } from '../../src/quiz/types.ts';
import { waitForStep } from './helpers.ts';

const SCENE = 'clusterip-dnat';
const built = checkScene(readFileSync(`scenes/${SCENE}.yaml`, 'utf8'), `scenes/${SCENE}.yaml`);
if (!built.ok) throw new Error(`${SCENE} does not build`);
const { scene, steps } = built;
const plan = quizPlan(questionsByStep(scene, steps));
const last = steps.length - 1;
/** The first question asked, and the step shown while it is asked. */
const first = [...plan.values()][0]!;
const before = first.step - 1;

const panel = (page: Page) => page.getByTestId('predict');
const choice = (page: Page, label: string) => panel(page).getByRole('button', { name: label, exact: true });
const label = (q: Question, id: string) => q.choices.find((c) => c.id === id)!.label;
const wrongOf = (q: Question) => q.choices.find((c) => c.id !== q.answer)!.id;

/**
 * From step k (shown), one press on: answer the next hop's question (right or
 * not) and continue, or continue where it has none. Continue after a verdict
 * plays on at once where the step after has no question. Returns the step shown after.
 */
async function onward(page: Page, k: number, right: (q: Question) => boolean): Promise<number> {
  const q = plan.get(k + 1);
  const continueButton = panel(page).getByRole('button', { name: /Continue/ });
  if (!q) {
    await continueButton.click();
    await waitForStep(page, k + 1);
    return k + 1;
  }
  await expect(page.getByTestId('predict-question')).toHaveText(q.prompt);
  await choice(page, label(q, right(q) ? q.answer : wrongOf(q))).click();
  await waitForStep(page, k + 1);
  await expect(page.getByTestId('predict-verdict')).toContainText(right(q) ? 'Right' : 'Not quite');
  await continueButton.click();
  const shown = plan.has(k + 2) || k + 1 === last ? k + 1 : k + 2;
  await waitForStep(page, shown);
  return shown;
}

async function openQuiz(page: Page): Promise<void> {
  // Steps jump instead of moving: the test waits for arrivals, never for animation time.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/#/${SCENE}/predict`);
  await waitForStep(page, 0);
}

test('the header’s Predict link opens predict mode, and the first question holds the packet until it is answered', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/#/${SCENE}/1`);
  await waitForStep(page, 0);
  await page.getByRole('link', { name: 'Predict the hops' }).click();
  await expect(page).toHaveURL(new RegExp(`#/${SCENE}/predict$`));
  // Hops with nothing to predict (a veth's peer) are played on with Continue.
  let k = 0;
  while (k < before) k = await onward(page, k, () => true);
  const q = first;
  await expect(page.getByTestId('predict-question')).toHaveText(q.prompt);
  await expect(panel(page).getByRole('group')).toHaveAccessibleName(q.prompt);
  await expect(panel(page).locator('.choice')).toHaveText(q.choices.map((c) => c.label));
  // Next, the arrow keys' next and Play would skip the question.
  await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
  await expect(page.getByRole('button', { name: /^Play/ })).toHaveCount(0);
  for (const key of ['ArrowRight', 'End', 'k']) await page.locator('body').press(key);
  await expect(page.getByTestId('stage')).toHaveAttribute('data-step', String(before));
  // Stop predicting goes back to the ordinary player at the same step.
  await page.getByRole('button', { name: 'Stop predicting' }).click();
  await expect(page).toHaveURL(new RegExp(`#/${SCENE}/${before + 1}$`));
  await expect(panel(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
});

test('a wrong answer plays the hop and says the right one; a click on the right device on the diagram is right', async ({ page }) => {
  await openQuiz(page);
  let k = 0;
  while (k < before) k = await onward(page, k, () => true);
  await choice(page, label(first, wrongOf(first))).click();
  await waitForStep(page, first.step);
  const verdict = `Not quite: it is ${label(first, first.answer)} (you said ${label(first, wrongOf(first))}).`;
  await expect(page.getByTestId('predict-verdict')).toContainText(verdict);
  await expect(page.getByTestId('predict-status')).toHaveText(verdict);
  await expect(page.getByTestId('caption')).toHaveText(steps[first.step]!.caption);
  await expect(panel(page).getByRole('button', { name: /Continue/ })).toBeFocused();
  await page.keyboard.press('Enter');

  // On to the next "where next?" question, answered on the diagram.
  k = plan.has(first.step + 1) || first.step === last ? first.step : first.step + 1;
  await waitForStep(page, k);
  while (plan.get(k + 1)?.kind !== 'next') k = await onward(page, k, () => true);
  const next = plan.get(k + 1)!;
  await page.locator(`.stage [data-id="${next.answer}"]`).first().click();
  await waitForStep(page, k + 1);
  await expect(page.getByTestId('predict-verdict')).toContainText(`Right: ${next.answer}.`);
});

test('a whole quiz: the score at the end, a link to each missed step, kept after a reload, cleared by Start over', async ({ page }) => {
  await openQuiz(page);
  const asked = [...plan.values()];
  const missed = new Set([asked[0]!.id, asked[3]!.id]);
  let k = 0;
  while (k < last) k = await onward(page, k, (q) => !missed.has(q.id));
  const score = `You got ${asked.length - 2} of ${asked.length} right.`;
  await expect(page.getByTestId('predict-score')).toHaveText(score);
  const links = panel(page).getByRole('link');
  await expect(links).toHaveCount(2);
  await expect(links.first()).toHaveAttribute('href', `#/${SCENE}/${asked[0]!.step + 1}`);
  await expect(links.nth(1)).toHaveAttribute('href', `#/${SCENE}/${asked[3]!.step + 1}`);

  // A missed step's link leaves predict mode, at that step.
  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`#/${SCENE}/${asked[0]!.step + 1}$`));
  await waitForStep(page, asked[0]!.step);
  await expect(panel(page)).toHaveCount(0);

  // Kept in the browser: back in predict mode after a reload, nothing is asked again, and the score stands.
  await page.goto(`/#/${SCENE}/predict`);
  await page.reload();
  await waitForStep(page, 0);
  for (k = 0; k < before; k++) {
    await panel(page).getByRole('button', { name: /Continue/ }).click();
    await waitForStep(page, k + 1);
  }
  await expect(panel(page)).toContainText('You have answered this one already');
  await expect(page.getByTestId('predict-question')).toHaveCount(0);
  await expect(panel(page)).toContainText(`Score ${asked.length - 2}/${asked.length}`);

  // Start over forgets them: the first question is asked again.
  await panel(page).getByRole('button', { name: 'Start over' }).click();
  k = 0;
  while (k < before) k = await onward(page, k, () => true);
  await expect(page.getByTestId('predict-question')).toHaveText(first.prompt);
  expect(await page.evaluate((id) => localStorage.getItem(`kubehop:predict:${id}`), SCENE)).toBeNull();
});

test('predict mode has no axe violations with a question open', async ({ page }) => {
  await openQuiz(page);
  let k = 0;
  while (k < before) k = await onward(page, k, () => true);
  await expect(page.getByTestId('predict-question')).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
});
