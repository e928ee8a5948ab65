// The scenes the gallery offers to compare: one journey by different machinery.
export interface ComparePair {
  a: string;
  b: string;
  /** What the comparison shows, for the gallery's link. */
  contrast: string;
}

export const COMPARE_PAIRS: readonly ComparePair[] = [
  { a: 'cross-node-vxlan', b: 'calico-bgp', contrast: 'a VXLAN tunnel against native routing' },
  { a: 'cross-node-vxlan', b: 'flannel-host-gw', contrast: "Flannel's VXLAN against its host-gw routes" },
  { a: 'cross-node-vxlan', b: 'calico-ipip', contrast: 'VXLAN against IP-in-IP' },
  { a: 'nodeport', b: 'nodeport-local', contrast: 'externalTrafficPolicy Cluster against Local' },
  { a: 'clusterip-dnat', b: 'clusterip-same-node', contrast: 'an endpoint on another node against one on the same node' },
  { a: 'clusterip-dnat', b: 'clusterip-ipvs', contrast: "kube-proxy's iptables mode against its IPVS mode" },
  { a: 'clusterip-dnat', b: 'cilium-socket-lb', contrast: "kube-proxy's DNAT on the way against Cilium's at the socket" },
];

/** The scenes a scene can be compared with, each with its pair. */
export function partnersOf(id: string): { other: string; pair: ComparePair }[] {
  return COMPARE_PAIRS.flatMap((pair) => (pair.a === id ? [{ other: pair.b, pair }] : pair.b === id ? [{ other: pair.a, pair }] : []));
}

export function compareHash(a: string, b: string): string {
  return `#/compare/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
}
