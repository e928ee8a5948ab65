// The smallest diagram text each place that shows a scene asks for, in CSS
// pixels: a projected slide is read from the back of a room, the app from a
// desk, a phone from a hand's length away.

export type Shell = 'presenter' | 'app' | 'embed';

export const MIN_TEXT_PX = { presenter: 18, app: 12, phone: 11, embed: 11 } as const;

/** Below this window width (CSS px) the app counts as on a phone. */
export const PHONE_MAX_WIDTH = 600;

export function minTextPx(shell: Shell, windowWidth: number): number {
  if (shell === 'presenter') return MIN_TEXT_PX.presenter;
  if (shell === 'embed') return MIN_TEXT_PX.embed;
  return windowWidth < PHONE_MAX_WIDTH ? MIN_TEXT_PX.phone : MIN_TEXT_PX.app;
}
