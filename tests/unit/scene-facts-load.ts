// What the scene-facts tests share: a bundled scene built as the app builds it,
// with its elements' addresses at hand, and a header of a step by layer.
import { readFileSync } from 'node:fs';
import { checkScene } from '../../src/pipeline.ts';
import type { Header } from '../../src/scene/model.ts';
import type { DerivedStep } from '../../src/derive/types.ts';

export function load(name: string) {
  const r = checkScene(readFileSync(`scenes/${name}.yaml`, 'utf8'), name);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  const mac = (id: string) => r.scene.elements[id]!.mac!;
  const ip = (id: string) => r.scene.elements[id]!.ip!.split('/')[0]!;
  return { ...r, mac, ip };
}

/** The outermost header of a layer. */
export function first<L extends Header['layer']>(s: DerivedStep, layer: L): Extract<Header, { layer: L }> {
  return s.headers.find((h) => h.layer === layer) as Extract<Header, { layer: L }>;
}
