// The narration under the diagram: the packet's name (the marker carries
// none) and the step's caption. It is a polite live region so a screen
// reader speaks each step a reader moves to — but not while autoplay runs,
// when a new sentence every few seconds would talk over everything else.
import type { DerivedStep } from '../derive/types.ts';
import { fateText, narration } from '../derive/trace.ts';
import { captionHoldMs } from '../player/hold.ts';

export interface CaptionView {
  root: HTMLElement;
  show(steps: DerivedStep[], step: number, playing: boolean): void;
}

export function createCaption(): CaptionView {
  const root = el('div', 'caption');
  root.setAttribute('part', 'caption');
  const sizer = el('div', 'sizer');
  sizer.setAttribute('aria-hidden', 'true');
  const live = el('p', 'live');
  live.setAttribute('aria-live', 'polite');
  // "Packet" is for listeners: the orange chip says it to the eye.
  const said = Object.assign(el('span', 'vh'), { textContent: 'Packet ' });
  const name = el('span', 'name');
  const packet = el('span', 'packet');
  packet.append(said, name);
  const text = el('span', 'text');
  // A drop, a reject or a wait, said before the caption (the card on the stage shows it too).
  const fate = el('strong', 'fate');
  live.append(packet, ' ', fate, text);
  root.append(sizer, live);
  let sized: DerivedStep[] | undefined;

  return {
    root,
    show(steps, step, playing) {
      if (sized !== steps) {
        // Text only ever goes in as textContent: captions come from a fetched file.
        sizer.replaceChildren(
          ...steps.map((s) => {
            const p = el('p', 'line');
            p.append(Object.assign(el('span', 'packet'), { textContent: s.packet }), ' ', narration(s));
            return p;
          }),
        );
        sized = steps;
      }
      live.setAttribute('aria-live', playing ? 'off' : 'polite');
      const s = steps[step];
      name.textContent = s?.packet ?? '';
      packet.hidden = !s?.packet;
      text.textContent = s?.caption ?? '';
      const f = s ? fateText(s) : undefined;
      fate.textContent = f ? `${f}. ` : '';
      fate.hidden = !f;
      fate.classList.toggle('wait', !s?.end);
    },
  };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  return e;
}

/** Autoplay rests on a step as long as its words take to read: the fate (a drop, a wait) and the caption, as the app does. */
export function holdMs(steps: readonly DerivedStep[] | undefined, k: number): number {
  const s = steps?.[k];
  return captionHoldMs(s ? narration(s) : '');
}
