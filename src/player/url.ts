// Deep links: `#/<scene-id>/<k>` (issue 4), k 1-based.
//
// k is the number people see: `#/same-node-bridge/8` is the page that says
// "Step 8 of 20" (index 7 in the steps array, label `step-7` in the
// timeline). Links are written for and read by people, so they match the
// visible counter rather than the array index. Links of the first format,
// `#<scene-id>/step-<k>`, still open the same step: they are out there.

export interface HashTarget {
  scene: string;
  /** 0-based step index, when the hash names a step. */
  step?: number;
}

const ID = '[A-Za-z0-9][\\w.-]*';
const CURRENT = new RegExp(`^/(${ID})(?:/(\\d+))?/?$`);
const FIRST_FORMAT = new RegExp(`^(${ID})(?:/step-(\\d+))?/?$`);

export function parseHash(hash: string): HashTarget | undefined {
  let text = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    text = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  const m = CURRENT.exec(text) ?? FIRST_FORMAT.exec(text);
  if (!m) return undefined;
  const scene = m[1]!;
  if (m[2] === undefined) return { scene };
  return { scene, step: Math.max(0, Number(m[2]) - 1) };
}

export function formatHash(scene: string, step: number): string {
  return `#/${encodeURIComponent(scene)}/${Math.max(0, Math.floor(step)) + 1}`;
}
