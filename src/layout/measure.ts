// Text metrics and box sizes from FONT alone. The font is monospace, so a
// width is characters × advance: exact, and the same in Node and a browser,
// which lets a layout computed at build time fit the text drawn at run time.
import { FONT } from './types.ts';

export function textWidth(text: string, size: number = FONT.size): number {
  // Code points, not UTF-16 units: '→' is one glyph.
  return Array.from(text).length * FONT.charWidth * size;
}

export function maxWidth(lines: readonly string[], size: number = FONT.size): number {
  return lines.reduce((w, l) => Math.max(w, textWidth(l, size)), 0);
}

export function lineHeight(size: number = FONT.size): number {
  return size * FONT.lineHeight;
}

/** Line pitch of the wrapped lines in one table row. */
export function rowLineHeight(size: number = FONT.size): number {
  return size * FONT.rowLineHeight;
}

/** Space between text and the edge of its box; shared with the renderer. */
export const PAD = {
  /** Leaf boxes (devices, externals, processes). */
  leafX: 12,
  leafY: 6,
  /** Containers: the title's offset from the top-left corner. */
  titleX: 10,
  titleY: 8,
  /** Gap under a container's title before its children start. */
  titleGap: 6,
  /** Tables: a row's inset from the table's sides and its text's inset from the row. */
  rowInset: 6,
  rowTextX: 6,
  rowGap: 2,
  rowExtra: 4,
  /** Tables whose rows come, go or change: a gutter before the text for the +, − or ~ that says which. */
  rowTag: 12,
} as const;

export const MIN_LEAF_WIDTH = 64;

export interface Size {
  width: number;
  height: number;
}

export function leafSize(lines: readonly string[]): Size {
  return {
    width: Math.max(MIN_LEAF_WIDTH, Math.ceil(maxWidth(lines) + 2 * PAD.leafX)),
    height: Math.ceil(Math.max(1, lines.length) * lineHeight() + 2 * PAD.leafY),
  };
}

/**
 * Table rows and edge labels wider than this many characters wrap at spaces.
 * `row` is only the default: the layout picks each scene's table width to fit
 * the stage (fit.ts), so a row may be laid out wider or narrower. A label in
 * the gap between two columns wraps at `gapLabel`: the gap is as wide as it.
 */
export const WRAP = { row: 34, edgeLabel: 20, gapLabel: 12 } as const;

/**
 * Greedy word wrap. Each line keeps its trailing space, so the lines joined
 * give back the text exactly (a row's textContent stays its text); a word
 * longer than the limit gets a line of its own.
 */
/** Length in code points, as Array.from counts it, without building the array. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

export function wrap(text: string, maxChars: number): string[] {
  const words = text.match(/\S+\s*/g);
  if (!words) return [text];
  const lines: string[] = [];
  let cur = '';
  // Lengths in code points, kept as the line grows (the layout wraps every table at every candidate width).
  let curChars = 0;
  for (const w of words) {
    const bare = codePoints(w.trimEnd());
    if (cur !== '' && curChars + bare > maxChars) {
      lines.push(cur);
      cur = '';
      curChars = 0;
    }
    cur += w;
    curChars += codePoints(w);
  }
  lines.push(cur);
  // Leading spaces belong to the first line.
  const lead = text.slice(0, text.length - text.trimStart().length);
  lines[0] = lead + lines[0];
  return lines;
}

/** Width of wrapped lines as drawn (their trailing spaces are not visible). */
export function linesWidth(lines: readonly string[], size: number = FONT.size): number {
  return lines.reduce((w, l) => Math.max(w, textWidth(l.trimEnd(), size)), 0);
}

/** Height of one table row's own rectangle. */
export function tableRowHeight(lines = 1): number {
  return lines * rowLineHeight() + PAD.rowExtra;
}

/** Height of a container's title band (lines plus the gaps around them). */
export function titleBand(lines: readonly string[], size: number = FONT.titleSize): number {
  return Math.ceil(PAD.titleY + lines.length * lineHeight(size) + PAD.titleGap);
}

export function titleWidth(lines: readonly string[], size: number = FONT.titleSize): number {
  return Math.ceil(maxWidth(lines, size) + 2 * PAD.titleX);
}

/**
 * `limit`: the characters a row holds before it wraps (table-wrap.ts decides
 * it per table); with `fill` the table is that wide even if no row is.
 */
export function tableSize(
  title: readonly string[],
  rows: readonly (string | readonly string[])[],
  { limit, fill, gutter }: { limit: number; fill?: boolean; gutter?: boolean } = { limit: WRAP.row },
): Size {
  // A row whose text changes is as tall as its tallest text, and the table as wide as the widest.
  const versions = rows.map((r) => (typeof r === 'string' ? [r] : r).map((t) => wrap(t, limit)));
  const wrapped = versions.map((v) => v.reduce((a, b) => (b.length > a.length ? b : a)));
  const widest = fill ? limit * FONT.charWidth * FONT.size : Math.max(0, ...versions.flat().map((l) => linesWidth(l)));
  const rowsW = widest + 2 * (PAD.rowInset + PAD.rowTextX) + (gutter ? PAD.rowTag : 0);
  const titleW = maxWidth(title) + 2 * PAD.leafX;
  const titleH = PAD.leafY + title.length * lineHeight();
  const rowsH = wrapped.reduce((h, l) => h + tableRowHeight(l.length) + PAD.rowGap, 0);
  return {
    width: Math.max(MIN_LEAF_WIDTH, Math.ceil(Math.max(rowsW, titleW))),
    height: Math.ceil(titleH + PAD.rowGap + rowsH + PAD.leafY),
  };
}
