// The shapes verify's stages hand each other: plan → run → decode → match → report.
// Plain data only, so each stage is tested alone.
import type { Header } from '../scene/model.ts';
import type { TableCheck, TableResult } from './table-check.ts';
import type { Listener } from './tcp.ts';
import type { DnsDaemon } from './dns.ts';

/** One command the run executes, argv only (never through a shell: scene text is untrusted). */
export interface Cmd {
  argv: string[];
  /** What the command builds, in the scene's terms (shown when it fails). */
  why: string;
}

/** A device captured with tcpdump for the whole run. */
export interface Capture {
  /** The scene's qualified device id (`node1/cni0`). */
  device: string;
  netns: string;
  ifname: string;
}

/** A command that makes the kernel send one of the scene's packets. */
export interface Send {
  packet: string;
  netns: string;
  argv: string[];
  /** In words, for the report: `ping 10.244.1.3 from pod-a`. */
  what: string;
  /** Run just before it: the rules as the scene's tables stand at its first step, where an earlier step changed them (phases.ts). */
  before?: Cmd[];
}

/** A table row the plan could not turn into kernel state, and why. */
export interface Skipped {
  table: string;
  row: string;
  reason: string;
}

export interface Plan {
  /** Every namespace the run creates starts with it (`kh-1a2b-`). */
  prefix: string;
  namespaces: string[];
  setup: Cmd[];
  /** Each LAN switch's namespace and ports: the run waits until every port forwards. */
  switchPorts: { netns: string; ports: string[] }[];
  captures: Capture[];
  sends: Send[];
  /** TCP servers started before the sends, stopped with the captures. */
  listeners: Listener[];
  /** A client pod's resolv.conf: written to /etc/netns/<netns>/resolv.conf for the run, removed with it. */
  resolvFiles: { netns: string; text: string }[];
  /** DNS servers started before the sends (in the server's namespace), stopped with the captures. */
  dnsServers: DnsDaemon[];
  /** Where the run differs from the cluster on purpose (kube-proxy's random pick made fixed). */
  notes: string[];
  /** Step index → the DNAT rule the run built for it, in the scene's words. */
  dnatRules: Record<number, string>;
  /** Packets this slice does not reproduce, with the reason (their steps are reported "not verified"). */
  unsupported: Record<string, string>;
  /** Single steps not verified, by index, with the reason (a drop whose rule is not built). */
  unverifiedSteps: Record<number, string>;
  /** Rows of the scene's tables left out of the kernel's state. */
  skipped: Skipped[];
  /** UDP destination ports that carry VXLAN in this scene (the decoder unwraps them). */
  vxlanPorts: number[];
  /** Table rows compared with the kernel's state after the run, and those that cannot be. */
  tableChecks: TableCheck[];
  tablesUnchecked: TableResult[];
}

/** One frame as the kernel produced it on a device, decoded outermost first. */
export interface Frame {
  /** Capture time in microseconds (one clock for every namespace: one kernel). */
  ts: number;
  headers: Header[];
}

export type Captured = Record<string, Frame[]>;

/** A header field where the scene and the kernel disagree. */
export interface Mismatch {
  /** `eth.dst`, `ipv4.ttl`, `inner eth.src`. */
  field: string;
  scene: unknown;
  kernel: unknown;
}

export type StepVerdict =
  | { status: 'ok'; notes: string[] }
  | { status: 'differs'; mismatches: Mismatch[]; notes: string[] }
  | { status: 'missing'; reason: string }
  | { status: 'not-verified'; reason: string };

export type StepResult = StepVerdict & { index: number; packet: string; at: string };

export interface SceneResult {
  scene: string;
  file: string;
  kernel: string;
  steps: StepResult[];
  /** The scene's route, neighbour and FDB rows against the kernel's after the run. */
  tables: TableResult[];
}
