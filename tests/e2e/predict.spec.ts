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

// ---- the scene's own question (quiz: in the file) ------------------------------------

/** clusterip-dnat asks its own question before its last hop. */
const authored = plan.get(last)!;

/** Predict mode at the step before the authored question, every earlier question answered (kept as if from an earlier visit). */
async function atAuthored(page: Page, theme = 'light'): Promise<void> {
  const kept = Object.fromEntries([...plan.values()].filter((q) => q !== authored).map((q) => [q.id, q.answer]));
  await page.addInitScript(
    ([id, answers, t]) => {
      localStorage.setItem(`kubehop:predict:${id}`, JSON.stringify({ answers }));
      localStorage.setItem('kubehop.theme', t);
    },
    [SCENE, kept, theme] as const,
  );
  await openQuiz(page);
  // Nothing else is asked: the next key steps on, up to the question.
  for (let k = 0; k < last - 1; k++) {
    await page.locator('body').press('n');
    await waitForStep(page, k + 1);
  }
  await expect(page.getByTestId('predict-question')).toHaveText(authored.prompt);
}

test('the scene’s own question: answered wrong, the written explanation; asked again once forgotten, answered right', async ({ page }) => {
  expect(authored.kind).toBe('authored');
  await atAuthored(page);
  await choice(page, label(authored, wrongOf(authored))).click();
  await waitForStep(page, last);
  await expect(page.getByTestId('predict-verdict')).toContainText(`Not quite: it is ${label(authored, authored.answer)}`);
  await expect(panel(page)).toContainText(authored.explanation);
  await panel(page).getByRole('button', { name: /Continue/ }).click();
  await expect(page.getByTestId('predict-score')).toContainText(`of ${plan.size} right`);
  await expect(panel(page).getByRole('link', { name: new RegExp(`Step ${last + 1}:`) })).toBeVisible();

  // Asked again from the step before: now right.
  await page.evaluate(([id]) => localStorage.removeItem(`kubehop:predict:${id}`), [SCENE]);
  await page.reload();
  await waitForStep(page, 0);
  for (let k = 0; k < last - 1; k++) {
    await page.locator('body').press('n');
    await waitForStep(page, k + 1);
  }
  await choice(page, label(authored, authored.answer)).click();
  await waitForStep(page, last);
  await expect(page.getByTestId('predict-verdict')).toContainText(`Right: ${label(authored, authored.answer)}.`);
});

for (const theme of ['light', 'dark']) {
  test(`predict mode has no axe violations with the scene’s own question open, ${theme} theme`, async ({ page }) => {
    await atAuthored(page, theme);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
    expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
  });
}

// ---- in class: presenter mode ------------------------------------------------------

test('in class: the question large, the notes show its answer ahead, A reveals it and plays the hop, nothing recorded', async ({ page, context }) => {
  await openQuiz(page);
  await page.keyboard.press('g');
  const quiz = page.getByTestId('class-quiz');
  // The first hops have nothing to ask: the next key steps on.
  for (let k = 0; k < before; k++) {
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, k + 1);
  }
  await expect(page.getByTestId('class-question')).toHaveText(first.prompt);
  await expect(quiz.getByRole('listitem')).toHaveText(first.choices.map((c) => c.label));
  expect(await page.getByTestId('class-question').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(24);

  const [notes] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await notes.waitForLoadState();
  await expect(notes.getByTestId('notes-quiz')).toContainText(first.prompt);
  await expect(notes.getByTestId('notes-quiz')).toContainText(`Answer: ${label(first, first.answer)}`);
  await notes.close();

  await page.bringToFront();
  await page.keyboard.press('a');
  await waitForStep(page, first.step);
  await expect(page.getByTestId('class-status')).toHaveText(`Answer: ${label(first, first.answer)}.`);
  await expect(quiz.locator('li.right')).toHaveText(new RegExp(`^${label(first, first.answer).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(quiz.getByRole('button', { name: /Reveal answer/ })).toHaveCount(0);
  expect(await page.evaluate((id) => localStorage.getItem(`kubehop:predict:${id}`), SCENE)).toBeNull();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
});

// ---- the embed's predict attribute -------------------------------------------------

test('<kubehop-scene predict>: the quiz in the element, from its own chunk; Next never skips the question', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const chunks: string[] = [];
  page.on('request', (r) => /kubehop-predict-/.test(r.url()) && chunks.push(r.url()));
  await page.goto('/demo/');
  await expect(page.locator('kubehop-scene .frame[data-state="ready"]').first()).toBeAttached({ timeout: 30_000 });
  // The demo's own embeds have no predict attribute: the quiz's chunk is not fetched.
  expect(chunks).toEqual([]);
  await page.evaluate((src) => {
    const el = Object.assign(document.createElement('kubehop-scene'), { id: 'quiz' });
    el.setAttribute('src', src);
    el.setAttribute('controls', '');
    el.setAttribute('predict', '');
    document.querySelector('article, main, body')!.prepend(el);
  }, `../embed/scenes/${SCENE}.json`);
  const el = page.locator('#quiz');
  const at = async (k: number) => {
    await expect(el.locator('.frame')).toHaveAttribute('data-step', String(k));
    await expect(el.locator('.frame')).toHaveAttribute('data-moving', 'false');
  };
  const quiz = el.locator('.predict');
  await at(0);
  await expect(quiz).toContainText('Nothing to predict');
  expect(chunks).toHaveLength(1);
  await el.focus();
  for (let k = 0; k < before; k++) {
    await page.keyboard.press('ArrowRight');
    await at(k + 1);
  }
  await expect(quiz.locator('.q')).toHaveText(first.prompt);
  // Next, Play and End would skip the question: Next (and End) move the focus to its choices instead.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('k');
  await page.keyboard.press('End');
  await at(before);
  await expect(quiz.getByRole('button', { name: label(first, first.choices[0]!.id), exact: true })).toBeFocused();
  await quiz.getByRole('button', { name: label(first, wrongOf(first)), exact: true }).click();
  await at(first.step);
  await expect(quiz.locator('.verdict')).toContainText(`Not quite: it is ${label(first, first.answer)}`);
  await expect(quiz.getByRole('status')).toHaveText(new RegExp(`^Not quite`));
  await expect(quiz.getByRole('button', { name: /Continue/ })).toBeFocused();
  const result = await new AxeBuilder({ page }).include('#quiz').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
});
