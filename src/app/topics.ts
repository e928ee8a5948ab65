// Scenes grouped by their `topic:` for the picker. Pure, so the grouping is
// the same wherever a list of scenes is shown.

/** Topics a reader meets in this order: pods talk first, then Services, then names, then what breaks. */
const LEARNING_ORDER = ['pod networking', 'services', 'dns', 'troubleshooting'];
/** Words a plain capital letter would get wrong. */
const LABELS: Record<string, string> = { dns: 'DNS' };
export const NO_TOPIC = 'Other';

export interface SceneGroup<T> {
  topic: string;
  label: string;
  scenes: T[];
}

/**
 * Known topics in learning order, other topics alphabetically, scenes without
 * one last. Within a topic, scenes follow their `order:` (a path through the
 * topic: same-node before cross-node), then id; a scene without one comes after.
 */
export function groupByTopic<T extends { id: string; topic?: string; order?: number }>(scenes: T[]): SceneGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const s of scenes) {
    const topic = s.topic?.trim().toLowerCase() || NO_TOPIC;
    groups.set(topic, [...(groups.get(topic) ?? []), s]);
  }
  const rank = (t: string): number => {
    const i = LEARNING_ORDER.indexOf(t);
    return i >= 0 ? i : t === NO_TOPIC ? Infinity : LEARNING_ORDER.length;
  };
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([topic, list]) => ({ topic, label: label(topic), scenes: [...list].sort(byOrder) }));
}

function byOrder(a: { id: string; order?: number }, b: { id: string; order?: number }): number {
  const rank = (o: number | undefined): number => (o !== undefined && Number.isFinite(o) ? o : Infinity);
  const d = rank(a.order) - rank(b.order);
  return d !== 0 && !Number.isNaN(d) ? d : a.id.localeCompare(b.id);
}

function label(topic: string): string {
  return LABELS[topic] ?? topic.charAt(0).toUpperCase() + topic.slice(1);
}

/** One journey a packet makes, and the machinery each scene makes it with. */
export interface Journey {
  id: string;
  label: string;
  scenes: { id: string; by: string }[];
}

/**
 * Scenes that show the same journey by different machinery, in the order a
 * course compares them: the same ping across nodes by four routing modes,
 * the same connection to a ClusterIP by three Service implementations.
 */
const JOURNEYS: Journey[] = [
  {
    id: 'pod-to-pod-across-nodes',
    label: 'Pod to pod across nodes',
    scenes: [
      { id: 'cross-node-vxlan', by: 'Flannel VXLAN' },
      { id: 'flannel-host-gw', by: 'Flannel host-gw' },
      { id: 'calico-bgp', by: 'Calico BGP' },
      { id: 'calico-ipip', by: 'Calico IP-in-IP' },
    ],
  },
  {
    id: 'connect-to-clusterip',
    label: 'A connection to a ClusterIP',
    scenes: [
      { id: 'clusterip-dnat', by: 'kube-proxy iptables' },
      { id: 'clusterip-ipvs', by: 'kube-proxy IPVS' },
      { id: 'cilium-socket-lb', by: 'Cilium socket LB' },
    ],
  },
];

/** The journeys among the scenes there are: a journey needs two of them to compare. */
export function journeys(present: ReadonlySet<string>): Journey[] {
  return JOURNEYS.map((j) => ({ ...j, scenes: j.scenes.filter((s) => present.has(s.id)) })).filter((j) => j.scenes.length >= 2);
}
