// Shared by the verify tests: a bundled scene (or fixture) checked, and its recorded captures.
import { readFileSync, readdirSync } from 'node:fs';
import { checkScene } from '../../src/pipeline.ts';
import type { Scene } from '../../src/scene/model.ts';
import type { DerivedStep } from '../../src/derive/types.ts';
import { decodeCaptures } from '../../src/verify/verify.ts';
import type { Captured } from '../../src/verify/types.ts';

export function checked(file: string): { scene: Scene; steps: DerivedStep[] } {
  const c = checkScene(readFileSync(file, 'utf8'), file);
  if (!c.ok) throw new Error(`${file}: ${c.diagnostics.map((d) => d.message).join('; ')}`);
  return { scene: c.scene, steps: c.steps };
}

/** The captures tests/fixtures/verify/record.ts kept from a real run, by device id. */
export function recorded(sceneId: string, vxlanPorts: number[] = []): Captured {
  const dir = `tests/fixtures/verify/${sceneId}`;
  const pcaps: Record<string, Uint8Array> = {};
  for (const f of readdirSync(dir)) pcaps[f.replace(/\.pcap$/, '').replace('_', '/')] = new Uint8Array(readFileSync(`${dir}/${f}`));
  return decodeCaptures(pcaps, vxlanPorts);
}
