// A host outside the cluster (a scene's `external` with an address, wired to
// a node's NIC) becomes a namespace of its own holding one NIC, eth0, with
// the scene's MAC and address. Its prefix length is the LAN's, read from the
// NIC it is wired to, so it reaches the node without a route the scene does
// not draw.
import type { Scene, SceneElement } from '../scene/model.ts';
import { contains } from './table-commands.ts';

export function withHosts(scene: Scene): Scene {
  const elements: Record<string, SceneElement> = { ...scene.elements };
  for (const e of Object.values(scene.elements)) {
    if (e.kind !== 'external' || !e.ip || e.parent) continue;
    const peers = scene.links.filter((l) => l.kind === 'wire' && (l.a === e.id || l.b === e.id)).map((l) => scene.elements[l.a === e.id ? l.b : l.a]);
    const lan = peers.find((p) => p?.ip?.includes('/') && contains(p.ip, e.ip!))?.ip;
    if (peers.length !== 1 || !lan) continue;
    const ip = e.ip.includes('/') ? e.ip : `${e.ip}/${lan.split('/')[1]}`;
    elements[e.id] = { ...e, kind: 'device', type: 'nic', name: 'eth0', ip };
  }
  return { ...scene, elements };
}
