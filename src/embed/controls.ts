// The controls bar: Prev, Play/Pause, Next, "Step k of n", and full screen.
// Plain DOM (no framework in the embed: every kilobyte is the blogger's).
// The counter is 1-based, like the app's links and the `step` attribute.
import type { PlayerState } from '../player/index.ts';

export interface ControlActions {
  prev(): void;
  toggle(): void;
  next(): void;
  fullscreen(): void;
  overview(): void;
}

export interface ControlsView {
  root: HTMLElement;
  update(s: PlayerState): void;
  /** The whole-scene switch: shown only while the camera zooms in (or the overview is on). */
  camera(zooms: boolean, overview: boolean): void;
}

export function createControls(act: ControlActions): ControlsView {
  const root = document.createElement('div');
  root.className = 'controls';
  root.setAttribute('part', 'controls');
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', 'Step controls');
  // Names start with the visible word (WCAG 2.5.3, label in name), as in the app.
  const prev = button('prev', '◀ Prev', 'Prev step', act.prev);
  const play = button('play', '▶ Play', 'Play', act.toggle);
  const next = button('next', 'Next ▶', 'Next step', act.next);
  const counter = document.createElement('span');
  counter.className = 'counter';
  const spacer = document.createElement('span');
  spacer.className = 'spacer';
  const whole = button('overview', 'Whole scene', 'Whole scene', act.overview);
  whole.setAttribute('aria-pressed', 'false');
  whole.hidden = true;
  const full = button('full', '', 'Full screen', act.fullscreen);
  full.append(cornersIcon());
  // In an iframe without allow="fullscreen" the button could only fail.
  full.hidden = !document.fullscreenEnabled;
  root.append(prev, play, next, counter, spacer, whole, full);

  return {
    root,
    update(s) {
      const last = Math.max(0, s.count - 1);
      // aria-disabled, not disabled: a disabled button drops focus to the page, and
      // the keys would stop reaching this element mid-walk. A click on one is a no-op anyway.
      off(prev, s.step <= 0);
      off(next, s.step >= last);
      off(play, s.reducedMotion || s.count < 2);
      play.textContent = s.playing ? '❚❚ Pause' : '▶ Play';
      const label = s.reducedMotion ? 'Play (off: reduced motion is on)' : s.playing ? 'Pause' : 'Play';
      play.setAttribute('aria-label', label);
      play.title = label;
      counter.textContent = `Step ${s.count ? s.step + 1 : 0} of ${s.count}`;
    },
    camera(zooms, overview) {
      whole.hidden = !zooms && !overview;
      whole.setAttribute('aria-pressed', String(overview));
    },
  };
}

/** Four corners, drawn: the ⛶ character is missing from most fonts. */
function cornersIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M3 8V3h5M12 3h5v5M17 12v5h-5M8 17H3v-5');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '2');
  svg.append(path);
  return svg;
}

function off(b: HTMLButtonElement, disabled: boolean): void {
  if (disabled) b.setAttribute('aria-disabled', 'true');
  else b.removeAttribute('aria-disabled');
}

function button(cls: string, text: string, label: string, onclick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = cls;
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.setAttribute('part', `button ${cls}`);
  b.title = label;
  b.addEventListener('click', onclick);
  return b;
}
