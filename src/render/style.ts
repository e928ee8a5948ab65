// The picture's stylesheet, embedded in the <svg> so an exported file keeps
// its look. Every colour is a custom property with a light default: a page
// may set --kh-* on any ancestor, and `.kh-theme-dark` (on an ancestor or on
// the svg) switches the set. Strokes follow the Okabe–Ito palette, which
// stays distinct under the common colour-vision deficiencies; each type also
// carries its name in the box text, and tables a dashed border, so colour is
// never the only cue. Selectors are scoped to `.kh-scene`: a <style> inside
// inline SVG applies to the whole page.
import { FONT } from '../layout/types.ts';

export const DARK = `
  --kh-bg: #15181c; --kh-fg: #e8ebef; --kh-muted: #a9b1bb;
  --kh-node-fill: #1b2836; --kh-node-stroke: #56b4e9;
  --kh-pod-fill: #16301f; --kh-pod-stroke: #3fc59a;
  --kh-dev-fill: #22262b; --kh-dev-stroke: #b9c0c8;
  --kh-bridge-fill: #172c45; --kh-bridge-stroke: #56b4e9;
  --kh-tunnel-fill: #3a1f30; --kh-tunnel-stroke: #e39bc4;
  --kh-nic-fill: #3a2c10; --kh-nic-stroke: #f0b54a;
  --kh-table-fill: #1d2126; --kh-table-stroke: #8d96a0; --kh-row-fill: #262b31;
  --kh-ext-fill: #2a2d31; --kh-ext-stroke: #c8ced5;
  --kh-proc-fill: #2a2238; --kh-proc-stroke: #b9a2e0;
  --kh-svc-fill: #123030; --kh-svc-stroke: #4fc3c3;
  --kh-link: #c8ced5; --kh-wire: #f0b54a; --kh-tunnel-link: #e39bc4;
  --kh-hl-fill: #5c4a12; --kh-hl-stroke: #f0e442; --kh-hl-fg: #fff7c2;
  --kh-card-fill: #22262b; --kh-card-stroke: #e8ebef; --kh-fate-stroke: #ff8a8a;
  --kh-new-fill: #173a2a; --kh-new-stroke: #3fc59a;`;

// Projector: beamers wash out pale fills and thin greys, so text is black,
// fills stay near white and strokes are the darker end of each hue.
const PROJECTOR = `
  --kh-bg: #ffffff; --kh-fg: #000000; --kh-muted: #1b1f24;
  --kh-node-fill: #f4f8fc; --kh-node-stroke: #00508a;
  --kh-pod-fill: #f0f9ef; --kh-pod-stroke: #006b4e;
  --kh-dev-fill: #ffffff; --kh-dev-stroke: #000000;
  --kh-bridge-fill: #eaf2fb; --kh-bridge-stroke: #00508a;
  --kh-tunnel-fill: #fbecf4; --kh-tunnel-stroke: #7d2e5a;
  --kh-nic-fill: #fff6e0; --kh-nic-stroke: #7a4d00;
  --kh-table-fill: #fafafa; --kh-table-stroke: #3d4247; --kh-row-fill: #ffffff;
  --kh-ext-fill: #f2f2f2; --kh-ext-stroke: #000000;
  --kh-proc-fill: #f5f0fc; --kh-proc-stroke: #4b3273;
  --kh-svc-fill: #eaf6f6; --kh-svc-stroke: #0f5c5c;
  --kh-link: #000000; --kh-wire: #7a4d00; --kh-tunnel-link: #7d2e5a;
  --kh-hl-fill: #ffd966; --kh-hl-stroke: #000000; --kh-hl-fg: #000000; --kh-current: #c24f00;
  --kh-card-fill: #ffffff; --kh-card-stroke: #000000; --kh-card-width: 3;
  --kh-new-fill: #e3f5e9; --kh-new-stroke: #006b4e;`;

// The packet card (src/timeline/card-draw.ts). Title bars are dark enough
// for white bold text in every theme; a rewritten field and a matched field
// take the lit table row's colours, so "this row decided that field" reads
// as one thing. The kind is also in the outline's dashes and the title.
const CARD = `
.kh-scene .kh-packet-leader { stroke: var(--kh-card-stroke, #1b1f24); stroke-width: 1.5; stroke-dasharray: 4 3; }
.kh-scene .kh-card-card { fill: var(--kh-card-fill, #ffffff); stroke: var(--kh-card-stroke, #1b1f24); stroke-width: var(--kh-card-width, 2); }
.kh-scene .kh-card-inner-border { fill: none; stroke: var(--kh-card-stroke, #1b1f24); stroke-width: 1.2; }
.kh-scene .kh-card-bar { stroke: none; fill: #005a8e; }
.kh-scene .kh-packet-card[data-kind="udp"] .kh-card-bar, .kh-scene .kh-packet-card[data-kind="dns"] .kh-card-bar { fill: #00674a; }
.kh-scene .kh-packet-card[data-kind="icmp"] .kh-card-bar { fill: #6e4600; }
.kh-scene .kh-packet-card[data-kind="arp"] .kh-card-bar { fill: #5a3d8a; }
.kh-scene .kh-packet-card[data-kind="bgp"] .kh-card-bar { fill: #9c3a00; }
.kh-scene text.kh-card-title, .kh-scene text.kh-card-ttl, .kh-scene text.kh-card-ttl-was { fill: #ffffff; font-weight: 700; }
.kh-scene .kh-card-strike { stroke: var(--kh-fg, #1b1f24); stroke-width: 1.8; }
.kh-scene .kh-card-strike-ttl-was { stroke: #ffffff; }
.kh-scene .kh-card-changed { fill: var(--kh-hl-fill, #ffe08a); stroke: none; }
.kh-scene .kh-card-lit { fill: var(--kh-hl-fill, #ffe08a); stroke: var(--kh-hl-stroke, #a86a00); stroke-width: 1.5; }
.kh-scene .kh-card-lit-marker { fill: var(--kh-hl-stroke, #a86a00); }
.kh-scene text.kh-card-now, .kh-scene text.kh-card-tag { font-weight: 700; fill: var(--kh-hl-fg, #1b1f24); }
.kh-scene text.kh-card-was { fill: var(--kh-muted, #3d4650); }
.kh-scene .kh-card-band { fill: var(--kh-tunnel-fill, #fbe9f2); stroke: var(--kh-tunnel-stroke, #a8467c); stroke-width: 2.5; }
.kh-scene .kh-packet-card[data-band="new"] .kh-card-band { stroke-width: 4.5; }
.kh-scene .kh-packet-card[data-band="removed"] .kh-card-band { fill: var(--kh-card-fill, #ffffff); }
.kh-scene text.kh-card-band-title { font-weight: 700; }
.kh-scene text.kh-card-band-note { font-weight: 700; font-style: italic; }
.kh-scene .kh-card-fate { fill: #a4161a; stroke: none; }
.kh-scene .kh-packet-card[data-fate="wait"] .kh-card-fate { fill: #3d4650; }
.kh-scene .kh-packet-card[data-fate="drop"] .kh-card-card, .kh-scene .kh-packet-card[data-fate="reject"] .kh-card-card { stroke: var(--kh-fate-stroke, #a4161a); stroke-width: 3.5; }
.kh-scene text.kh-card-fate-head { fill: #ffffff; font-weight: 700; }
.kh-scene text.kh-card-fate-line { font-weight: 700; }`;

// Projector lines: every stroke thicker than its light width (a beamer eats
// thin lines), and the current box's outline thicker still, so it stays the
// boldest thing on the stage. Each selector outranks or follows the light rule
// it thickens, so no !important is needed and exports keep the same look.
const P = ['.kh-theme-projector .kh-scene', '.kh-scene.kh-theme-projector'];
const projector = (rule: string, body: string): string => `${P.map((p) => `${p} ${rule}`).join(', ')} { ${body} }`;
const PROJECTOR_LINES = [
  projector('.kh-box > .kh-box-bg', 'stroke-width: 2.6;'),
  projector('.kh-box[data-kind="node"] > .kh-box-bg', 'stroke-width: 3;'),
  projector('.kh-box.kh-current[data-kind="device"] > .kh-box-bg', 'stroke-width: 5;'),
  projector('.kh-row.kh-highlight .kh-row-bg', 'stroke-width: 2.5;'),
  projector('.kh-link', 'stroke-width: 2.4;'),
  projector('.kh-link[data-kind="wire"]', 'stroke-width: 5;'),
].join('\n');

export const STYLE = `
.kh-scene { font-family: var(--kh-font, ${FONT.family}); }
.kh-scene text { fill: var(--kh-fg, #1b1f24); }
.kh-scene .kh-bg { fill: var(--kh-bg, #ffffff); }
.kh-scene .kh-box-bg { stroke-width: 1.4; fill: var(--kh-dev-fill, #ffffff); stroke: var(--kh-dev-stroke, #3d4650); }
.kh-scene .kh-box[data-kind="node"] > .kh-box-bg { fill: var(--kh-node-fill, #f2f7fc); stroke: var(--kh-node-stroke, #0072b2); stroke-width: 2; }
.kh-scene .kh-box[data-kind="pod"] > .kh-box-bg { fill: var(--kh-pod-fill, #edf8ec); stroke: var(--kh-pod-stroke, #009e73); stroke-width: 1.6; }
.kh-scene .kh-box[data-type="bridge"] > .kh-box-bg { fill: var(--kh-bridge-fill, #e6f0fb); stroke: var(--kh-bridge-stroke, #0072b2); }
.kh-scene .kh-box[data-type="vxlan"] > .kh-box-bg,
.kh-scene .kh-box[data-type="ipip"] > .kh-box-bg { fill: var(--kh-tunnel-fill, #fbe9f2); stroke: var(--kh-tunnel-stroke, #a8467c); }
.kh-scene .kh-box[data-type="nic"] > .kh-box-bg { fill: var(--kh-nic-fill, #fff3d9); stroke: var(--kh-nic-stroke, #a86a00); stroke-width: 1.8; }
.kh-scene .kh-box[data-kind="table"] > .kh-box-bg { fill: var(--kh-table-fill, #f7f7f7); stroke: var(--kh-table-stroke, #8a8f96); stroke-dasharray: 5 3; }
.kh-scene .kh-box[data-kind="external"] > .kh-box-bg { fill: var(--kh-ext-fill, #efefef); stroke: var(--kh-ext-stroke, #30363d); stroke-width: 1.6; }
.kh-scene .kh-box[data-kind="process"] > .kh-box-bg { fill: var(--kh-proc-fill, #f3eefb); stroke: var(--kh-proc-stroke, #6a4c9c); }
.kh-scene .kh-box[data-kind="service"] > .kh-box-bg { fill: var(--kh-svc-fill, #e6f5f5); stroke: var(--kh-svc-stroke, #1b7f7f); stroke-dasharray: 8 3 2 3; }
.kh-scene .kh-title { font-weight: 700; }
.kh-scene .kh-row-bg { fill: var(--kh-row-fill, #ffffff); stroke: none; }
.kh-scene .kh-row-marker { fill: var(--kh-hl-stroke, #a86a00); visibility: hidden; }
.kh-scene .kh-box.kh-current[data-kind="device"] > .kh-box-bg { stroke-width: 3; stroke: var(--kh-current, #e66100); }
.kh-scene .kh-row.kh-highlight .kh-row-bg { fill: var(--kh-hl-fill, #ffe08a); stroke: var(--kh-hl-stroke, #a86a00); stroke-width: 1.5; }
.kh-scene .kh-row.kh-highlight .kh-row-marker { visibility: visible; }
.kh-scene .kh-row.kh-highlight text { font-weight: 700; fill: var(--kh-hl-fg, #1b1f24); }
.kh-scene .kh-row-tag { font-weight: 700; }
.kh-scene .kh-row-strike { stroke: var(--kh-fg, #1b1f24); stroke-width: 1.3; visibility: hidden; }
.kh-scene .kh-row.kh-row-removed .kh-row-strike { visibility: visible; }
.kh-scene .kh-row.kh-row-removed text { fill: var(--kh-muted, #3d4650); }
.kh-scene .kh-row.kh-row-new:not(.kh-highlight) .kh-row-bg { fill: var(--kh-new-fill, #e3f5e9); stroke: var(--kh-new-stroke, #007a58); stroke-width: 1.5; }
.kh-scene .kh-row.kh-row-changed:not(.kh-highlight) .kh-row-bg { stroke: var(--kh-new-stroke, #007a58); stroke-width: 1.5; }
.kh-scene .kh-appeared .kh-box-bg, .kh-scene path.kh-appeared { stroke: var(--kh-new-stroke, #007a58); stroke-width: 3; }
.kh-scene .kh-row.kh-row-changed .kh-row-bg { stroke-dasharray: 4 2; }
.kh-scene .kh-table-empty { fill: var(--kh-muted, #3d4650); font-style: italic; }
.kh-scene .kh-link { fill: none; stroke: var(--kh-link, #30363d); stroke-width: 1.4; }
.kh-scene .kh-link[data-kind="wire"] { stroke: var(--kh-wire, #a86a00); stroke-width: 3.5; }
.kh-scene .kh-link[data-kind="shortcut"] { stroke-dasharray: 2 5; stroke-width: 2; stroke-linecap: round; }
.kh-scene .kh-link[data-kind="tunnel"] { stroke: var(--kh-tunnel-link, #a8467c); stroke-dasharray: 7 4; stroke-width: 2; }
.kh-scene .kh-link[data-kind="socket"] { stroke-dasharray: 2 3; }
.kh-scene .kh-link.kh-fallback { stroke-dasharray: 3 3; }
.kh-scene .kh-link-label { fill: var(--kh-muted, #3d4650); paint-order: stroke; stroke: var(--kh-bg, #ffffff); stroke-width: 4px; stroke-linejoin: round; }
${CARD}
.kh-theme-dark .kh-scene, .kh-scene.kh-theme-dark {${DARK}
}
.kh-theme-projector .kh-scene, .kh-scene.kh-theme-projector {${PROJECTOR}
}
${PROJECTOR_LINES}`;
