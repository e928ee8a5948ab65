// The packet card's own geometry: where each bar, row and piece of text of a
// CardView goes, relative to the card's top-left corner. Monospace text makes
// widths exact (characters × advance), so placement (card-place.ts) knows
// the card's size without a browser, and the drawing (card-draw.ts) only
// copies these numbers into the SVG.
import { FONT } from '../layout/types.ts';
import { lineHeight, textWidth } from '../layout/measure.ts';
import type { CardFate, CardLine, CardPart, CardView, PacketKind } from './card-content.ts';

export type CardTextRole = 'title' | 'ttl' | 'ttl-was' | 'line' | 'was' | 'now' | 'tag' | 'band-title' | 'band-line' | 'band-note' | 'fate-head' | 'fate-line';

export interface CardText {
  x: number;
  /** Centre of the text's line (drawn with dominant-baseline: central). */
  y: number;
  text: string;
  role: CardTextRole;
  /** Drawn struck through: the old value of a rewrite, or a layer a decap removed. */
  struck?: boolean;
  /** Text width in picture units, so a strike line can be drawn exactly across it. */
  width: number;
}

export type CardRectRole = 'band' | 'card' | 'bar' | 'changed' | 'lit' | 'lit-marker' | 'fate';

export interface CardRect {
  x: number;
  y: number;
  width: number;
  height: number;
  role: CardRectRole;
}

export interface CardShape {
  width: number;
  height: number;
  kind: PacketKind;
  bandState?: 'new' | 'kept' | 'removed';
  fate?: CardFate['kind'];
  rects: CardRect[];
  texts: CardText[];
}

/** Same size as the diagram's own labels: the card must be as legible as what it sits on. */
const SIZE = FONT.size;
const PAD = { x: 8, y: 4, band: 8, gap: 2 * FONT.charWidth * SIZE } as const;

export function cardShape(view: CardView): CardShape {
  const lh = lineHeight(SIZE);
  const rects: CardRect[] = [];
  const texts: CardText[] = [];
  const inner = [...partRows(view.inner), ...(view.fate ? fateRows(view.fate) : [])];
  const innerW = Math.max(...inner.map((r) => r.width)) + 2 * PAD.x;
  const band = view.band;
  const fate = view.fate ? { fate: view.fate.kind } : {};
  if (!band) {
    const height = placeCard(inner, 0, 0, innerW, lh, rects, texts);
    return { width: Math.ceil(innerW), height: Math.ceil(height), kind: view.kind, ...fate, rects, texts };
  }
  // The band: its own rows above the card, the card inset by PAD.band, a note under it at an encap or decap.
  const bandRows = partRows(band, true);
  const note = band.state === 'removed' ? 'decap: outer headers removed' : band.state === 'new' ? 'encap: outer headers added' : undefined;
  const noteRow: Row | undefined = note === undefined ? undefined : { width: textWidth(note), items: [{ text: note, role: 'band-note', dx: 0 }] };
  const width = Math.ceil(Math.max(innerW, ...[...bandRows, ...(noteRow ? [noteRow] : [])].map((r) => r.width)) + 2 * PAD.band);
  let y: number = PAD.y;
  for (const row of bandRows) y = placeRow(row, PAD.band, y, lh, texts, band.state === 'removed', width - PAD.band);
  y = placeCard(inner, PAD.band, y + PAD.y, innerW, lh, rects, texts) + PAD.y;
  if (noteRow) y = placeRow(noteRow, PAD.band, y, lh, texts, false);
  y += PAD.y;
  rects.unshift({ x: 0, y: 0, width, height: y, role: 'band' });
  return { width, height: Math.ceil(y), kind: view.kind, bandState: band.state, ...fate, rects, texts };
}

/** The fate bar (DROPPED, REJECTED, WAITS 1 s) and its reason under it, wrapped like any value. */
function fateRows(fate: CardFate): Row[] {
  const head: Row = { width: textWidth(fate.head), items: [{ text: fate.head, role: 'fate-head', dx: 0 }], fate: true };
  return [head, ...fate.lines.flatMap((line) => valueRows('', line, 'fate-line', 'fate-line', undefined, false))];
}

interface RowItem {
  text: string;
  role: CardTextRole;
  /** Offset from the row's left edge. */
  dx: number;
  /** Right-aligned to the card's inner edge (the TTL on the title bar). */
  right?: boolean;
}

interface Row {
  width: number;
  items: RowItem[];
  /** A rewritten field's new value: the row gets a highlight behind it. */
  changed?: boolean;
  lit?: boolean;
  /** The fate bar's title: drawn on a bar of its own colour across the card. */
  fate?: boolean;
}

/** A part's rows: title bar first, then each line (a rewrite takes two: the old value struck, then the new). */
function partRows(p: CardPart, isBand = false): Row[] {
  const rows: Row[] = [];
  const titleItems: RowItem[] = [{ text: p.title, role: isBand ? 'band-title' : 'title', dx: 0 }];
  let titleW = textWidth(p.title);
  if (p.ttl) {
    // `ttl 64 63` with 64 struck: the decrement is seen, not only read.
    const role = isBand ? 'band-title' : 'ttl';
    const group: RowItem[] = p.ttlWas
      ? [
          { text: 'ttl ', role, dx: 0, right: true },
          { text: p.ttlWas.replace('ttl ', ''), role: 'ttl-was', dx: textWidth('ttl '), right: true },
          // SVG drops a text's leading space: the gap goes into the offset instead.
          { text: p.ttl.replace('ttl ', ''), role, dx: textWidth(`ttl ${p.ttlWas.replace('ttl ', '')} `), right: true },
        ]
      : [{ text: p.ttl, role, dx: 0, right: true }];
    titleItems.push(...group);
    titleW += PAD.gap + groupWidth(group);
  }
  rows.push({ width: titleW, items: titleItems });
  for (const line of p.lines) {
    const lr = lineRows(line, isBand);
    // Every row of the new value (a long one wraps), not the old one struck above it: the lit row is the one that rewrote it.
    if (line.lit) for (const r of lr) if (r.items.every((it) => it.role !== 'was')) r.lit = true;
    rows.push(...lr);
  }
  return rows;
}

/** Width of items laid out by their offsets (the leading spaces are in `dx`, not in the text). */
function groupWidth(items: RowItem[]): number {
  return items.reduce((w, it) => Math.max(w, it.dx + textWidth(it.text)), 0);
}

function lineRows(line: CardLine, isBand: boolean): Row[] {
  const label = `${line.label} `;
  const tag = line.tag ? `← ${line.tag}` : undefined;
  if (line.was === undefined) {
    const role: CardTextRole = isBand ? 'band-line' : line.tag ? 'now' : 'line';
    return valueRows(label, line.value, role, role, tag, !!line.tag && !isBand);
  }
  return [...valueRows(label, line.was, 'line', 'was', undefined, false), ...valueRows(label, line.value, 'now', 'now', tag, true)];
}

/** Longest line on a card, in characters: a long name wraps rather than widening the card past a phone's view. */
export const MAX_CHARS = 34;

/**
 * A field's rows: the label, then the value wrapped at MAX_CHARS (after a
 * dot, slash, comma or space, so a DNS name breaks between its labels),
 * continuation rows indented under the value; the tag goes after the last
 * piece, or on a row of its own when it does not fit there.
 */
function valueRows(label: string, value: string, labelRole: CardTextRole, valueRole: CardTextRole, tag: string | undefined, changed: boolean): Row[] {
  const lw = textWidth(label);
  const room = Math.max(8, MAX_CHARS - Array.from(label).length);
  const pieces = wrap(value, room);
  const rows: Row[] = pieces.map((piece, i) => ({
    width: lw + textWidth(piece),
    items: [...(i === 0 ? [{ text: label, role: labelRole, dx: 0 }] : []), { text: piece, role: valueRole, dx: lw }],
    changed,
  }));
  if (tag) {
    const last = rows[rows.length - 1]!;
    const lastLen = Array.from(pieces[pieces.length - 1] ?? '').length;
    if (lastLen + 2 + Array.from(tag).length <= room) {
      const dx = lw + textWidth(pieces[pieces.length - 1] ?? '') + textWidth('  ');
      last.items.push({ text: tag, role: 'tag', dx });
      last.width = dx + textWidth(tag);
    } else {
      rows.push({ width: lw + textWidth(tag), items: [{ text: tag, role: 'tag', dx: lw }], changed });
    }
  }
  return rows;
}

function wrap(text: string, room: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  let start = 0;
  while (chars.length - start > room) {
    // Between words first; inside a word (a long DNS name) after a dot or slash; an address is never split when a space will do.
    const cut = lastBreak(chars, start, room, ' ,') ?? lastBreak(chars, start, room, './') ?? start + room;
    out.push(chars.slice(start, cut).join('').trimEnd());
    start = cut;
    while (chars[start] === ' ') start++;
  }
  out.push(chars.slice(start).join(''));
  return out;
}

function lastBreak(chars: string[], start: number, room: number, after: string): number | undefined {
  for (let k = start + room; k > start; k--) if (after.includes(chars[k - 1]!)) return k;
  return undefined;
}

/** `right`: where right-aligned items (a TTL) end. */
function placeRow(row: Row, x: number, y: number, lh: number, texts: CardText[], struck: boolean, right = x): number {
  const rightW = groupWidth(row.items.filter((it) => it.right));
  for (const it of row.items) {
    const t: CardText = { x: (it.right ? right - rightW : x) + it.dx, y: y + lh / 2, text: it.text, role: it.role, width: textWidth(it.text) };
    if (struck || it.role === 'was' || it.role === 'ttl-was') t.struck = true;
    texts.push(t);
  }
  return y + lh;
}

function placeCard(rows: Row[], x: number, top: number, width: number, lh: number, rects: CardRect[], texts: CardText[]): number {
  const barH = lh + 2 * PAD.y;
  const [title, ...body] = rows;
  rects.push({ x, y: top, width, height: 0, role: 'card' });
  const card = rects[rects.length - 1]!;
  rects.push({ x, y: top, width, height: barH, role: 'bar' });
  const items = title?.items ?? [];
  const rightW = groupWidth(items.filter((it) => it.right));
  for (const it of items) {
    const w = textWidth(it.text);
    const t: CardText = { x: (it.right ? x + width - PAD.x - rightW : x + PAD.x) + it.dx, y: top + barH / 2, text: it.text, role: it.role, width: w };
    if (it.role === 'ttl-was') t.struck = true;
    texts.push(t);
  }
  let y = top + barH + PAD.y;
  for (const row of body) {
    if (row.changed || row.lit) rects.push({ x: x + 2, y, width: width - 4, height: lh, role: row.lit ? 'lit' : 'changed' });
    // A marker bar, as on the lit table row: the match is seen without colour.
    if (row.lit) rects.push({ x: x + 2, y, width: 4, height: lh, role: 'lit-marker' });
    if (row.fate) rects.push({ x, y, width, height: lh, role: 'fate' });
    y = placeRow(row, x + PAD.x, y, lh, texts, false);
  }
  y += PAD.y;
  card.height = y - top;
  return y;
}
