// V8 needs some forty layouts before it has optimised elkjs: a fresh worker
// lays clusterip-dnat out in about 200 ms, a practised one in about 65
// (docs/layout.md, "Speed"). The editor asks for layouts again and again, so
// its worker spends its idle time laying out the scene being edited, a
// bounded number of times, until it is fast. A build that comes in waits for
// at most the one practice layout under way. Pages that build once (a YAML
// embed) never ask for it.
import type { Scene } from '../scene/model.ts';

/** Practice layouts per worker, in all: past this, more bring no speed. */
export const PRACTICE_LAYOUTS = 40;
/** Quiet time after a build before practice starts: the author may still be typing. */
const IDLE_MS = 800;

let done = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Stops any practice planned: a build has come in. */
export function stopPractice(): void {
  clearTimeout(timer);
  timer = undefined;
}

/** Lays `scene` out in the idle time to come, one layout per task, until the budget is spent. */
export function practise(scene: Scene, afterEach: () => void): void {
  stopPractice();
  const next = (wait: number): void => {
    if (done >= PRACTICE_LAYOUTS) return;
    timer = setTimeout(async () => {
      done++;
      const [{ layoutScene }, { elkMemo }] = await Promise.all([import('../layout/layout.ts'), import('../layout/elk-memo.ts')]);
      // From ELK itself: the memo would answer without running it, and teach V8 nothing.
      elkMemo.enabled = false;
      try {
        await layoutScene(scene);
      } catch {
        // A scene that built a moment ago lays out again; if not, the next build says why.
      } finally {
        elkMemo.enabled = true;
        afterEach();
      }
      if (timer !== undefined) next(0);
    }, wait);
  };
  next(IDLE_MS);
}

/** How many practice layouts this worker has run (tests). */
export function practised(): number {
  return done;
}
