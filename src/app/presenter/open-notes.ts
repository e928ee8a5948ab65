// The speaker-notes window: a page of its own (notes.html, a second Vite
// entry beside index.html), opened from the player with S or its button.

import { formatHash } from '../../player/index.ts';

// One named window: pressing S again finds it rather than stacking up copies.
const NAME = 'kubehop-notes';

/** notes.html beside the page at `base` (the app may be served from a sub-folder). */
export function notesUrl(base: string, scene: string, step: number): string {
  return new URL(`notes.html${formatHash(scene, step)}`, base).href;
}

/** Brings the notes window forward, opening it if needed; null when the browser blocked the pop-up. */
export function openNotes(scene: string, step: number, existing: Window | null): Window | null {
  if (existing && !existing.closed) {
    // Reloading it would restart the presenter's timer; the channel already keeps it in step.
    existing.focus();
    return existing;
  }
  return window.open(notesUrl(location.href, scene, step), NAME, 'popup,width=1100,height=720');
}
