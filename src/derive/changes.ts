// What a step changed, so the inspector can point at it. Stacks are compared
// from the innermost layer outwards: encapsulation adds and removes layers on
// the outside, and the inner packet must line up with itself across it.
import type { Header } from '../scene/model.ts';
import type { Change } from './types.ts';

export function diffHeaders(before: Header[], after: Header[]): Change[] {
  const changes: Change[] = [];
  for (let k = 1; k <= after.length; k++) {
    const layer = after.length - k;
    const now = after[layer]!;
    const then = before[before.length - k];
    if (!then || then.layer !== now.layer) {
      changes.push({ layer });
      continue;
    }
    const fields = new Set([...Object.keys(then), ...Object.keys(now)]);
    for (const f of fields) {
      if (f === 'layer') continue;
      const a = (then as unknown as Record<string, unknown>)[f];
      const b = (now as unknown as Record<string, unknown>)[f];
      if (JSON.stringify(a) !== JSON.stringify(b)) changes.push(a === undefined ? { layer, field: f } : { layer, field: f, was: a });
    }
  }
  return changes.sort((x, y) => x.layer - y.layer);
}

/** The outer layers a step removed: those of `before` that no longer line up with `after` from the inside. */
export function removedHeaders(before: Header[], after: Header[]): Header[] {
  const extra = before.length - after.length;
  if (extra <= 0) return [];
  const innerSame = after.every((h, k) => h.layer === before[extra + k]!.layer);
  return innerSame ? before.slice(0, extra) : [];
}
