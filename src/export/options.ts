// What an export can be asked for, shared by the CLI, the page that renders
// frames in Chromium, and the app. Plain data: it crosses into the page as JSON.

export const FORMATS = ['svg', 'png', 'gif', 'webm', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export const THEMES = ['light', 'dark', 'projector'] as const;
export type ExportTheme = (typeof THEMES)[number];

export function isFormat(v: unknown): v is Format {
  return typeof v === 'string' && (FORMATS as readonly string[]).includes(v);
}

export function isTheme(v: unknown): v is ExportTheme {
  return typeof v === 'string' && (THEMES as readonly string[]).includes(v);
}

/**
 * Default picture width in CSS pixels. Stills and video are slide-sized; a
 * GIF's size grows with every pixel of every frame, and it is mostly seen in
 * chat and LMS pages at about half a screen.
 */
export const DEFAULT_WIDTH: Record<Format, number> = { svg: 1280, png: 1280, gif: 960, webm: 1280, html: 1280 };

/** Below this the scene's own labels are unreadable; above it a GIF frame runs to megabytes. */
export const WIDTH_RANGE = { min: 240, max: 3840 } as const;

/** PNG pixel density: sharp on high-DPI screens and when a slide is projected large. */
export const PNG_SCALE = 2;

/**
 * Frames per second while a packet moves. WebM is 30 (the issue asks so);
 * GIF delays are whole centiseconds, and 20 fps is exactly 5 cs a frame,
 * smooth enough for one badge sliding along a line at a third fewer frames.
 */
export const FPS = { gif: 20, webm: 30 } as const;

/** How the picture looks: the only options the renderer takes. */
export interface PictureOptions {
  theme: ExportTheme;
  /** CSS pixels across; the height follows from the scene's aspect and its caption band. */
  width: number;
  /** Round width and height to even numbers (video encoders need them). */
  even?: boolean;
}
