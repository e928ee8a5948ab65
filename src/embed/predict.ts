// <kubehop-scene predict>: the quiz of predict mode inside the element. A
// chunk of its own, imported only when the attribute is there, so a page
// that just shows a scene downloads none of it (the runtime's budget).
//
// Before each hop that has a question (src/quiz), the panel under the diagram
// asks it; the answer plays the hop, then says right or wrong with the
// step's caption (or the scene's explanation) and waits for Continue. Next
// never skips an open question: it moves the focus to its choices, and Play
// does nothing (it would skip them). Answers live in the element alone, as
// all its state does (two embeds of one scene on a page are two quizzes); a
// reload starts over.
//
// The element only imports this module; everything else happens here, on the
// element's own next(), play() and goTo() (the keys, buttons and swipes call them)
// and on the player's changes, so the runtime every page loads stays as it was.
import type { Player, PlayerState } from '../player/index.ts';
import type { KubehopScene } from './element.ts';
import type { Question } from '../quiz/types.ts';
import type { ShownScene } from './bundle-check.ts';
import { questionsByStep, quizPlan } from '../quiz/generate.ts';
import { choiceLabel, scoreOf } from '../quiz/score.ts';
import { narration } from '../derive/trace.ts';

const CSS = `
.predict { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em 0.6em; padding: 0.55em 0.9em; border-top: 2px solid var(--kh-ui-focus); font-size: 0.95em; }
.predict p { margin: 0; flex: 1 1 100%; }
.predict .q { font-weight: 600; }
.predict .choices { display: flex; flex-wrap: wrap; gap: 0.35em; flex: 1 1 100%; }
.predict .choices button { height: auto; min-height: 2.25em; text-align: left; font: 0.85em/1.35 ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; }
.predict .verdict { font-weight: 600; }
.predict .verdict.wrong { color: var(--kh-ui-error); }
.predict .muted { color: var(--kh-ui-muted); }
.predict .go { background: var(--kh-ui-focus); color: var(--kh-ui-bg); border-color: var(--kh-ui-focus); }
`;

/** Adds the quiz panel above the caption of `host`, which shows `shown` with `player`; gone when the element loads another scene. */
export function startPredict(host: KubehopScene, shown: ShownScene, player: Player): void {
  const root = host.shadowRoot!;
  const own = Object.getPrototypeOf(host) as KubehopScene;
  const step = (): void => own.next.call(host);
  const plan = quizPlan(questionsByStep(shown.scene, shown.steps));
  const answers = new Map<string, string>();
  let revealed: number | undefined;
  let state = player.state();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const panel = el('section', 'predict');
  panel.setAttribute('aria-label', 'Predict the hop');
  panel.setAttribute('part', 'predict');
  // Always in the panel, so each verdict is spoken when it is written.
  const status = el('p', 'vh');
  status.setAttribute('role', 'status');
  root.querySelector('[part="caption"]')?.before(panel);

  const asking = (): Question | undefined => {
    const q = plan.get(state.settled + 1);
    return q && !answers.has(q.id) && revealed === undefined && !state.moving ? q : undefined;
  };

  const answer = (q: Question, id: string): void => {
    answers.set(q.id, id);
    revealed = q.step;
    const right = id === q.answer;
    status.textContent = right ? `Right: ${choiceLabel(q, q.answer)}.` : `Not quite: it is ${choiceLabel(q, q.answer)} (you said ${choiceLabel(q, id)}).`;
    step();
    draw();
  };

  const carryOn = (): void => {
    revealed = undefined;
    if (!asking()) step();
    draw(true);
  };

  function draw(focus = false): void {
    const parts: Node[] = [];
    const q = asking();
    const shownAnswer = revealed === state.settled && !state.moving ? plan.get(revealed) : undefined;
    if (q) {
      parts.push(text('p', 'q', q.prompt));
      const group = el('div', 'choices');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', q.prompt);
      for (const c of q.choices) group.append(button(c.label, () => answer(q, c.id)));
      parts.push(group);
    } else if (revealed !== undefined && !shownAnswer) {
      parts.push(text('p', 'q', 'Watch the hop…'));
    } else if (shownAnswer) {
      const given = answers.get(shownAnswer.id)!;
      const right = given === shownAnswer.answer;
      parts.push(text('p', `verdict ${right ? 'right' : 'wrong'}`, `${right ? '✓' : '✗'} ${status.textContent}`));
      const why = shownAnswer.explanation;
      if (why !== narration(shown.steps[shownAnswer.step]!)) parts.push(text('p', 'muted', why));
      parts.push(button('Continue ▶', carryOn, 'go'));
    } else if (state.settled >= state.count - 1) {
      const s = scoreOf(plan, answers);
      parts.push(text('p', 'q', `You got ${s.right} of ${s.answered} right.`));
      if (s.missed.length > 0) parts.push(text('p', 'muted', `Missed: ${s.missed.map((m) => `step ${m.step + 1}`).join(', ')}.`));
      parts.push(
        button('Start over', () => {
          answers.clear();
          status.textContent = '';
          player.goTo(0);
        }),
      );
    } else {
      parts.push(text('p', 'muted', plan.has(state.settled + 1) ? 'You have answered this one already.' : 'Nothing to predict for this hop.'));
    }
    const had = panel.contains(root.activeElement);
    panel.replaceChildren(...parts, status);
    // The pressed button is gone: focus goes to what replaced it, never back to the page.
    if (had || focus) (panel.querySelector('button') ?? (root.host as HTMLElement)).focus();
  }

  host.next = () => {
    if (asking()) panel.querySelector<HTMLElement>('.choices button')?.focus();
    else if (revealed !== undefined) carryOn();
    else step();
  };
  host.play = () => {};
  // End, or a goTo forward, stops before the first hop whose question is not answered, as Next does.
  host.goTo = (n: number) => {
    let to = n;
    for (let k = state.settled + 1; k <= Math.min(n, state.count - 1); k++) {
      const q = plan.get(k);
      if (q && !answers.has(q.id)) {
        to = k - 1;
        break;
      }
    }
    if (to === state.settled && to !== n) panel.querySelector<HTMLElement>('.choices button')?.focus();
    else own.goTo.call(host, to);
  };
  // Autoplay waits a caption's reading time before it starts: this stops it first.
  host.pause();
  const off = player.on('change', (s) => {
    const moved = s.settled !== state.settled || s.moving !== state.moving;
    state = s;
    // Stepped away from the answer shown (Prev, a goTo): it is put away. On its way to it, it stays.
    if (revealed !== undefined && s.step !== revealed && !s.moving) revealed = undefined;
    if (moved) draw();
  });
  const stop = (): void => {
    off();
    panel.remove();
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((x) => x !== sheet);
    delete (host as Partial<KubehopScene>).next;
    delete (host as Partial<KubehopScene>).play;
    delete (host as Partial<KubehopScene>).goTo;
  };
  // Another scene (a new src) brings its own quiz, or none.
  host.addEventListener('load', stop, { once: true });
  host.addEventListener('error', stop, { once: true });
  draw();
}

function el(tag: string, cls: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = cls;
  return e;
}

/** Scene text goes in as textContent only: it comes from a fetched file. */
function text(tag: string, cls: string, content: string): HTMLElement {
  const e = el(tag, cls);
  e.textContent = content;
  return e;
}

function button(label: string, onclick: () => void, cls = ''): HTMLButtonElement {
  const b = text('button', cls, label) as HTMLButtonElement;
  b.type = 'button';
  b.onclick = onclick;
  return b;
}
