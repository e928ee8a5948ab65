// How fast could a YAML `src` embed be while elkjs lays it out in the page
// (in the page's own thread, or in a worker as the embed does)?
// `npx tsx bench/elk-floor.ts [rounds]` (default 7).
//
// Takes the ELK graphs a build of cross-node-vxlan hands to elkjs (captured
// here, in Node, from the real pipeline), then times in headless Chromium,
// cold loads interleaved round by round (a fresh browser context each):
//   - a page that loads elkjs (elk.bundled.js, in the page) and nothing else;
//   - the same, laying out the first ELK graph, then both;
//   - kubehop.js (the embed's runtime, its module evaluated, no scene) and
//     then a worker that loads elkjs and lays out the graph of the drawn
//     layout alone: the floor for an embed that lays out in one ELK run in
//     a worker (as the embed does) and costs nothing else;
//   - the YAML embed of that scene (the whole of kubehop: worker, checks,
//     two ELK runs, passes, card places, drawing);
//   - Mermaid's flowchart of the same topology (bench/mermaid/).
// The elkjs-only pages are the floor: what no amount of work around elkjs
// can go below while elkjs stays the layout engine and lays out in the page
// (the worker page: in a worker, after the embed's runtime has loaded).
// Prints, never asserts; read the ratios, measured side by side.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import { ensureBuild, launch, serve } from './lib.ts';
import { embedPage, mermaidPage } from './pages.ts';
import { measureStartup } from './startup.ts';

const SCENE = 'cross-node-vxlan';
const rounds = Math.max(1, Number(process.argv[2] ?? 7));

// The graphs, as given to elkjs (copied before ELK writes its answer into them).
const graphs: string[] = [];
const layout = ELK.prototype.layout;
ELK.prototype.layout = function (graph: ElkNode, options?: { layoutOptions?: LayoutOptions }) {
  graphs.push(JSON.stringify(graph));
  return layout.call(this, graph, options);
};
const { buildScene } = await import('../src/pipeline.ts');
const { elkMemo } = await import('../src/layout/elk-memo.ts');
elkMemo.enabled = false;
const built = await buildScene(readFileSync(`scenes/${SCENE}.yaml`, 'utf8'), `${SCENE}.yaml`);
ELK.prototype.layout = layout;
if (!built.ok) throw new Error(`${SCENE} does not build`);

const HEAD = '<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title>';
/** elkjs in the page, then the first `n` graphs laid out one after the other; marks like the embed's. */
const elkOnly = (n: number): string => `${HEAD}
<script src="/elk/elk.bundled.js"></script>
<script>
performance.mark('elk:module');
const graphs = [${graphs.slice(0, n).join(',')}];
(async () => {
  const elk = new ELK();
  for (const g of graphs) await elk.layout(g);
  performance.mark('elk:drawn');
})();
</script>`;

/** kubehop.js evaluated, then at once a worker that loads elkjs and lays out the last graph (the drawn layout's). */
const workerFloor = `${HEAD}
<script type="module" src="/embed/kubehop.js"></script>
<script type="module">
performance.mark('elk:module');
const source = 'importScripts(' + JSON.stringify(location.origin + '/elk/elk.bundled.js') + ');' +
  'onmessage = async (e) => { await new ELK().layout(e.data); postMessage(0); };';
const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
worker.onmessage = () => performance.mark('elk:drawn');
worker.postMessage(${graphs.at(-1)});
</script>`;

const out = resolve(process.env.KUBEHOP_BENCH_OUT ?? join(tmpdir(), 'kubehop-bench-build'));
ensureBuild(out, process.argv.includes('--build'));
const served = await serve(
  { '/embed/': join(out, 'embed'), '/yaml/': resolve('scenes'), '/mermaid/': resolve('node_modules/mermaid/dist'), '/mmd/': resolve('bench/mermaid'), '/elk/': resolve('node_modules/elkjs/lib') },
  {
    '/__bench/elk-0.html': elkOnly(0),
    '/__bench/elk-1.html': elkOnly(1),
    '/__bench/elk-all.html': elkOnly(graphs.length),
    '/__bench/elk-worker.html': workerFloor,
    '/__bench/yaml.html': embedPage(`/yaml/${SCENE}.yaml`),
    '/__bench/mermaid.html': mermaidPage(`/mmd/${SCENE}.mmd`),
  },
);
const browser = await launch();
try {
  const elk = (key: string, label: string) => ({ key, label, path: `/__bench/${key}.html`, moduleMark: 'elk:module', drawnMark: 'elk:drawn' });
  const results = await measureStartup(
    browser,
    served,
    [
      elk('elk-0', 'elkjs loaded, nothing laid out'),
      elk('elk-1', "elkjs + the build's first ELK graph"),
      elk('elk-all', `elkjs + all ${graphs.length} of the build's ELK graphs`),
      elk('elk-worker', 'kubehop.js, then elkjs + the last graph in a worker'),
      { key: 'yaml', label: 'kubehop embed, raw YAML', path: '/__bench/yaml.html', moduleMark: 'kubehop:module', drawnMark: 'kubehop:drawn' },
      { key: 'mermaid', label: 'Mermaid flowchart, same topology', path: '/__bench/mermaid.html', moduleMark: 'mermaid:module', drawnMark: 'mermaid:drawn' },
    ],
    rounds,
    (s) => console.error(s),
  );
  const mermaid = results.find((r) => r.key === 'mermaid')!.navToDrawnMs;
  console.log(`${SCENE}: navigation → done, median of ${rounds} cold loads, and as a ratio to Mermaid's`);
  for (const r of results) console.log(`  ${r.label.padEnd(44)} ${r.navToDrawnMs.toFixed(0).padStart(5)} ms  ${(r.navToDrawnMs / mermaid).toFixed(2)}×`);
} finally {
  await browser.close();
  served.close();
}
