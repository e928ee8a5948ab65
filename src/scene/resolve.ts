// validate, part 2: a well-shaped document → a Scene whose every reference
// points at something real, or the list of what does not.
import type { RawScene } from './schema.ts';
import type { Link, Op, Packet, Scene, Step, Highlight, SourcePos, SceneElement, TableType } from './model.ts';
import type { Diagnostic } from './diagnostic.ts';
import { posAt, type ParsedScene } from './parse.ts';
import { didYouMean } from './suggest.ts';
import { collectElements } from './elements.ts';
import { resolveHeaders } from './headers.ts';
import { resolveOps } from './ops.ts';
import { tableTimeline, type TableTimeline } from './table-rows.ts';
import { resolveQuiz } from './quiz.ts';
import { topology, type Topology } from './topology.ts';
import { diag } from './messages.ts';

export function resolveScene(parsed: ParsedScene, raw: RawScene, out: Diagnostic[]): Scene {
  const { elements, roots } = collectElements(parsed, raw.elements, out);
  const links = resolveLinks(parsed, raw, elements, out);
  const packets = resolvePackets(parsed, raw, elements, out);
  const steps = resolveSteps(parsed, raw, elements, links, packets, out);
  const stem = parsed.file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  if (/\.ya?ml$/.test(parsed.file) && stem !== raw.id) {
    // The app and its links name a bundled scene by its file; two names for one scene only confuse.
    out.push(diag(posAt(parsed, ['id']), 'idDiffersFromFile', raw.id, stem));
  }
  return { id: raw.id, title: raw.title, summary: raw.summary, file: parsed.file, elements, roots, links, packets, steps };
}

interface Ending {
  parsed: ParsedScene;
  where: Map<string, string>;
  ended: Map<string, string>;
  out: Diagnostic[];
}

/** A drop or a reject is the packet's last act; a reject's answer starts where it happened. */
function endPacket(packet: string, ops: Op[], at: string, i: number, { parsed, where, ended, out }: Ending): void {
  const k = ops.findIndex((o) => o.op === 'drop' || o.op === 'reject');
  if (k < 0) return;
  const last = ops[k]!;
  const after = ops[k + 1];
  if (after) out.push(diag(posAt(parsed, ['steps', i, 'ops', k + 1]), 'opAfterEnd', after.op, last.op as 'drop' | 'reject'));
  ended.set(packet, `was ${last.op === 'drop' ? 'dropped' : 'rejected'} at step ${i + 1}`);
  if (last.op !== 'reject') return;
  if (where.has(last.answer)) {
    out.push(diag(posAt(parsed, ['steps', i, 'ops', k, 'reject', 'answer']), 'answerExists', last.answer));
    return;
  }
  where.set(last.answer, at);
}

function checkRef(id: string, elements: Record<string, SceneElement>, pos: SourcePos, what: string, out: Diagnostic[]): boolean {
  if (elements[id]) return true;
  out.push(diag(pos, 'notAnElement', what, id, didYouMean(id, Object.keys(elements))));
  return false;
}

function resolveLinks(parsed: ParsedScene, raw: RawScene, elements: Record<string, SceneElement>, out: Diagnostic[]): Link[] {
  const links: Link[] = [];
  const seen = new Map<string, Link>();
  (raw.links ?? []).forEach((l, i) => {
    const [a, b] = l.between;
    const okA = checkRef(a, elements, posAt(parsed, ['links', i, 'between', 0]), 'link end', out);
    const okB = checkRef(b, elements, posAt(parsed, ['links', i, 'between', 1]), 'link end', out);
    if (!okA || !okB) return;
    const pos = posAt(parsed, ['links', i]);
    if (a === b) return void out.push(diag(pos, 'linkSameEnds', a));
    const key = [a, b].sort().join(' ');
    const dup = seen.get(key);
    if (dup) return void out.push(diag(pos, 'duplicateLink', a, b, dup.pos.line));
    const link: Link = { id: l.id ?? `${a}--${b}`, kind: l.kind, a, b, pos };
    if (l.label !== undefined) link.label = l.label;
    seen.set(key, link);
    links.push(link);
  });
  return links;
}

function resolvePackets(parsed: ParsedScene, raw: RawScene, elements: Record<string, SceneElement>, out: Diagnostic[]): Packet[] {
  const packets: Packet[] = [];
  raw.packets.forEach((p, i) => {
    const pos = posAt(parsed, ['packets', i]);
    const dup = packets.find((q) => q.id === p.id);
    if (dup) return void out.push(diag(posAt(parsed, ['packets', i, 'id']), 'duplicatePacket', p.id, dup.pos.line));
    checkRef(p.origin, elements, posAt(parsed, ['packets', i, 'origin']), "packet 'origin'", out);
    const headers = resolveHeaders(parsed, p.headers as Record<string, Record<string, unknown>>[], ['packets', i, 'headers'], elements, out);
    packets.push({ id: p.id, origin: p.origin, headers, pos });
  });
  return packets;
}

function resolveSteps(parsed: ParsedScene, raw: RawScene, elements: Record<string, SceneElement>, links: Link[], packets: Packet[], out: Diagnostic[]): Step[] {
  const where = new Map(packets.map((p) => [p.id, p.origin]));
  const ended = new Map<string, string>();
  const steps: Step[] = [];
  const tables = tableTimeline(elements, out);
  // Every step's creations first: a packet step is checked against what later steps create too.
  const topo = topology(elements, links, out);
  const created = raw.steps.map((s, i) => topo.create(i, s.create ?? [], (k) => posAt(parsed, ['steps', i, 'create', k])));
  raw.steps.forEach((s, i) => {
    const pos = posAt(parsed, ['steps', i]);
    if (s.packet === undefined) {
      const step = topologyStep(parsed, s, i, elements, out);
      if (!step) return;
      const made = topo.since(step);
      if (made && made.step > i) out.push(diag(posAt(parsed, ['steps', i, 'at']), 'actorBeforeCreated', step, i + 1, made.step + 1, made.line));
      const rows = tables.step(i + 1, s.rows ?? [], (k, key) => posAt(parsed, ['steps', i, 'rows', k, ...(key ? [key] : [])]));
      const highlight = resolveHighlight(parsed, s.highlight ?? [], i, elements, tables, out);
      const done: Step = { index: steps.length, packet: '', from: step, at: step, ops: [], caption: s.caption.trim(), highlight, pos };
      if (rows.length > 0) done.rows = rows;
      if (created[i]!.length > 0) done.create = created[i];
      if (s.notes !== undefined) done.notes = s.notes.trim();
      steps.push(done);
      return;
    }
    const from = where.get(s.packet);
    if (from === undefined) {
      out.push(diag(posAt(parsed, ['steps', i, 'packet']), 'unknownPacket', s.packet, didYouMean(s.packet, where.keys()), [...where.keys()]));
      return;
    }
    const end = ended.get(s.packet);
    if (end !== undefined) {
      out.push(diag(posAt(parsed, ['steps', i, 'packet']), 'packetEnded', s.packet, end));
      return;
    }
    if ((s.to === undefined) === (s.at === undefined)) {
      out.push(diag(pos, 'toOrAt'));
      return;
    }
    let at = from;
    let link: Link | undefined;
    if (s.to !== undefined) {
      const toPos = posAt(parsed, ['steps', i, 'to']);
      if (!checkRef(s.to, elements, toPos, "step 'to'", out)) return;
      link = links.find((l) => (l.a === from && l.b === s.to) || (l.b === from && l.a === s.to));
      if (!link) {
        const reachable = links.flatMap((l) => (l.a === from ? [l.b] : l.b === from ? [l.a] : []));
        out.push(diag(toPos, 'noLink', from, s.packet, s.to, reachable));
        // Follow the author's intent, so one missing link is reported once, not at every later step.
        where.set(s.packet, s.to);
        return;
      }
      at = s.to;
    } else if (s.at !== from) {
      const atPos = posAt(parsed, ['steps', i, 'at']);
      if (checkRef(s.at!, elements, atPos, "step 'at'", out)) out.push(diag(atPos, 'notThere', s.packet, from, s.at!));
      return;
    }
    where.set(s.packet, at);
    checkExists(topo, { packet: s.packet, from, at, link, first: !steps.some((p) => p.packet === s.packet) }, i, posAt(parsed, ['steps', i, s.to !== undefined ? 'to' : 'at']), out);
    const rows = tables.step(i + 1, s.rows ?? [], (k, key) => posAt(parsed, ['steps', i, 'rows', k, ...(key ? [key] : [])]));
    const highlight = resolveHighlight(parsed, s.highlight ?? [], i, elements, tables, out);
    const ops = resolveOps(parsed, s.ops ?? [], ['steps', i, 'ops'], elements, out);
    endPacket(s.packet, ops, at, i, { parsed, where, ended, out });
    const step: Step = { index: steps.length, packet: s.packet, from, at, ops, caption: s.caption.trim(), highlight, pos };
    if (link) step.link = link.id;
    if (rows.length > 0) step.rows = rows;
    if (s.notes !== undefined) step.notes = s.notes.trim();
    const quiz = resolveQuiz(parsed, s.quiz, i, out);
    if (quiz) step.quiz = quiz;
    if (s.milestone !== undefined) step.milestone = s.milestone;
    if (created[i]!.length > 0) step.create = created[i];
    steps.push(step);
  });
  out.push(...tables.finish());
  return steps;
}

/** A step without a packet: the element that acts, and nothing a packet step has. */
function topologyStep(parsed: ParsedScene, s: RawScene['steps'][number], i: number, elements: Record<string, SceneElement>, out: Diagnostic[]): string | undefined {
  const bad = (['to', 'ops', 'milestone', 'quiz'] as const).filter((k) => s[k] !== undefined);
  if (s.at === undefined || bad.length > 0) {
    out.push(diag(posAt(parsed, ['steps', i, ...(bad[0] ? [bad[0]] : [])]), 'topologyStep', bad.length > 0 ? bad.map((k) => `'${k}'`).join(', ') : "'to'"));
    return undefined;
  }
  return checkRef(s.at, elements, posAt(parsed, ['steps', i, 'at']), "step 'at'", out) ? s.at : undefined;
}

/** The rows a step lights: each must be in its table at that step (a packet-less step lights what its actor reads). */
function resolveHighlight(parsed: ParsedScene, refs: readonly string[], i: number, elements: Record<string, SceneElement>, tables: TableTimeline, out: Diagnostic[]): Highlight[] {
  const highlight: Highlight[] = [];
  const tableIds = Object.values(elements).filter((e) => e.kind === 'table').map((e) => e.id);
  refs.forEach((h, k) => {
    const hPos = posAt(parsed, ['steps', i, 'highlight', k]);
    const [table = '', row] = h.split('#');
    const el = elements[table];
    if (!el || el.kind !== 'table') return void out.push(diag(hPos, 'notATable', 'highlight', table, didYouMean(table, tableIds)));
    const rowIds = el.rows?.map((r) => r.id) ?? [];
    if (row === undefined || !rowIds.includes(row)) return void out.push(diag(hPos, 'noSuchRow', table, row ?? '', didYouMean(row ?? '', rowIds), rowIds));
    if (!tables.shown(table, row)) return void out.push(diag(hPos, 'highlightHidden', h, i + 1, tables.why(table, row)));
    highlight.push(el.type ? { table, row, type: el.type as TableType } : { table, row });
  });
  return highlight;
}

interface Hop {
  packet: string;
  from: string;
  at: string;
  link?: Link;
  first: boolean;
}

/** A packet is only where something exists: its origin, the link it hops along and where it arrives. */
function checkExists(topo: Topology, hop: Hop, i: number, pos: SourcePos, out: Diagnostic[]): void {
  const places: [string, string][] = [];
  if (hop.first) places.push(['starts at', hop.from]);
  if (hop.link) places.push(['crosses', hop.link.id]);
  places.push(['is at', hop.at]);
  for (const [verb, id] of places) {
    const c = topo.since(id);
    if (c && c.step > i) return void out.push(diag(pos, 'beforeCreated', hop.packet, verb, id, i + 1, c.step + 1, c.line));
  }
}
