/** "did you mean" for a misspelt key or id: the closest candidate within a small edit distance. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  // Allow roughly one typo per three characters; beyond that a guess misleads more than it helps.
  const limit = Math.max(2, Math.floor(word.length / 3));
  // Nobody mistypes a name this long, and comparing two long strings takes the product of their lengths.
  if (word.length > 100) return undefined;
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    // The lengths alone rule a candidate out (and keep the cost small when one is long).
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  return bestDist <= limit ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : ` (did you mean '${c}'?)`;
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
