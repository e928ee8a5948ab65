// A scene of n steps owns n − 1 fragments on its slide: step k is on screen
// when the first k are shown. reveal.js shows a slide's fragments in the
// order of their data-fragment-index, all those up to the current index, so
// the step follows from how many of the scene's fragments are shown, and a
// step maps back to the fragment index that shows exactly that many.

/** The step (0-based) that `shown` (one entry per fragment, in step order) stands for. */
export function stepOf(shown: readonly boolean[]): number {
  let k = 0;
  while (k < shown.length && shown[k]) k++;
  return k;
}

/**
 * The fragment index to give reveal.js so that the scene shows `step`:
 * `indices[k − 1]` is the data-fragment-index of step k's fragment. Step 0 is
 * the index just before the first fragment's (-1 on a slide with no other
 * fragments: none shown). Undefined for a scene of one step (no fragments).
 */
export function fragmentIndexFor(indices: readonly number[], step: number): number | undefined {
  const first = indices[0];
  if (first === undefined) return undefined;
  const k = Math.max(0, Math.min(Math.trunc(step) || 0, indices.length));
  return k === 0 ? first - 1 : indices[k - 1];
}
