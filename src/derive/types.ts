import type { Header, Highlight, Milestone, RejectWith, SourcePos, StepQuestion } from '../scene/model.ts';
import type { TableStates } from './tables.ts';

/** A field the step changed: `field` undefined means the whole layer is new. */
export interface Change {
  /** Index into `headers` (outermost first) of the step's result. */
  layer: number;
  field?: string;
  /** The field's value before the step (what DNAT rewrote, what a route decremented). */
  was?: unknown;
}

/** One step with the packet's full header stack after it, computed, never typed. */
export interface DerivedStep {
  index: number;
  packet: string;
  from: string;
  at: string;
  link?: string;
  /** Operation names, in order (the trace's `ops`). */
  ops: string[];
  caption: string;
  notes?: string;
  /** The scene's own questions about this step (predict mode asks them first); absent when none. */
  quiz?: StepQuestion[];
  /** The point of the journey the step reaches (the scene's `milestone`), for lining scenes up. */
  milestone?: Milestone;
  highlight: Highlight[];
  headers: Header[];
  changed: Change[];
  /** Layers the step took off (a decap's outer headers), outermost first; absent when none. */
  removed?: Header[];
  /** The packet's last step: dropped, or rejected, the kernel's answer being packet `answer`. */
  end?: PacketEnd;
  /** Time passes at this step (a retransmission timer, a resolver's timeout). */
  wait?: { ms: number; reason?: string };
  /** Every table's rows as drawn after this step (absent in bundles made before tables changed over time). */
  tables?: TableStates;
  /** Element and link ids not yet created at this step (`create:`): laid out, not drawn. Absent when none. */
  hidden?: string[];
  /** Element and link ids created at this step; absent when none. */
  appeared?: string[];
  pos: SourcePos;
}

export type PacketEnd = { how: 'drop'; reason: string } | { how: 'reject'; with: RejectWith; answer: string; reason?: string };
