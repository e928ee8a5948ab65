// The ids a scene's references may name, for completion: what the last good
// build resolved (qualified element ids, table rows, packets), and the names
// written in the current text (which may not build yet).
import type { Scene } from '../../scene/model.ts';

export interface Ids {
  elements: string[];
  rows: string[];
  packets: string[];
}

const uniq = (xs: string[]): string[] => [...new Set(xs)].sort();

export function idsOf(text: string, scene?: Scene): Ids {
  const names = [...text.matchAll(/^[\s-]*name:\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*$/gm)].map((m) => m[1]!);
  const packets = [...text.matchAll(/^\s*-\s*id:\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*$/gm)].map((m) => m[1]!);
  // A reject's answer is a packet too, named where the reject is written.
  const answers = [...text.matchAll(/\banswer:\s*([A-Za-z0-9][A-Za-z0-9._-]*)/g)].map((m) => m[1]!);
  const els = scene ? Object.values(scene.elements) : [];
  return {
    elements: uniq([...els.map((e) => e.id), ...names]),
    rows: uniq(els.flatMap((e) => (e.rows ?? []).map((r) => `${e.id}#${r.id}`))),
    packets: uniq([...(scene?.packets.map((p) => p.id) ?? []), ...packets, ...answers]),
  };
}
