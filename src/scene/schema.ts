// The scene file format v1, as written by people. This is the single source
// of truth: the TypeScript types of the raw document and the JSON Schema in
// static/ are both generated from it.
import './zod-setup.ts';
import { z } from 'zod';

const name = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a name of letters, digits, ".", "_" or "-" (no "/")')
  .describe('A name like the kernel would use: node1, pod-a, eth0, cni0.');
const ref = z.string().min(1).describe('A qualified element id: node1, pod-a, pod-a/eth0, node1/cni0.');
/** An address: a literal (MAC, IPv4) or the id of the element that owns it. */
const addr = z.string().min(1).describe('A literal address, or the id of the element that owns it (pod-a/eth0).');
const port = z.number().int().min(0).max(65535);
const label = z
  .union([z.string(), z.array(z.string())])
  .describe('Display text; a list gives several lines. Defaults to the name and address.');
const row = z.number().int().min(0).max(9).describe('Row of the node drawing from the top: pods 0, veth 1, bridge 2, tunnel 3, NIC 4.');

export const deviceTypes = ['veth', 'bridge', 'vxlan', 'ipip', 'nic', 'loopback', 'dummy'] as const;
export const tableTypes = ['routes', 'iptables', 'conntrack', 'fdb', 'neigh', 'resolv', 'corefile', 'bgp', 'ipvs', 'cache', 'bpf', 'file'] as const;
/** Where a DNAT is done; each is drawn and traced as itself, never as iptables. */
export const dnatBy = ['iptables', 'ipvs', 'tc', 'socket'] as const;
export const rejectWith = [
  'icmp-port-unreachable',
  'icmp-net-unreachable',
  'icmp-host-unreachable',
  'icmp-proto-unreachable',
  'icmp-net-prohibited',
  'icmp-host-prohibited',
  'icmp-admin-prohibited',
  'tcp-reset',
] as const;
/**
 * Points of a journey that two scenes can be lined up by (the compare view):
 * the request's, then the reply's, in the order a packet reaches them. A fixed
 * list, not free text, so that two authors' scenes meet at the same names.
 */
export const milestones = [
  'sent',
  'enters-node',
  'translated',
  'leaves-node',
  'arrives-node',
  'delivered',
  'reply-sent',
  'reply-leaves-node',
  'reply-arrives-node',
  'reply-translated',
  'reply-delivered',
] as const;
export const linkKinds = ['veth', 'bridge-port', 'wire', 'tunnel', 'stack', 'socket', 'shortcut'] as const;

const Device = z.strictObject({
  kind: z.literal('device'),
  name,
  type: z.enum(deviceTypes),
  label: label.optional(),
  ip: z.string().optional().describe('IPv4 address, optionally with prefix length: 10.244.1.2/24.'),
  mac: z.string().optional(),
  layer3: z
    .literal(true)
    .optional()
    .describe(
      "A layer-3 device: no MAC and no link-layer header (`ip link` shows link/none or link/ipip, not link/ether), so routing into it adds no Ethernet header. Every 'ipip' device is one; NOARP alone is not enough (a dummy device is NOARP and still Ethernet).",
    ),
  row: row.optional(),
});

const TableRow = z.union([
  z.string(),
  z.strictObject({
    id: name,
    text: z.string(),
    initially: z
      .enum(['present', 'absent'])
      .optional()
      .describe("'absent': the row is not in the table until a step adds it (rows: [{ add: <table id>#<row id> }]). Default 'present'."),
  }),
]);

const Table = z.strictObject({
  kind: z.literal('table'),
  name,
  type: z.enum(tableTypes),
  label: label.optional(),
  beside: name.optional().describe('The device (in the same node or pod) the table sits beside.'),
  rows: z.array(TableRow),
  row: row.optional(),
});

const Process = z.strictObject({ kind: z.literal('process'), name, label: label.optional(), row: row.optional() });

const Service = z.strictObject({
  kind: z.literal('service'),
  name,
  label: label.optional(),
  ip: z.string().describe("The ClusterIP, or None for a headless Service (clusterIP: None): DNS then answers with each ready pod's address."),
  endpoints: z
    .array(ref)
    .optional()
    .describe('The ready pods behind the Service, as its EndpointSlices list them; [] for a Service with no endpoints.'),
  ports: z.array(z.strictObject({ name: z.string().optional(), port, protocol: z.enum(['TCP', 'UDP']).optional() })).optional(),
});

// Containers refer to Element lazily: the tree is recursive.
type Contains = z.ZodOptional<z.ZodArray<z.ZodType<RawElement>>>;
interface RawContainer<K extends string> {
  kind: K;
  name: string;
  label?: string | string[];
  ip?: string;
  mac?: string;
  contains?: RawElement[];
}
const Node = z.strictObject({
  kind: z.literal('node'),
  name,
  label: label.optional(),
  ip: z.string().optional(),
  get contains(): Contains {
    return z.array(Element).optional();
  },
});
const Pod = z.strictObject({
  kind: z.literal('pod'),
  name,
  label: label.optional(),
  get contains(): Contains {
    return z.array(Element).optional();
  },
});
const External = z.strictObject({
  kind: z.literal('external'),
  name,
  label: label.optional(),
  ip: z.string().optional(),
  mac: z.string().optional().describe('A machine drawn as one box (a client, a DNS server) can own its addresses itself.'),
  get contains(): Contains {
    return z.array(Element).optional();
  },
});

export const Element: z.ZodType<RawElement> = z.discriminatedUnion('kind', [Node, Pod, Device, Process, Table, External, Service]);

export type RawElement =
  | Omit<RawContainer<'node'>, 'mac'>
  | Omit<RawContainer<'pod'>, 'ip' | 'mac'>
  | RawContainer<'external'>
  | z.infer<typeof Device>
  | z.infer<typeof Process>
  | z.infer<typeof Table>
  | z.infer<typeof Service>;

const Link = z.strictObject({
  kind: z.enum(linkKinds).describe("'shortcut' draws several hops as one line, when another scene shows them; label it so, since the hops between are not checked."),
  between: z.tuple([ref, ref]),
  id: name.optional(),
  label: z.string().optional(),
});

/** Each header is a one-key map naming its layer, outermost first. */
export const headerSchemas = {
  eth: z.strictObject({ src: addr, dst: addr }),
  arp: z.strictObject({ op: z.enum(['request', 'reply']), sender: ref, target: ref }),
  ipv4: z.strictObject({ src: addr, dst: addr, ttl: z.number().int().min(1).max(255).optional() }),
  icmp: z.strictObject({ type: z.string(), code: z.string().optional() }),
  tcp: z.strictObject({ sport: port, dport: port, flags: z.string().optional() }),
  udp: z.strictObject({ sport: port, dport: port }),
  vxlan: z.strictObject({ vni: z.number().int().min(0).max(16777215) }),
  ipip: z.strictObject({}),
  dns: z.strictObject({
    id: z.number().int().min(0).max(65535),
    qname: z.string(),
    qtype: z.string(),
    rcode: z.string().optional(),
    answers: z.array(z.string()).optional(),
  }),
  bgp: z.strictObject({ type: z.string(), prefix: z.string().optional(), nextHop: addr.optional() }),
} as const;

export const Header = z.union(
  Object.entries(headerSchemas).map(([k, s]) => z.strictObject({ [k]: s })) as unknown as [z.ZodType, z.ZodType],
);

/** Operations that take no parameters are written as a bare word. */
export const bareOps = ['bridge', 'decap', 'deliver', 'reply', 'arp-reply', 'undnat', 'unsnat'] as const;

export const opSchemas = {
  bridge: z.strictObject({
    to: ref.describe("br_netfilter: after a DNAT inside the bridge, the frame is re-addressed to this element's MAC and bridged."),
  }),
  route: z.strictObject({
    dev: ref.describe('The outgoing device; its MAC becomes the Ethernet source.'),
    via: ref.describe('The next hop; its MAC becomes the Ethernet destination.'),
  }),
  encap: z.strictObject({
    type: z.enum(['vxlan', 'ipip']),
    src: ref.describe('The local underlay device (outer source IP and MAC).'),
    dst: ref.describe('The remote underlay device (outer destination IP and MAC).'),
    vni: z.number().int().min(0).max(16777215).optional(),
    dport: port.optional().describe("Outer UDP port; Linux's default for VXLAN devices (and Flannel's) is 8472."),
    sport: port.optional().describe('Outer UDP source port; omitted, it is a hash of the inner flow, as the kernel does.'),
    ttl: z
      .union([z.literal('inherit'), z.number().int().min(1).max(255)])
      .optional()
      .describe(
        "Outer TTL, the tunnel device's `ttl` as `ip link` sets it: a number, or inherit (copy the inner packet's TTL, as it is when the packet enters the tunnel, after the routing decrement). Default: inherit for ipip (the kernel's default, kept by Calico's tunl0), 64 for vxlan (the host's default TTL, which Flannel keeps).",
      ),
  }),
  dnat: z.strictObject({
    to: addr,
    port: port.optional(),
    by: z
      .enum(dnatBy)
      .optional()
      .describe(
        "What rewrites the destination. iptables (the default): a nat-table rule, conntrack undoes it. ipvs: IPVS at the NF_INET_LOCAL_IN hook, its connection table undoes it. tc: a BPF program at a device's tc hook (Cilium), its own connection tracking undoes it. socket: a BPF program at the cgroup connect4 hook rewrites connect()'s address before any packet exists, so it must come before the packet's first hop, and there is nothing to undo on the reply.",
      ),
  }),
  snat: z.strictObject({ to: addr, port: port.optional() }),
  masquerade: z.strictObject({ dev: ref.describe('The outgoing device whose address becomes the source.') }),
  'dns-query': z.strictObject({ id: z.number().int().min(0).max(65535), qname: z.string(), qtype: z.string() }),
  'dns-answer': z.strictObject({ rcode: z.string().optional(), answers: z.array(z.string()).optional() }),
  drop: z.string().describe('Why the packet is dropped. The packet ends here.'),
  reject: z.strictObject({
    with: z.enum(rejectWith).optional().describe("iptables' --reject-with; default icmp-port-unreachable."),
    answer: name.describe("The id of the packet the kernel sends back (the ICMP error or TCP RST): derived, not declared under 'packets'."),
    reason: z.string().optional().describe('Which rule rejected, and why.'),
  }),
  wait: z.strictObject({
    time: z
      .string()
      .regex(/^\d+(\.\d+)?(ms|s)$/, 'a time like 200ms, 1s or 5s')
      .describe('How long: 200ms, 1s, 5s.'),
    reason: z.string().optional().describe('What the time is: a SYN retransmission timer, a resolver timeout.'),
  }),
} as const;

export const Op = z.union([
  z.enum(bareOps),
  ...Object.entries(opSchemas).map(([k, s]) => z.strictObject({ [k]: s })),
] as unknown as [z.ZodType, z.ZodType]);

const Packet = z.strictObject({
  id: name,
  origin: ref.describe('Where the packet starts.'),
  headers: z.array(Header).min(1),
});

/** What a step does to a table: the kernel learned, installed, created or forgot something. */
const rowRef = z.string().min(1).describe('A table row: <table id>#<row id>, such as node1/conntrack#conn.');
export const RowChange = z.union([
  z.strictObject({ add: rowRef.describe('The row appears at this step (declared with initially: absent).') }),
  z.strictObject({ remove: rowRef.describe('The row is shown struck through at this step, then is gone.') }),
  z.strictObject({ change: rowRef.describe('The row shows new text from this step on.'), text: z.string().min(1) }),
]);

/** A question the scene's author asks about a step, for what no generated question can ask (why, not what). */
const StepQuestion = z.strictObject({
  question: z.string().min(1).describe('Asked before the step is shown, in predict mode and in presenter mode.'),
  choices: z.array(z.string().min(1)).min(2).max(4).describe('2 to 4 answers on offer, each different; shown in an order fixed by the scene and step.'),
  answer: z.string().min(1).describe('The right answer: one of the choices, written the same.'),
  explanation: z.string().min(1).optional().describe("Shown after the answer; the step's caption when omitted."),
});

const Step = z.strictObject({
  packet: name
    .optional()
    .describe("The packet the step moves or acts on. Omitted: the step acts on the topology, not on a packet — 'at' names the actor (kubelet, containerd, a CNI plugin) and 'create' what it makes."),
  to: ref.optional().describe('Move the packet along a link to this element.'),
  at: ref.optional().describe("Act on the packet where it is, without moving it; in a step without 'packet', the element that acts."),
  create: z
    .array(ref)
    .min(1)
    .optional()
    .describe('Elements and links (by id) that come into existence at this step: laid out from the start, drawn from this step on. A packet cannot be at or cross one before.'),
  milestone: z
    .enum(milestones)
    .optional()
    .describe(
      'The point of the journey this step reaches, for lining two scenes up side by side: sent (the packet leaves its sender), enters-node (from outside the cluster, at the node it was sent to), translated (a DNAT picks the endpoint), leaves-node (out of the node onto the wire between nodes), arrives-node (in at the other node), delivered (at its destination); the reply\'s reply-sent, reply-leaves-node, reply-arrives-node, reply-translated (un-DNAT), reply-delivered. Each at most once in a scene, in this order.',
    ),
  ops: z.array(Op).optional(),
  caption: z.string().min(1),
  notes: z.string().optional(),
  highlight: z.array(z.string()).optional().describe('Table rows to highlight: <table id>#<row id>.'),
  rows: z
    .array(RowChange)
    .optional()
    .describe('Table rows this step adds, removes or changes, in order: { add: <table id>#<row id> }, { remove: … }, { change: …, text: … }.'),
  quiz: z
    .array(StepQuestion)
    .min(1)
    .optional()
    .describe("Questions of the author's own, asked before this step in predict mode (ahead of the generated ones): [{ question, choices, answer, explanation }]."),
});

/** zod's issue kind for a rule of our own (structure.ts words it as a schema rule, with its position). */
const zodCustom = 'custom' as const;

/** Milestones line scenes up, so each names one step and they come in the journey's order. */
function milestonesInOrder(steps: { milestone?: (typeof milestones)[number] }[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  let latest: { rank: number; step: number } | undefined;
  steps.forEach((s, i) => {
    if (s.milestone === undefined) return;
    const rank = milestones.indexOf(s.milestone);
    const before = seen.get(s.milestone);
    const path = [i, 'milestone'];
    if (before !== undefined) ctx.addIssue({ code: zodCustom, path, message: `milestone ${s.milestone} is already on step ${before + 1}; each milestone names one step` });
    else if (latest && rank < latest.rank) {
      const message = `milestone ${s.milestone} comes before ${milestones[latest.rank]} (step ${latest.step + 1}) in a journey; expected the order ${milestones.join(', ')}`;
      ctx.addIssue({ code: zodCustom, path, message });
    }
    seen.set(s.milestone, i);
    if (!latest || rank > latest.rank) latest = { rank, step: i };
  });
}

export const SceneFile = z.strictObject({
  apiVersion: z.literal('kubehop/v1'),
  kind: z.literal('Scene'),
  id: name,
  title: z.string().min(1),
  summary: z.string().min(1),
  topic: z.string().optional().describe('The group the scene is listed under: pod networking, services, dns.'),
  order: z.number().int().min(0).optional().describe('Position within its topic, for a path through the scenes (lower first).'),
  elements: z.array(Element).min(1),
  links: z.array(Link).optional(),
  packets: z.array(Packet).min(1),
  steps: z.array(Step).min(1).superRefine(milestonesInOrder),
});

export type RawScene = z.infer<typeof SceneFile>;
export type RawStep = z.infer<typeof Step>;
export type RawStepQuestion = z.infer<typeof StepQuestion>;
export type RawPacket = z.infer<typeof Packet>;
export type RawLink = z.infer<typeof Link>;
