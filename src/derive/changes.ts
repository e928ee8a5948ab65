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

/**
 * The tunnel layers a decap removed: those of `before` that no longer line up
 * with `after` from the inside. Routing into a layer-3 device (tunl0) also
 * drops the Ethernet header, but unwraps nothing: the card and the inspector
 * show that as a stack with no Ethernet layer, not as a struck tunnel band.
 */
export function removedHeaders(before: Header[], after: Header[]): Header[] {
  const extra = before.length - after.length;
  if (extra <= 0) return [];
  const innerSame = after.every((h, k) => h.layer === before[extra + k]!.layer);
  const gone = before.slice(0, extra);
  return innerSame && gone.some((h) => h.layer === 'vxlan' || h.layer === 'ipip') ? gone : [];
}
