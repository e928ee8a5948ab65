// The resolved scene: what `validate` hands to every later stage.
// Plain data only (JSON-serialisable), so any stage can be tested alone.

/** Where something was written in a scene file (1-based line and column). */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

export type ElementKind = 'node' | 'pod' | 'device' | 'process' | 'table' | 'external' | 'service';

/** veth: one end of a veth pair; nic: a machine's physical interface (eth0). */
export type DeviceType = 'veth' | 'bridge' | 'vxlan' | 'ipip' | 'nic' | 'loopback' | 'dummy';

export type TableType =
  | 'routes'
  | 'iptables'
  | 'conntrack'
  | 'fdb'
  | 'neigh'
  | 'resolv'
  | 'corefile'
  | 'bgp'
  | 'ipvs'
  /** A resolver's cache (CoreDNS's cache plugin): answers kept for their TTL. */
  | 'cache'
  /** A BPF map an eBPF program looks up (Cilium's service and backend maps). */
  | 'bpf'
  /** A file or directory on the node, line by line (a CNI conflist, host-local's allocations). */
  | 'file';

export interface TableRow {
  /** Stable id used by step highlights (`node1/fdb#pod-b`); the row's index when not given. */
  id: string;
  text: string;
  /** `initially: absent`: not in the table until a step adds it. */
  absent?: boolean;
  /**
   * Every text a step changes the row to, first use first (never `text`
   * itself): the layout sizes the row for the longest, so it never grows.
   */
  later?: string[];
}

export interface SceneElement {
  /**
   * Qualified id. Nodes, pods, externals and services are named globally
   * (`node1`, `pod-a`); devices, processes and tables are named inside their
   * nearest node or pod, like the kernel names them (`pod-a/eth0`, `node1/cni0`).
   */
  id: string;
  /** The name as written in the file (`eth0`). */
  name: string;
  kind: ElementKind;
  /** Device type or table type; undefined for other kinds. */
  type?: DeviceType | TableType;
  /** Display lines, e.g. ['cni0 (bridge)', '10.244.1.1/24']. Untrusted text. */
  label: string[];
  /** Qualified id of the enclosing element, if any. */
  parent?: string;
  /** Qualified ids of contained elements, in file order (layout respects it). */
  children: string[];
  /** IPv4 address, with prefix length when the file gives one (`10.244.1.2/24`). */
  ip?: string;
  mac?: string;
  /** Devices without a link-layer header (every ipip device, or `layer3: true`): no MAC, and routing into one adds no Ethernet header. */
  layer3?: boolean;
  /**
   * Row of the node's drawing, from the top (pods 0 … NIC 4). Derived from the
   * type unless the file sets it. Tables take the row of the device they sit beside.
   */
  row?: number;
  /** Tables: the qualified id of the device the table sits beside. */
  beside?: string;
  rows?: TableRow[];
  /** Tables: some step adds, removes or changes a row (the layout leaves room for the marker that says so). */
  live?: boolean;
  /** Services: `ip: None` — no ClusterIP; DNS answers with the endpoints' own addresses. */
  headless?: boolean;
  /** Services: the ready pods behind it, when the file lists them (empty: no endpoints). */
  endpoints?: string[];
  pos: SourcePos;
}

/** `shortcut`: several hops drawn as one line, shown in full in another scene; invariants are not checked across it. */
export type LinkKind = 'veth' | 'bridge-port' | 'wire' | 'tunnel' | 'stack' | 'socket' | 'shortcut';

/** An undirected connection a packet can hop along. */
export interface Link {
  id: string;
  kind: LinkKind;
  a: string;
  b: string;
  label?: string;
  pos: SourcePos;
}

// ---- Headers (the trace's public shape: tools build on it) -----------------

export interface EthHeader { layer: 'eth'; src: string; dst: string }
export interface ArpHeader {
  layer: 'arp';
  op: 'request' | 'reply';
  senderIp: string;
  senderMac: string;
  targetIp: string;
  targetMac: string;
}
export interface Ipv4Header { layer: 'ipv4'; src: string; dst: string; ttl: number }
/**
 * What an ICMP error carries of the packet that caused it: the IP header and
 * the first 8 bytes of its payload — for TCP and UDP, the ports.
 */
export interface IcmpQuote { src: string; dst: string; ttl: number; protocol: 'tcp' | 'udp' | 'icmp'; sport?: number; dport?: number }
export interface IcmpHeader {
  layer: 'icmp';
  type: 'echo-request' | 'echo-reply' | 'destination-unreachable' | string;
  /** For errors: port-unreachable, host-unreachable, admin-prohibited… */
  code?: string;
  /** An error's quoted original: shown as what is quoted, never as a tunnel's inner header. */
  quote?: IcmpQuote;
}
export interface TcpHeader { layer: 'tcp'; sport: number; dport: number; flags: string }
export interface UdpHeader { layer: 'udp'; sport: number; dport: number }
export interface VxlanHeader { layer: 'vxlan'; vni: number }
export interface IpipHeader { layer: 'ipip' }
export interface DnsHeader {
  layer: 'dns';
  id: number;
  qname: string;
  qtype: string;
  rcode?: string;
  answers?: string[];
}
export interface BgpHeader { layer: 'bgp'; type: string; prefix?: string; nextHop?: string }

export type Header =
  | EthHeader
  | ArpHeader
  | Ipv4Header
  | IcmpHeader
  | TcpHeader
  | UdpHeader
  | VxlanHeader
  | IpipHeader
  | DnsHeader
  | BgpHeader;

export type Layer = Header['layer'];

export interface Packet {
  id: string;
  /** Where the packet starts (qualified element id). */
  origin: string;
  /** Initial header stack, outermost first, with every reference already resolved. */
  headers: Header[];
  pos: SourcePos;
}

// ---- Operations ------------------------------------------------------------

export type Op =
  | { op: 'arp-reply' }
  /**
   * A bridge forwards the frame. `toMac`: br_netfilter re-addressed it first —
   * after a DNAT inside the bridge to a destination on the same bridge, the
   * frame is sent to that destination's MAC and bridged, not routed.
   */
  | { op: 'bridge'; toMac?: string }
  /** The MACs are absent when `dev` is a layer-3 device: the packet leaves through it with no Ethernet header. */
  | { op: 'route'; dev: string; devMac?: string; nextHop: string; nextHopMac?: string }
  | {
      op: 'encap';
      type: 'vxlan';
      vni: number;
      src: string; // outer addresses, resolved
      dst: string;
      srcMac: string;
      dstMac: string;
      dport: number;
      /** Omitted: derived from a hash of the inner flow, as the kernel does. */
      sport?: number;
      ttl?: TunnelTtl;
    }
  | { op: 'encap'; type: 'ipip'; src: string; dst: string; srcMac: string; dstMac: string; ttl?: TunnelTtl }
  | { op: 'decap' }
  /** `by` absent means iptables. */
  | { op: 'dnat'; to: string; port?: number; by?: DnatBy }
  | { op: 'snat'; to: string; port?: number }
  | { op: 'masquerade'; to: string }
  | { op: 'undnat' }
  | { op: 'unsnat' }
  | { op: 'reply' }
  | { op: 'dns-query'; id: number; qname: string; qtype: string }
  | { op: 'dns-answer'; rcode: string; answers: string[] }
  | { op: 'deliver' }
  | { op: 'drop'; reason: string }
  /** iptables' REJECT: the packet ends and the kernel's answer starts as packet `answer`. */
  | { op: 'reject'; with: RejectWith; answer: string; reason?: string }
  /** Time passes here: a retransmission timer, a resolver's timeout. */
  | { op: 'wait'; ms: number; reason?: string };

/**
 * What rewrote a destination: an iptables rule, IPVS (at NF_INET_LOCAL_IN),
 * a BPF program at a device's tc hook, or one at the cgroup connect4 hook,
 * which rewrites the socket's address before any packet exists.
 */
export type DnatBy = 'iptables' | 'ipvs' | 'tc' | 'socket';

/**
 * A tunnel's outer TTL: a number, or `inherit` (the kernel's `ttl 0`: the
 * inner IPv4 TTL is copied out). Omitted: inherit for ipip, 64 for vxlan.
 */
export type TunnelTtl = number | 'inherit';

/** iptables' `--reject-with` values for IPv4 (icmp-port-unreachable is its default). */
export type RejectWith =
  | 'icmp-port-unreachable'
  | 'icmp-net-unreachable'
  | 'icmp-host-unreachable'
  | 'icmp-proto-unreachable'
  | 'icmp-net-prohibited'
  | 'icmp-host-prohibited'
  | 'icmp-admin-prohibited'
  | 'tcp-reset';

export type OpName = Op['op'];

export interface Highlight {
  table: string;
  row: string;
  /** The table's type: which field of the packet a row of it is matched against (the card lights that field). */
  type?: TableType;
}

/** A step's change to a table row (`rows:` on a step), applied after its operations. */
export type RowChange =
  | { op: 'add' | 'remove'; table: string; row: string }
  | { op: 'change'; table: string; row: string; text: string };

/** A question the scene file asks about a step (`quiz:`), checked: the answer is one of 2–4 distinct choices. */
export interface StepQuestion {
  question: string;
  choices: string[];
  answer: string;
  explanation?: string;
}

/** A step's place in the journey (schema.ts: milestones, in this order). */
export type Milestone =
  | 'sent'
  | 'enters-node'
  | 'translated'
  | 'leaves-node'
  | 'arrives-node'
  | 'delivered'
  | 'reply-sent'
  | 'reply-leaves-node'
  | 'reply-arrives-node'
  | 'reply-translated'
  | 'reply-delivered';

export interface Step {
  index: number;
  /** '' for a step that acts on the topology (creates elements), not on a packet. */
  packet: string;
  /** Where the packet is before the step. */
  from: string;
  /** Where the packet is after it (equal to `from` for a step that acts in place). */
  at: string;
  /** The link hopped along, or undefined when the step acts in place. */
  link?: string;
  ops: Op[];
  caption: string;
  notes?: string;
  /** The point of the journey this step reaches, for lining scenes up (compare view). */
  milestone?: Milestone;
  highlight: Highlight[];
  /** Table rows added, removed or changed here; absent when none. */
  rows?: RowChange[];
  /** The author's own questions about this step (predict mode asks them first); absent when none. */
  quiz?: StepQuestion[];
  /** Element and link ids that come into existence at this step (`create:`); absent when none. */
  create?: string[];
  pos: SourcePos;
}

export interface Scene {
  id: string;
  title: string;
  summary: string;
  file: string;
  /** All elements by qualified id. */
  elements: Record<string, SceneElement>;
  /** Top-level element ids in file order. */
  roots: string[];
  links: Link[];
  packets: Packet[];
  steps: Step[];
}
