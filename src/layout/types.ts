// The layout stage's output: absolute coordinates, plain JSON, so it can be
// computed in Node at build time and shipped to a page that never loads elkjs.

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  /** Qualified element id. */
  id: string;
  kind: string;
  /** Device or table type, for styling. */
  type?: string;
  /** The id of the box around this one; none at the top level. */
  parent?: string;
  /** Drawn as a container, title top-left: nodes and pods, and any box that holds others. */
  container?: true;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Title lines, drawn centred for leaf boxes, top-left for containers. */
  label: string[];
  /** Tables whose rows come, go or change: the row text starts after a gutter (PAD.rowTag) for the marker. */
  live?: boolean;
  /** Tables: one entry per row, with the row's own box. */
  rows?: {
    id: string;
    text: string;
    /** The text as drawn: long rows wrap at spaces; the lines joined give `text` back. */
    lines?: string[];
    /** The lines of each text a step changes the row to (the scene row's `later`), in that order. */
    later?: string[][];
    x: number;
    y: number;
    width: number;
    height: number;
  }[];
}

export interface EdgeRoute {
  /** Link id. */
  link: string;
  kind: string;
  /** Qualified ids of the link's ends, as in the scene (`a` first). */
  a: string;
  b: string;
  /** Polyline from end `a` to end `b`, absolute coordinates. */
  points: Point[];
  /**
   * The label as drawn: its lines (wrapped at spaces, each keeping its
   * trailing space, so joined they give the link's label back) and the box
   * the text fills, lines centred in it.
   */
  label?: EdgeLabel;
  /** True when no route could be laid out and `points` is the straight last resort. */
  fallback?: boolean;
}

export interface EdgeLabel {
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Geometry {
  width: number;
  height: number;
  /** Parents before children, each parent's boxes in the scene's order. */
  boxes: Box[];
  edges: EdgeRoute[];
  /**
   * Where a packet sits at an id that has no box: empty from the layout, where
   * every element has one (a packet at a box rests on a corner of it, chosen
   * in timeline/rest.ts); hand-made geometries in tests place points here.
   */
  anchors: Record<string, Point>;
  /**
   * Where the packet card rests at each step (top-left corner), worked out once
   * after layout (timeline/card-room.ts) so a page showing a precompiled scene
   * does not search for free space again; null where the packet has nowhere to be.
   */
  cards?: (Point | null)[];
}

/** Font metrics shared by layout (to size boxes) and render (to draw text). */
export const FONT = {
  family: "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace",
  size: 13,
  titleSize: 13,
  /** Advance width of one character as a fraction of the font size (DejaVu Sans Mono: 0.602). */
  charWidth: 0.62,
  lineHeight: 1.35,
  /** The wrapped lines inside one table row sit closer: each row has its own box to separate it from the next. */
  rowLineHeight: 1.2,
} as const;
