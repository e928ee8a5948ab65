import { chromium } from '@playwright/test';
const [,, base, out, w='1280', h='720', extra=''] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const p = await b.newPage({ viewport: { width: +w, height: +h }, deviceScaleFactor: 1 });
await p.goto(base); await p.waitForTimeout(1500);
if (extra.includes('G')) { await p.keyboard.press('g'); await p.waitForTimeout(800); }
await p.screenshot({ path: out });
await b.close();
