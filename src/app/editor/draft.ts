// The editor's text, kept in the browser as it is typed, so a reload loses
// nothing. Storage may be missing or refuse (private windows, quotas): then
// the editor still works, it just forgets.

export const DRAFT_KEY = 'kubehop.draft';
/** Where earlier versions kept the one draft a shared link replaced; recent.ts folds it into its list. */
export const PREVIOUS_KEY = 'kubehop.draft.previous';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function store(): Store | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function loadDraft(key: string = DRAFT_KEY, s: Store | undefined = store()): string | undefined {
  try {
    return s?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(text: string, key: string = DRAFT_KEY, s: Store | undefined = store()): boolean {
  try {
    if (!s) return false;
    s.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}
