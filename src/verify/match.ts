// Each step against the frame the kernel produced on the step's device: the
// frame of the same kind (layers, ARP op, ICMP type) that agrees with the
// scene on the most fields, no earlier than the packet's previous step.
// Values the kernel chooses itself are compared by rule, not by value.
import type { Header, Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Captured, Frame, Mismatch, StepResult, StepVerdict } from './types.ts';
import { formatHeader } from '../derive/trace.ts';
import { oneTap } from './one-tap.ts';

/** Where Linux picks a VXLAN source port when the device sets no range: the namespace's ip_local_port_range default. */
export const VXLAN_SPORT_RANGE: readonly [number, number] = [32768, 60999];
/** Captures on two devices of one kernel may stamp one frame a few microseconds out of order. */
const SLACK_US = 1000;

export function kindOf(headers: Header[]): string {
  return headers.map((h) => (h.layer === 'arp' ? `arp ${h.op}` : h.layer === 'icmp' ? `icmp ${h.type}` : h.layer)).join(' / ');
}

interface Compared { mismatches: Mismatch[]; equal: number; notes: string[]; bound: [string, unknown, unknown][] }

/**
 * Values a DNS client picks (its source port, the query id) are the scene's
 * to name and the kernel's to choose: one scene value must stand for one
 * kernel value wherever it appears (a query and its answer, the A and AAAA
 * of one socket), and two scene values for two kernel values.
 */
export class Bindings {
  private readonly byScene = new Map<string, unknown>();
  private readonly byKernel = new Map<string, unknown>();
  /** Undefined when `got` may stand for `want`; else why not. */
  check(kind: string, want: unknown, got: unknown): string | undefined {
    const k = this.byScene.get(`${kind} ${String(want)}`);
    if (k !== undefined && k !== got) return `${String(want)}, i.e. ${String(k)}, the ${kind} the kernel used wherever the scene shows ${String(want)}`;
    const w = this.byKernel.get(`${kind} ${String(got)}`);
    if (w !== undefined && w !== want) return `${String(want)}, a ${kind} other than ${String(got)}, which the scene shows as ${String(w)}`;
    return undefined;
  }
  bind(kind: string, want: unknown, got: unknown): void {
    this.byScene.set(`${kind} ${String(want)}`, got);
    this.byKernel.set(`${kind} ${String(got)}`, want);
  }
}

/** The kind of a DNS client's chosen value at header `i`'s `field`, or undefined: its port (the end that is not 53) and the query id. */
export function dnsChosen(headers: Header[], i: number, field: string): string | undefined {
  const h = headers[i];
  if (!headers.some((x) => x.layer === 'dns')) return undefined;
  if (h?.layer === 'dns' && field === 'id') return 'DNS id';
  if (h?.layer === 'udp' && ((field === 'sport' && h.dport === 53) || (field === 'dport' && h.sport === 53))) return 'client port';
  return undefined;
}

/** Field by field; `kernelChosen` fields are checked by rule against every frame of the flow on the device. */
function compare(scene: Header[], kernel: Header[], chosen: (layer: number, field: string) => boolean, flow: Frame[], bindings?: Bindings): Compared {
  const out: Compared = { mismatches: [], equal: 0, notes: [], bound: [] };
  scene.forEach((h, i) => {
    const k = (kernel[i] ?? {}) as unknown as Record<string, unknown>;
    const inner = scene.slice(0, i).some((x) => x.layer === 'vxlan' || x.layer === 'ipip') ? 'inner ' : '';
    for (const [field, want] of Object.entries(h)) {
      if (field === 'layer' || want === undefined) continue;
      const got = k[field];
      const name = `${inner}${h.layer}.${field}`;
      const rule = bindings && dnsChosen(scene, i, field);
      if (rule && got !== undefined) {
        const why = bindings.check(rule, want, got);
        if (why) out.mismatches.push({ field: name, scene: why, kernel: got });
        else {
          out.equal++;
          out.bound.push([rule, want, got]);
          out.notes.push(`${name} ${String(got)} chosen by ${rule === 'DNS id' ? 'the resolver' : 'the kernel'} (the scene shows ${String(want)}): one value wherever the scene shows ${String(want)}`);
        }
        continue;
      }
      if (bindings && h.layer === 'icmp' && field === 'quote' && got && typeof got === 'object') {
        // An ICMP error quotes the DNS query it answers: its client port is the one the query's steps bound.
        const q = want as Record<string, unknown>;
        const kq = { ...(got as Record<string, unknown>) };
        const end = q.dport === 53 ? 'sport' : q.sport === 53 ? 'dport' : undefined;
        if (end && q.protocol === 'udp' && kq[end] !== undefined && !bindings.check('client port', q[end], kq[end])) {
          out.notes.push(`icmp.quote.${end} ${String(kq[end])} is the client port the kernel chose where the scene shows ${String(q[end])}`);
          kq[end] = q[end];
        }
        if (canonical(kq) === canonical(want)) out.equal++;
        else out.mismatches.push({ field: name, scene: want, kernel: got });
        continue;
      }
      if (chosen(i, field)) {
        const seen = [...new Set(flow.map((f) => (f.headers[i] as unknown as Record<string, unknown>)[field]))];
        const [lo, hi] = VXLAN_SPORT_RANGE;
        const inRange = typeof got === 'number' && got >= lo && got <= hi;
        if (inRange && seen.length === 1) {
          out.equal++;
          out.notes.push(`${name} ${String(got)} chosen by the kernel: in ${lo}–${hi}${flow.length > 1 ? `, the same for ${flow.length === 2 ? 'both' : `all ${flow.length}`} frames of the flow` : ''} (the scene shows ${String(want)})`);
        } else out.mismatches.push({ field: name, scene: inRange ? `one port for the whole flow` : `a port in ${lo}–${hi}`, kernel: seen.join(', ') });
        continue;
      }
      if (canonical(got) === canonical(want)) out.equal++;
      else out.mismatches.push({ field: name, scene: want, kernel: got });
    }
  });
  return out;
}

/** JSON with object keys sorted: an ICMP error's quote compares by its fields, whatever their order. */
const canonical = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/** The inner flow a frame belongs to, for rules that hold across one flow. */
function flowKey(headers: Header[]): string {
  const ips = headers.filter((h) => h.layer === 'ipv4');
  return JSON.stringify([kindOf(headers), ips.at(-1)]);
}

export function matchSteps(scene: Scene, steps: DerivedStep[], captured: Captured, unsupported: Record<string, string>, unverifiedSteps: Record<number, string> = {}): StepResult[] {
  const cursor = new Map<string, number>();
  /** Per packet, the first of the steps in a row that the kernel's frames did not show. */
  const lost = new Map<string, DerivedStep>();
  const seen = new Map<number, Frame>();
  const bindings = new Bindings();
  const results = steps.map((step): StepResult => {
    const base = { index: step.index, packet: step.packet, at: step.at };
    const reason = unsupported[step.packet] ?? unverifiedSteps[step.index];
    if (reason) return { ...base, status: 'not-verified', reason } as StepResult;
    const frames = captured[step.at];
    if (!frames) return { ...base, status: 'not-verified', reason: `${step.at} is not a device this run captures on` } as StepResult;
    if (step.ops.includes('drop')) return { ...base, ...dropped(step, frames, cursor) };
    const { frame, ...v } = verdict(scene, step, frames, cursor, bindings);
    if (frame) seen.set(step.index, frame);
    const last = lost.get(step.packet);
    if (v.status !== 'missing') {
      lost.delete(step.packet);
      return { ...base, ...v };
    }
    // A packet lost at one step is missing from each after it: say why once, not for each.
    if (last) return { ...base, status: 'missing', reason: `not seen: the packet went missing at step ${last.index + 1}` } as StepResult;
    lost.set(step.packet, step);
    return { ...base, ...v };
  });
  // Read-only: a neighbouring step is "the same" when the values the kernel chose agree with what is already bound.
  return oneTap(steps, results, seen, (a, b) => kindOf(a) === kindOf(b) && compare(a, b, () => false, [], bindings).mismatches.length === 0);
}

function verdict(scene: Scene, step: DerivedStep, frames: Frame[], cursor: Map<string, number>, bindings: Bindings): StepVerdict & { frame?: Frame } {
  const since = (cursor.get(step.packet) ?? 0) - SLACK_US;
  const kind = kindOf(step.headers);
  const sameKind = frames.filter((f) => kindOf(f.headers) === kind);
  const candidates = sameKind.filter((f) => f.ts >= since);
  if (candidates.length === 0) {
    const later = frames.filter((f) => f.ts >= since);
    const texts = [...new Set(later.map((f) => frameText(f.headers)))];
    const seen = texts.length === 0 ? 'nothing' : texts.slice(0, 3).join('; ') + (texts.length > 3 ? ` and ${texts.length - 3} more` : '');
    return { status: 'missing', reason: `no ${kind} frame on ${step.at} (the kernel sent there: ${seen})` };
  }
  const fixedSport = scene.steps.some((s) => s.packet === step.packet && s.ops.some((o) => o.op === 'encap' && o.type === 'vxlan' && o.sport !== undefined));
  const chosen = (i: number, field: string) => field === 'sport' && step.headers[i]?.layer === 'udp' && step.headers[i + 1]?.layer === 'vxlan' && !fixedSport;
  let best: { frame: Frame; c: Compared } | undefined;
  for (const frame of candidates) {
    const flow = sameKind.filter((f) => flowKey(f.headers) === flowKey(frame.headers));
    const c = compare(step.headers, frame.headers, chosen, flow, bindings);
    if (!best || c.equal > best.c.equal) best = { frame, c };
  }
  for (const [kind, want, got] of best!.c.bound) bindings.bind(kind, want, got);
  cursor.set(step.packet, Math.max(cursor.get(step.packet) ?? 0, best!.frame.ts));
  const { mismatches, notes } = best!.c;
  const frame = best!.frame;
  return mismatches.length === 0 ? { status: 'ok', notes, frame } : { status: 'differs', mismatches, notes, frame };
}

/**
 * A step that drops its packet shows it where the rule meets it, on the way
 * to the step's device: the kernel agrees when no such frame of the flow
 * reaches that device after the packet's previous step.
 */
function dropped(step: DerivedStep, frames: Frame[], cursor: Map<string, number>): StepVerdict {
  // Dropped where it arrived: tcpdump there saw it come in, dropped or not.
  if (step.from === step.at) return { status: 'not-verified', reason: `the packet is dropped on ${step.at}, where it arrived: a capture there sees it either way` };
  const since = (cursor.get(step.packet) ?? 0) - SLACK_US;
  const through = frames.find((f) => f.ts >= since && flowKey(f.headers) === flowKey(step.headers));
  if (!through) return { status: 'ok', notes: [`dropped: the kernel sent nothing of this flow out of ${step.at}`] };
  return { status: 'differs', mismatches: [{ field: 'dropped', scene: `dropped before ${step.at}`, kernel: `sent on ${step.at}: ${frameText(through.headers)}` }], notes: [] };
}

/** The kernel's frame in the trace's words (for reports and failures). */
export function frameText(headers: Header[]): string {
  return headers.map(formatHeader).join(' | ');
}
