import { join, resolve } from 'node:path';
import { launch, serve } from './lib.ts';
import { embedPage, mermaidPage } from './pages.ts';
import { measureStartup } from './startup.ts';
const S = 'cross-node-vxlan';
const page = (prefix: string) => embedPage(`/yaml/${S}.yaml`).replace('/embed/kubehop.js', `/${prefix}/kubehop.js`);
const served = await serve({ '/old/': '/tmp/exp/embed-after/embed', '/new/': '/tmp/exp/embed-new/embed', '/yaml/': resolve('scenes'), '/mermaid/': resolve('node_modules/mermaid/dist'), '/mmd/': resolve('bench/mermaid') }, {
  '/__bench/old.html': page('old'), '/__bench/new.html': page('new'), '/__bench/mermaid.html': mermaidPage(`/mmd/${S}.mmd`),
});
const browser = await launch();
const r = await measureStartup(browser, served, [
  { key: 'old', label: 'old', path: '/__bench/old.html', moduleMark: 'kubehop:module', drawnMark: 'kubehop:drawn' },
  { key: 'new', label: 'new', path: '/__bench/new.html', moduleMark: 'kubehop:module', drawnMark: 'kubehop:drawn' },
  { key: 'mermaid', label: 'mermaid', path: '/__bench/mermaid.html', moduleMark: 'mermaid:module', drawnMark: 'mermaid:drawn' },
], Number(process.argv[2] ?? 5), (s) => console.error(s));
for (const x of r) console.log(x.key, Math.round(x.navToDrawnMs), JSON.stringify(x.navToDrawnAll.map(Math.round)));
await browser.close(); served.close();
