// The milestones in words: what the compare view says at each, and why a
// scene may have no step there.
import type { Milestone } from '../scene/model.ts';
import { milestones } from '../scene/schema.ts';

/** Every milestone, in the order a journey reaches them (the schema's list). */
export const MILESTONES: readonly Milestone[] = milestones;

const LABELS: Record<Milestone, string> = {
  sent: 'Sent',
  'enters-node': 'Enters a node from outside',
  translated: 'Service address translated (DNAT)',
  'leaves-node': 'Leaves the node, on the wire',
  'arrives-node': 'Arrives at the other node',
  delivered: 'Delivered',
  'reply-sent': 'Reply sent',
  'reply-leaves-node': 'Reply leaves the node, on the wire',
  'reply-arrives-node': 'Reply arrives at the other node',
  'reply-translated': 'Reply translated back (conntrack)',
  'reply-delivered': 'Reply delivered',
};

// Said in place of a step when one side never gets to the milestone.
const ABSENT: Record<Milestone, string> = {
  sent: 'This journey is not shown from its start.',
  'enters-node': 'The packet starts inside the cluster.',
  translated: 'No Service address to translate on this path.',
  'leaves-node': 'The packet never crosses between nodes here.',
  'arrives-node': 'The packet never crosses between nodes here.',
  delivered: 'The packet is not delivered in this scene.',
  'reply-sent': 'No reply is shown in this scene.',
  'reply-leaves-node': 'The reply never crosses between nodes here.',
  'reply-arrives-node': 'The reply never crosses between nodes here.',
  'reply-translated': 'Nothing to translate back on this path.',
  'reply-delivered': 'No reply is delivered in this scene.',
};

export function milestoneLabel(m: Milestone): string {
  return LABELS[m];
}

export function absentText(m: Milestone): string {
  return ABSENT[m];
}

/** A reply's milestone: its journey starts at reply-sent, not sent. */
export function isReply(m: Milestone): boolean {
  return m.startsWith('reply-');
}
