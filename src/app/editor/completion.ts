// Completion: keys from the schema where a key goes; where a value goes,
// element ids for references (to:, at:, src:, …), table rows for highlight,
// packet ids for packet:, and the schema's fixed values (kind:, type:, …).
import type { CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import type { Ids } from './ids.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Keys whose value names an element. */
export const REF_KEYS = new Set(['to', 'at', 'origin', 'src', 'dst', 'dev', 'via', 'beside', 'between', 'sender', 'target']);

export type Slot = { kind: 'key'; word: string } | { kind: 'value'; key: string; word: string } | undefined;

/** Whether the text before the cursor on its line is a key or a value being typed, and which. */
export function slotAt(before: string): Slot {
  const v = /([A-Za-z][\w-]*):\s+(?:\[(?:[^\]]*,\s*)?)?([^\s,[\]{}]*)$/.exec(before);
  if (v) return { kind: 'value', key: v[1]!, word: v[2]! };
  const k = /(?:^\s*(?:-\s+)?|[{,]\s*)([A-Za-z][\w-]*)?$/.exec(before);
  if (k) return { kind: 'key', word: k[1] ?? '' };
  return undefined;
}

/** The words to offer in a slot. */
export function options(slot: Slot, vocab: Vocabulary, ids: Ids): { label: string; type: string }[] {
  if (!slot) return [];
  if (slot.kind === 'key') return vocab.keys.map((k) => ({ label: k, type: 'property' }));
  const { key } = slot;
  if (key === 'highlight') return ids.rows.map((r) => ({ label: r, type: 'variable' }));
  if (key === 'packet') return ids.packets.map((p) => ({ label: p, type: 'variable' }));
  if (REF_KEYS.has(key)) return ids.elements.map((e) => ({ label: e, type: 'variable' }));
  return (vocab.values.get(key) ?? []).map((v) => ({ label: v, type: 'enum' }));
}

export function sceneCompletion(vocab: () => Vocabulary, ids: () => Ids): CompletionSource {
  return (ctx: CompletionContext): CompletionResult | null => {
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = line.text.slice(0, ctx.pos - line.from);
    // Nothing in comments.
    if (/(^|\s)#/.test(before.replace(/#[\w-]*$/, ''))) return null;
    const slot = slotAt(before);
    if (!slot || (slot.word === '' && !ctx.explicit)) return null;
    const list = options(slot, vocab(), ids());
    if (list.length === 0) return null;
    // A key completes to `key: `.
    const opts = slot.kind === 'key' ? list.map((o) => ({ ...o, apply: `${o.label}: ` })) : list;
    return { from: ctx.pos - slot.word.length, options: opts, validFor: /^[\w./#-]*$/ };
  };
}
