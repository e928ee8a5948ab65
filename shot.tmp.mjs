import { chromium } from '@playwright/test';
const shots = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
for (const s of shots) {
  const [scene, step, theme] = s.split(':');
  await page.goto(`http://127.0.0.1:4302/#/${scene}/${step}`);
  await page.waitForSelector('svg.kh-scene g.kh-row');
  await page.waitForTimeout(1500);
  const svg = page.locator('svg.kh-scene').first();
  await svg.screenshot({ path: `/tmp/shot-${scene}-${step}.png` });
  const rows = await page.evaluate(() => [...document.querySelectorAll('g.kh-row')].filter(g => g.getAttribute('display') !== 'none').map(g => `${g.dataset.table}#${g.dataset.row}:${g.dataset.state}`));
  console.log(s, rows.filter(r => /conntrack|fdb|cache|routes#node2/.test(r)).join(' '));
}
await browser.close();
