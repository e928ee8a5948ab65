// Live preview: rebuild a short while after the last keystroke, and drop any
// result that a newer edit has overtaken (layout is async and may finish out of order).

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
  return {
    push(input) {
      const mine = ++seq;
      clearTimeout(timer);
      timer = setTimeout(() => {
        void run(input).then((r) => {
          if (mine === seq) apply(r, input);
        });
      }, delayMs);
    },
    cancel() {
      seq++;
      clearTimeout(timer);
    },
  };
}
