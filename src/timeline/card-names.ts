// MAC addresses as the names a student knows them by: a card that says
// `eth pod-a/eth0 → node1/cni0` is read at a glance; `0a:58:0a:f4:01:02` is not.
import type { Scene } from '../scene/model.ts';
import type { MacNames } from './card-content.ts';

export function macNames(scene: Pick<Scene, 'elements'>): MacNames {
  const owners = new Map<string, string[]>();
  for (const el of Object.values(scene.elements)) if (el.mac) owners.set(el.mac, [...(owners.get(el.mac) ?? []), el.id]);
  const out: MacNames = {};
  // A MAC several devices share (Calico gives every cali veth ee:ee:ee:ee:ee:ee) names none of them: it is shown as it is.
  for (const [mac, ids] of owners) if (ids.length === 1) out[mac] = ids[0]!;
  return out;
}
