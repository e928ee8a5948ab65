// Performance marks the benchmarks read (bench/embed.ts, bench/startup.ts):
// kubehop:module, kubehop:fetched, kubehop:drawn.

/** A performance mark; never worth an exception where the API is missing. */
export function mark(name: string, detail?: unknown): void {
  try {
    performance.mark(name, { detail });
  } catch {
    // No User Timing here: nothing to measure with.
  }
}
