// <kubehop-scene>: one diagram in a blog post. This file wires the pieces
// (loading, drawing through the shared pipeline, controls, caption, keys,
// visibility) and keeps the element's promises to the page:
//   - every instance owns all of its state: several on a page never touch
//     each other (ids are unique, timers and players are per element);
//   - methods work from the moment the element exists, before it has
//     loaded or even joined the page (pending.ts);
//   - nothing animates off screen, and autoplay waits to be seen (playback.ts);
//   - keys act only while focus is inside the element (keys.ts).
// First, where draw.ts's own imports stood: the runtime keeps its module order (some 190 B gzipped).
import { drawShown } from './draw.ts';
import { watchSwipe, type Follow } from '../camera/index.ts';
import type { Player, PlayerState } from '../player/index.ts';
import { OBSERVED, parseFlag, parseSpeed, parseStep, resolveStep } from './attributes.ts';
import type { ShownScene } from './bundle-check.ts';
import { createCaption, holdMs } from './caption.ts';
import { createControls } from './controls.ts';
import { onEmbedKey } from './keys.ts';
import { buildFrame } from './frame.ts';
import { loadSource } from './load.ts';
import { applyControls, applyTheme, fitStage } from './look.ts';
import { mark } from './mark.ts';
import { NOTHING_PENDING, remember, settle, type Call, type Pending } from './pending.ts';
import { Playback } from './playback.ts';
import { createStatus } from './status.ts';
import { applyStyles } from './styles.ts';
import { watchMedia } from './theme.ts';
import { watchVisibility } from './visibility.ts';

export interface StepChangeDetail {
  /** 0-based, like goTo(). */
  step: number;
  count: number;
}

export class KubehopScene extends HTMLElement {
  static get observedAttributes(): string[] {
    return [...OBSERVED];
  }

  readonly #frame: HTMLDivElement;
  readonly #stage: HTMLDivElement;
  readonly #svg: SVGSVGElement;
  readonly #slot: HTMLSlotElement;
  readonly #heading: HTMLAnchorElement;
  readonly #caption = createCaption();
  readonly #status = createStatus();
  /** What the controls' buttons and the keys do. */
  readonly #actions = {
    prev: () => this.prev(),
    next: () => this.next(),
    toggle: () => this.toggle(),
    fullscreen: () => this.#toggleFullscreen(),
    overview: () => this.#toggleOverview(),
  };
  readonly #controls = createControls(this.#actions);

  #player: Player | undefined;
  #shown: ShownScene | undefined;
  #state: PlayerState | undefined;
  #pending: Pending = NOTHING_PENDING;
  readonly #playback = new Playback({
    holdMs: (k) => holdMs(this.#shown?.steps, k),
    loop: () => parseFlag(this.getAttribute('loop')),
  });
  #systemDark = false;
  #reduced = false;
  #load = 0;
  #abort: AbortController | undefined;
  #requested: string | null | undefined;
  #ownLabel = false;
  #stops: (() => void)[] = [];
  /** Follows the packet close enough for legible text (src/camera); O or the button shows the whole scene. */
  #camera: Follow | undefined;
  #overview = false;
  #printing = false;
  #shape: ResizeObserver | undefined;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    applyStyles(root);
    const parts = buildFrame(root, [this.#caption.root, this.#controls.root, this.#status.root]);
    this.#frame = parts.frame;
    this.#stage = parts.stage;
    this.#svg = parts.svg;
    this.#slot = parts.slot;
    this.#heading = parts.heading;
    this.addEventListener('keydown', (e) => onEmbedKey(e, { ...this.#actions, goTo: (n) => this.goTo(n), count: this.#state?.count }));
    watchSwipe(this.#stage, (s) => (s === 'next' ? this.next() : this.prev()));
    this.#stage.addEventListener('click', () => {
      // Without a controls bar, the diagram itself is the play/pause switch (like a video).
      if (this.#controls.root.hidden && this.#player) this.toggle();
    });
  }

  // ---- the public API --------------------------------------------------

  /** The step shown, 0-based (undefined until the scene is drawn). */
  get currentStep(): number | undefined {
    return this.#state?.step;
  }

  /** How many steps the scene has (undefined until it is drawn). */
  get stepCount(): number | undefined {
    return this.#state?.count;
  }

  get playing(): boolean {
    return this.#state?.playing ?? false;
  }

  next(): void {
    this.#move({ call: 'next' }, (p) => p.next());
  }

  prev(): void {
    this.#move({ call: 'prev' }, (p) => p.prev());
  }

  /** Shows step `n` (0-based, like the stepchange event's `detail.step`). */
  goTo(n: number): void {
    this.#move({ call: 'goTo', step: n }, (p) => p.goTo(n));
  }

  play(): void {
    if (!this.#player) return void (this.#pending = remember(this.#pending, { call: 'play' }));
    this.#playback.play();
  }

  pause(): void {
    if (!this.#player) return void (this.#pending = remember(this.#pending, { call: 'pause' }));
    this.#playback.pause();
  }

  toggle(): void {
    const playing = this.#player ? this.#playback.wanted || this.playing : this.#pending.play === true;
    if (playing) this.pause();
    else this.play();
  }

  // ---- lifecycle -------------------------------------------------------

  connectedCallback(): void {
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (!this.hasAttribute('role')) this.setAttribute('role', 'region');
    if (!this.hasAttribute('aria-label') && !this.hasAttribute('aria-labelledby')) this.#ownLabel = true;
    if (this.#ownLabel) this.setAttribute('aria-label', this.#shown?.scene.title ?? 'Diagram');
    this.#stops = [
      watchMedia('(prefers-color-scheme: dark)', (dark) => {
        this.#systemDark = dark;
        this.#applyTheme();
      }),
      watchMedia('(prefers-reduced-motion: reduce)', (reduce) => {
        this.#reduced = reduce;
        this.#playback.command((p) => p.setReducedMotion(reduce));
        this.#playback.sync();
      }),
      watchVisibility(this, (visible) => this.#playback.visible(visible)),
      // Paper cannot follow the packet: it shows the whole scene.
      watchMedia('print', (print) => {
        this.#printing = print;
        this.#camera?.setOverview(this.#overview || print);
      }),
    ];
    this.#applyControls();
    const src = this.getAttribute('src');
    if (src !== this.#requested) void this.#loadFrom(src);
  }

  disconnectedCallback(): void {
    for (const stop of this.#stops) stop();
    this.#stops = [];
    // Out of the page counts as out of sight: nothing plays, nothing is left mid-hop.
    this.#playback.visible(false);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value) return;
    switch (name) {
      case 'src':
        // Before the element is in a page, connectedCallback starts the load.
        if (this.isConnected) void this.#loadFrom(value);
        break;
      case 'step': {
        const ref = parseStep(value);
        if (!this.#player || !this.#state) {
          // The attribute, written last, wins over goTo()/next() calls made before it.
          this.#pending = { ...this.#pending, base: undefined, offset: 0 };
        } else {
          const target = resolveStep(ref, this.#state.count);
          this.#move({ call: 'goTo', step: target }, (p) => p.goTo(target));
        }
        break;
      }
      case 'theme':
        this.#applyTheme();
        break;
      case 'controls':
        this.#applyControls();
        break;
      case 'speed':
        this.#playback.command((p) => p.setSpeed(parseSpeed(value)));
        break;
      case 'autoplay':
        if (this.#player) this.#playback.want(parseFlag(value));
        break;
    }
  }

  // ---- loading and drawing ---------------------------------------------

  async #loadFrom(src: string | null): Promise<void> {
    const token = ++this.#load;
    this.#requested = src;
    this.#abort?.abort();
    this.#teardown();
    if (!src || !src.trim()) {
      return this.#fail('It has no src: set src to a scene bundle (.json) or a scene file (.yaml).', []);
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.#frame.dataset.state = 'loading';
    // A still <img> inside the element already stands in for the diagram.
    this.#status.loadingSoon(() => this.#frame.dataset.state === 'loading' && this.#slot.assignedElements().length === 0);
    let result: Awaited<ReturnType<typeof loadSource>>;
    try {
      result = await loadSource(src, document.baseURI, abort.signal);
    } catch (e) {
      if (token !== this.#load) return;
      result = { ok: false, message: `Could not read ${src}: ${errorText(e)}`, details: [] };
    }
    if (token !== this.#load) return;
    if (!result.ok) return this.#fail(result.message, result.details);
    // Fetched, parsed and checked: bench/embed.ts splits the wait from the drawing here.
    mark('kubehop:fetched', { src });
    this.#draw(result.shown);
  }

  #draw(shown: ShownScene): void {
    const count = shown.steps.length;
    const start = settle(this.#pending, count, parseStep(this.getAttribute('step')), parseFlag(this.getAttribute('autoplay')));
    this.#pending = NOTHING_PENDING;
    // The stage's shape first: the camera reads its size.
    this.#shape = fitStage(this.#stage, this.#frame, shown.geometry, this.#shape);
    let player: Player;
    try {
      ({ player, camera: this.#camera } = drawShown(this.#svg, this.#stage, shown, {
        reducedMotion: this.#reduced,
        speed: parseSpeed(this.getAttribute('speed')),
        initialStep: start.step,
        holdFor: (k) => holdMs(shown.steps, k),
        overview: this.#overview || this.#printing,
        onzoom: () => this.#showCamera(),
      }));
    } catch (e) {
      this.#teardown();
      return this.#fail(`The scene could not be drawn: ${errorText(e)}`, []);
    }
    this.#heading.textContent = shown.scene.title;
    this.#heading.href = `${location.href.split('#')[0]}${this.id && '#' + encodeURIComponent(this.id)}`;
    this.#player = player;
    this.#shown = shown;
    this.#showCamera();
    if (this.#ownLabel) this.setAttribute('aria-label', shown.scene.title);
    this.#status.clear();
    this.#frame.dataset.state = 'ready';
    this.#applyControls();
    player.on('change', (s) => this.#onChange(s));
    this.#onChange(player.state());
    mark('kubehop:drawn', { src: this.#requested });
    this.dispatchEvent(new CustomEvent('load'));
    this.#playback.attach(player, start.play);
    // Predict mode is a chunk of its own: a page without the attribute never fetches it.
    if (parseFlag(this.getAttribute('predict'))) void import('./predict.ts').then((m) => m.startPredict(this, shown, player));
  }

  #fail(message: string, details: string[]): void {
    this.#frame.dataset.state = 'error';
    this.#status.error(message, details);
    if (this.#ownLabel) this.setAttribute('aria-label', 'Diagram (could not be shown)');
    this.dispatchEvent(new CustomEvent('error', { detail: { message, details } }));
  }

  #teardown(): void {
    this.#playback.detach();
    this.#player?.destroy();
    this.#player = undefined;
    this.#camera?.destroy();
    this.#camera = undefined;
    this.#shape?.disconnect();
    this.#shape = undefined;
    this.#shown = undefined;
    this.#state = undefined;
    this.#svg.replaceChildren();
    this.#stage.style.aspectRatio = '';
    this.#status.clear();
    this.#frame.dataset.state = 'empty';
  }

  // ---- playing -----------------------------------------------------------

  #onChange(s: PlayerState): void {
    const before = this.#state;
    this.#state = s;
    this.#controls.update(s);
    // Like the app's: the caption changes when the packet arrives, not when it sets off.
    this.#caption.show(this.#shown?.steps ?? [], s.settled, s.playing);
    Object.assign(this.#frame.dataset, { step: String(s.step), moving: String(s.moving), playing: String(s.playing) });
    if (!before || before.step !== s.step) {
      this.dispatchEvent(new CustomEvent<StepChangeDetail>('stepchange', { detail: { step: s.step, count: s.count } }));
    }
    this.#playback.changed(s);
  }

  #move(call: Call, act: (p: Player) => void): void {
    if (!this.#player) return void (this.#pending = remember(this.#pending, call));
    this.#playback.move(act);
  }

  // ---- input and look ----------------------------------------------------

  #toggleFullscreen(): void {
    const done = document.fullscreenElement === this ? document.exitFullscreen() : this.requestFullscreen?.();
    // Refused (no user gesture, or an iframe without allow="fullscreen"): nothing to report.
    done?.catch(() => {});
  }

  #toggleOverview(): void {
    this.#overview = !this.#overview;
    this.#camera?.setOverview(this.#overview || this.#printing);
    this.#showCamera();
  }

  #showCamera(): void {
    this.#controls.camera(this.#camera?.zooms ?? false, this.#overview);
  }

  #applyTheme(): void {
    applyTheme(this.#frame, this.getAttribute('theme'), this.#systemDark);
  }

  #applyControls(): void {
    applyControls(this.#controls.root, this.#frame, this.#stage, this.getAttribute('controls'), !!this.#player);
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
