// MAC addresses as the names a student knows them by: a card that says
// `eth pod-a/eth0 → node1/cni0` is read at a glance; `0a:58:0a:f4:01:02` is not.
import type { Scene } from '../scene/model.ts';
import type { MacNames } from './card-content.ts';

export function macNames(scene: Pick<Scene, 'elements'>): MacNames {
  const out: MacNames = {};
  for (const el of Object.values(scene.elements)) if (el.mac && !(el.mac in out)) out[el.mac] = el.id;
  return out;
}
