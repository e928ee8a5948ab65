// Deep links: `#<scene-id>/step-<k>`.
//
// k is 1-based, the number people see: `#same-node-bridge/step-8` is the page
// that says "Step 8 of 20" (index 7 in the steps array and label `step-7` in
// the timeline). Links are written for and read by people, so they match the
// visible counter rather than the array index.

export interface HashTarget {
  scene: string;
  /** 0-based step index, when the hash names a step. */
  step?: number;
}

export function parseHash(hash: string): HashTarget | undefined {
  let text = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    text = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  const m = /^([A-Za-z0-9][\w.-]*)(?:\/step-(\d+))?\/?$/.exec(text);
  if (!m) return undefined;
  const scene = m[1]!;
  if (m[2] === undefined) return { scene };
  return { scene, step: Math.max(0, Number(m[2]) - 1) };
}

export function formatHash(scene: string, step: number): string {
  return `#${encodeURIComponent(scene)}/step-${Math.max(0, Math.floor(step)) + 1}`;
}
