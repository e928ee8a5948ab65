// The view at a moment of the timeline: step k at rest shows its own view;
// while step k's packet travels, the view moves from step k-1's to step k's
// with the same easing as the packet, so the camera keeps up with it. A pure
// function of (step, progress): seeking shows what playing shows.

import { easeInOut } from '../timeline/frame.ts';
import { lerpRect, type Rect } from './rect.ts';

export function viewAt(views: readonly Rect[], step: number, progress: number): Rect | undefined {
  const end = views[step];
  if (!end) return undefined;
  const start = views[step - 1];
  if (!start || progress >= 1) return end;
  return lerpRect(start, end, easeInOut(Math.max(0, progress)));
}
