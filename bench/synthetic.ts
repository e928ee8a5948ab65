// Synthetic large scenes: the largest bundled scene's elements and links
// copied N times, every container (node, pod, external) renamed per copy
// (`node1` → `node1-c2`), the copies side by side and unconnected. The packet
// and its steps stay on the first copy, so the result is an ordinary scene
// that checkScene accepts (apart from the size limits, which run.ts reports).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadScene } from '../src/scene/load.ts';

type Json = Record<string, unknown>;

/** The bundled scene with the most elements (then links): the one the brief calls "the largest". */
export function largestScene(dir = 'scenes'): { id: string; file: string; elements: number; links: number; steps: number } {
  let best: ReturnType<typeof largestScene> | undefined;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const loaded = loadScene(readFileSync(join(dir, f), 'utf8'), `${dir}/${f}`);
    if (!loaded.ok) continue;
    const s = loaded.scene;
    const c = { id: s.id, file: join(dir, f), elements: Object.keys(s.elements).length, links: s.links.length, steps: s.steps.length };
    if (!best || c.elements > best.elements || (c.elements === best.elements && c.links > best.links)) best = c;
  }
  if (!best) throw new Error(`no loadable scene in ${dir}`);
  return best;
}

const CONTAINERS = new Set(['node', 'pod', 'external']);

function containerNames(elements: Json[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (CONTAINERS.has(String(e.kind))) into.add(String(e.name));
    if (Array.isArray(e.contains)) containerNames(e.contains as Json[], into);
  }
  return into;
}

function renameElements(elements: Json[], rename: (n: string) => string): Json[] {
  return elements.map((e) => ({
    ...e,
    ...(CONTAINERS.has(String(e.kind)) ? { name: rename(String(e.name)) } : {}),
    ...(Array.isArray(e.contains) ? { contains: renameElements(e.contains as Json[], rename) } : {}),
  }));
}

/** `pod-a/eth0`, `node1/routes#node2`: renames the container segments only. */
function renameRef(ref: string, names: Set<string>, rename: (n: string) => string): string {
  return ref.replace(/[^/#]+/g, (seg) => (names.has(seg) ? rename(seg) : seg));
}

/** The YAML of a scene made of `copies` copies of the scene in `text`. */
export function multiplyScene(text: string, copies: number): string {
  const doc = parse(text) as Json;
  const elements = doc.elements as Json[];
  const links = (doc.links as Json[]) ?? [];
  const names = containerNames(elements);
  const allElements: Json[] = [...elements];
  const allLinks: Json[] = [...links];
  for (let k = 2; k <= copies; k++) {
    const rename = (n: string): string => `${n}-c${k}`;
    allElements.push(...renameElements(elements, rename));
    for (const l of links) {
      allLinks.push({ ...l, between: (l.between as string[]).map((r) => renameRef(r, names, rename)) });
    }
  }
  const scene = { ...doc, id: `${String(doc.id)}-x${copies}`, title: `${String(doc.title)} (×${copies})`, elements: allElements, links: allLinks };
  // No anchors: a scene may hold only a few aliases (src/scene/limits.ts).
  return stringify(scene, { aliasDuplicateObjects: false });
}
