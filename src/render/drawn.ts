// What render drew, under the names the timeline knows: each box by its
// element id, each table row by its one id (`rowId`), each live table's
// "(empty)" note by the table's id. The timeline changes these elements at
// every step; it never looks them up by selector or data attribute (those
// stay, for tests and stylesheets).
import type { RowId } from '../derive/row-id.ts';

export interface DrawnRow {
  g: SVGGElement;
  table: string;
  /** Each text the row ever shows (0: as the scene starts), with its strike-through lines. */
  versions: SVGElement[][];
  /** The gutter's +, − or ~: live tables only. */
  tag?: SVGTextElement;
}

export interface Drawn {
  boxes: Map<string, SVGGElement>;
  rows: Map<RowId, DrawnRow>;
  empty: Map<string, SVGTextElement>;
  /** Each link's line and label by link id (the timeline hides a link not yet created). */
  edges: Map<string, SVGElement[]>;
}

// Kept beside the <svg> rather than passed along, so every shell that renders and then builds a timeline on the same element gets them.
const bySvg = new WeakMap<SVGSVGElement, Drawn>();

export function keepDrawn(svg: SVGSVGElement, drawn: Drawn): Drawn {
  bySvg.set(svg, drawn);
  return drawn;
}

/** What render last drew into `svg`: empty maps for an <svg> it never drew. */
export function drawnIn(svg: SVGSVGElement): Drawn {
  return bySvg.get(svg) ?? { boxes: new Map(), rows: new Map(), empty: new Map(), edges: new Map() };
}
