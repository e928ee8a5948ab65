// Recent drafts: the texts that a share link, a bundled scene, a template or a
// restored draft replaced in the editor, newest first, so that any of them can
// be brought back from the editor itself. Kept in the browser beside the draft;
// storage that is missing or refuses only means the list is not remembered.
import { PREVIOUS_KEY, loadDraft, saveDraft } from './draft.ts';

export const RECENT_KEY = 'kubehop.drafts.recent';
/** Enough to step back through a session's worth of links; small next to storage quotas. */
export const RECENT_MAX = 8;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The list with `text` first (once), at most `max` long. Blank text is not worth a place. */
export function remember(list: readonly string[], text: string, max: number = RECENT_MAX): string[] {
  if (text.trim() === '') return [...list];
  return [text, ...list.filter((t) => t !== text)].slice(0, max);
}

export function forget(list: readonly string[], text: string): string[] {
  return list.filter((t) => t !== text);
}

/** A draft's name in the list: its top-level `title:`, else its first non-blank line. */
export function titleOf(text: string): string {
  const m = /^title:[ \t]*(.*?)[ \t]*$/m.exec(text);
  const raw = m?.[1]?.replace(/^(['"])(.*)\1$/, '$2').trim();
  if (raw) return raw;
  const first = text.split('\n').find((l) => l.trim() !== '')?.trim();
  return first ? (first.length > 40 ? `${first.slice(0, 39)}…` : first) : 'Untitled draft';
}

export function lineCount(text: string): number {
  return text.replace(/\n+$/, '').split('\n').length;
}

/** The stored list; the single draft older versions kept under PREVIOUS_KEY joins it. */
export function loadRecent(s?: Store): string[] {
  let list: string[] = [];
  const json = loadDraft(RECENT_KEY, s);
  if (json !== undefined) {
    try {
      const v: unknown = JSON.parse(json);
      if (Array.isArray(v)) list = v.filter((t): t is string => typeof t === 'string');
    } catch {
      // A damaged list is dropped, not thrown: the editor must still open.
    }
  }
  const previous = loadDraft(PREVIOUS_KEY, s);
  if (previous !== undefined && !list.includes(previous)) list = [...list, previous].filter((t) => t.trim() !== '');
  return list.slice(0, RECENT_MAX);
}

export function saveRecent(list: readonly string[], s?: Store): boolean {
  const ok = saveDraft(JSON.stringify(list), RECENT_KEY, s);
  // The old single slot is in the list now; emptied, so a draft restored from the list does not come back to it.
  if (ok) saveDraft('', PREVIOUS_KEY, s);
  return ok;
}
