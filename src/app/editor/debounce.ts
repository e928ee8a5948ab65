// Live preview: rebuild a short while after the last keystroke, and drop any
// result that a newer edit has overtaken (layout is async and may finish out of order).
// One run at a time: builds share one worker thread, where two would take turns
// and both finish late; a text asked for meanwhile waits, and only the newest
// of those is built once the running one ends.

export interface Latest<T> {
  /** Schedule a run for this input; earlier pending runs are cancelled. */
  push(input: string): void;
  cancel(): void;
}

export function latest<T>(
  run: (input: string) => Promise<T>,
  apply: (result: T, input: string) => void,
  delayMs = 300,
): Latest<T> {
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let waiting: { input: string; mine: number } | undefined;

  function start(input: string, mine: number): void {
    running = true;
    void run(input)
      .then((r) => {
        if (mine === seq) apply(r, input);
      })
      .finally(() => {
        running = false;
        const next = waiting;
        waiting = undefined;
        if (next && next.mine === seq) start(next.input, next.mine);
      });
  }

  return {
    push(input) {
      const mine = ++seq;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (running) waiting = { input, mine };
        else start(input, mine);
      }, delayMs);
    },
    cancel() {
      seq++;
      waiting = undefined;
      clearTimeout(timer);
    },
  };
}
