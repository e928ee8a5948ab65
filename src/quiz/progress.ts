// Predict mode's answers, kept in the browser between visits (no server):
// one entry per scene, question id → the choice given. Whatever is stored
// is read defensively: another version, or a person, may have written it.

/** The part of the Web Storage API used here (a test hands in a Map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'kubehop:predict:';

export function loadAnswers(store: KeyValueStore | undefined, sceneId: string): Map<string, string> {
  const out = new Map<string, string>();
  let raw: unknown;
  try {
    raw = JSON.parse(store?.getItem(PREFIX + sceneId) ?? 'null');
  } catch {
    return out;
  }
  const answers = raw && typeof raw === 'object' ? (raw as { answers?: unknown }).answers : undefined;
  if (!answers || typeof answers !== 'object') return out;
  for (const [k, v] of Object.entries(answers)) if (typeof v === 'string') out.set(k, v);
  return out;
}

export function saveAnswers(store: KeyValueStore | undefined, sceneId: string, answers: ReadonlyMap<string, string>): void {
  try {
    if (answers.size === 0) store?.removeItem(PREFIX + sceneId);
    else store?.setItem(PREFIX + sceneId, JSON.stringify({ answers: Object.fromEntries(answers) }));
  } catch {
    // Storage full or refused (private mode): the quiz still works, it just is not remembered.
  }
}
