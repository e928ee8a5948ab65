import { test } from '@playwright/test';
import { expectStep, sceneSteps, waitForStep } from './helpers.ts';
test.use({ reducedMotion: 'reduce' });
test('timing', async ({ page }) => {
  const steps = sceneSteps('same-node-bridge');
  let t = Date.now();
  await page.goto('/#same-node-bridge/step-1');
  await waitForStep(page, 0);
  console.log('load', Date.now() - t);
  const next = page.getByRole('button', { name: 'Next step' });
  const acc = { click: 0, wait: 0, expect: 0, eval: 0 };
  for (let k = 1; k < steps.length; k++) {
    t = Date.now(); await next.click(); acc.click += Date.now() - t;
    t = Date.now(); await waitForStep(page, k); acc.wait += Date.now() - t;
    t = Date.now(); await expectStep(page, steps, k, 'same-node-bridge'); acc.expect += Date.now() - t;
    t = Date.now(); await page.evaluate(() => 1); acc.eval += Date.now() - t;
  }
  console.log(acc);
});
