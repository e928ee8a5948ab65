// The pages the Chromium benchmarks load, generated here and served by
// bench/lib.ts's server. URL layout (mounts in bench/run.ts):
//   /embed/…    the private build's embed folder (kubehop.js, chunks, scenes/*.json)
//   /yaml/…     scenes/*.yaml, raw
//   /mermaid/…  node_modules/mermaid/dist
//   /mmd/…      bench/mermaid/*.mmd
const HEAD = '<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title>';

/** One embed: a precompiled bundle or a raw YAML scene. */
export function embedPage(src: string, attrs = 'controls'): string {
  return `${HEAD}
<script type="module" src="/embed/kubehop.js"></script>
<kubehop-scene src="${src}" ${attrs}></kubehop-scene>`;
}

/**
 * Mermaid, as a blog would use it from the same static host: import the ESM
 * build, fetch the diagram's text, render it to SVG and put it in the page.
 * Marks mirror the embed's: 'mermaid:module' and 'mermaid:drawn'.
 */
export function mermaidPage(mmd: string): string {
  return `${HEAD}
<div id="diagram"></div>
<script type="module">
import mermaid from '/mermaid/mermaid.esm.min.mjs';
performance.mark('mermaid:module');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
const text = await (await fetch('${mmd}')).text();
const { svg } = await mermaid.render('mm', text);
document.getElementById('diagram').innerHTML = svg;
performance.mark('mermaid:drawn');
</script>`;
}

/**
 * `count` embeds (cycling through `srcs`), each autoplaying, each in a figure
 * after a screenful of text, so only the first is on screen at the top; a long
 * blank tail lets the page scroll to where none is.
 */
export function manyEmbedsPage(srcs: string[], count: number): string {
  const para = '<p style="height:1000px;margin:0">Text of the post.</p>';
  const figs = Array.from({ length: count }, (_, i) => `<figure style="width:900px;margin:0"><kubehop-scene data-i="${i}" src="${srcs[i % srcs.length]}" autoplay loop></kubehop-scene></figure>${para}`);
  return `${HEAD}
<script type="module" src="/embed/kubehop.js"></script>
<body style="margin:0">${count ? figs.join('\n') : para}<div id="tail" style="height:3000px"></div></body>`;
}
