// The element's shadow DOM, built once per element: a frame holding what
// the author put inside the element (a still <img>, shown while loading or
// on failure) and the body — the scene's title, the stage with the SVG, the
// caption, the controls and the status line.
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Only a counter for unique ids (the renderer prefixes every id in the SVG with the svg's id). */
let serial = 0;

export interface Frame {
  frame: HTMLDivElement;
  stage: HTMLDivElement;
  svg: SVGSVGElement;
  /** Where the author's fallback shows. */
  slot: HTMLSlotElement;
  /** Printed above the diagram: the scene's title, linking back to the diagram on its page. */
  heading: HTMLAnchorElement;
}

/** The parts in the body below the stage, in order: caption, controls, status. */
export function buildFrame(root: ShadowRoot, below: readonly HTMLElement[]): Frame {
  const frame = div('frame');
  frame.setAttribute('part', 'frame');
  frame.dataset.state = 'empty';
  const stage = div('stage');
  stage.setAttribute('part', 'stage');
  const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  svg.id = `kh-embed-${++serial}`;
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  stage.append(svg);
  // A still also holds the diagram's place from before the script runs (styles.ts).
  const fallback = div('fallback');
  const slot = document.createElement('slot');
  fallback.append(slot);
  slot.addEventListener('slotchange', () => frame.toggleAttribute('data-sized', slot.assignedElements().some((e) => e.localName === 'img')));
  const heading = Object.assign(document.createElement('a'), { className: 'heading' });
  const body = div('body');
  body.append(heading, stage, ...below);
  const hold = div('hold');
  hold.append(fallback);
  frame.append(hold, body);
  root.append(frame);
  return { frame, stage, svg, slot, heading };
}

function div(cls: string): HTMLDivElement {
  const d = document.createElement('div');
  d.className = cls;
  return d;
}
