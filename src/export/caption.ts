// The caption band under an exported picture: where a slide, a GIF or a
// printed page shows what the player's caption bar would. Pure layout from
// character counts: the band uses the scene's monospace font, whose advance
// is known (FONT.charWidth), so lines wrap the same in jsdom (no text
// measuring at all) and in Chromium, and a frame never needs a browser to
// know how tall its band is.
import { FONT } from '../layout/types.ts';

/** Smallest caption text, in output pixels: readable in a chat thumbnail. */
export const MIN_CAPTION_PX = 14;

export interface BandLayout {
  /** All in the scene's own units (the SVG's viewBox), so the band scales with the picture. */
  fontSize: number;
  padX: number;
  padY: number;
  lineHeight: number;
  /** Characters that fit on one line. */
  columns: number;
  /** Lines the band has room for: the longest caption of the scene, so every frame is the same size. */
  lines: number;
  height: number;
}

/**
 * Words into lines of at most `columns` characters. A word longer than a
 * line (a long address, a chain name) is cut, so no line runs off the picture.
 */
export function wrapText(text: string, columns: number): string[] {
  const cols = Math.max(1, Math.floor(columns));
  const lines: string[] = [];
  let line = '';
  for (let word of text.trim().split(/\s+/).filter(Boolean)) {
    while (Array.from(word).length > cols) {
      if (line) lines.push(line), (line = '');
      const chars = Array.from(word);
      lines.push(chars.slice(0, cols).join(''));
      word = chars.slice(cols).join('');
    }
    if (!word) continue;
    const next = line ? `${line} ${word}` : word;
    if (Array.from(next).length <= cols) line = next;
    else lines.push(line), (line = word);
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The band for a scene `sceneWidth` units wide shown `width` pixels wide.
 * The caption is a little larger than the diagram's labels (it is what a
 * viewer reads first), and never below MIN_CAPTION_PX on the output.
 */
export function bandLayout(captions: readonly string[], sceneWidth: number, width: number): BandLayout {
  const unitsPerPx = sceneWidth / Math.max(1, width);
  const fontSize = Math.max(FONT.size * 1.25, MIN_CAPTION_PX * unitsPerPx);
  const padX = fontSize * 0.9;
  const padY = fontSize * 0.7;
  const lineHeight = fontSize * FONT.lineHeight;
  const columns = Math.max(8, Math.floor((sceneWidth - 2 * padX) / (FONT.charWidth * fontSize)));
  const lines = Math.max(1, ...captions.map((c) => wrapText(c, columns).length));
  // One line for "Step k of n", then the caption.
  const height = 2 * padY + (1 + lines) * lineHeight;
  return { fontSize, padX, padY, lineHeight, columns, lines, height };
}

/** The counter, 1-based like the player's: "Step 3 of 20". */
export function stepLabel(k: number, count: number): string {
  return `Step ${count ? k + 1 : 0} of ${count}`;
}
