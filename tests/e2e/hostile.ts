// Hostile strings and a scene full of them, for the tests that check scene
// text is inert wherever it is shown.
import { readFileSync } from 'node:fs';
import { parseDocument, isMap, isScalar, isSeq, visit } from 'yaml';

export const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'onerror\'">',
  'javascript:window.__pwned = "href"',
  '<svg><foreignObject><iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe></foreignObject></svg>',
  '</style><style>*{display:none !important}</style>',
  '"><a id="kh-evil" href="javascript:window.__pwned = 1">click</a>',
  "{@html '<b id=kh-evil>svelte</b>'} ${window.__pwned = 'template'}",
  '&lt;b&gt; stays as typed &amp; <!-- not a comment -->',
];

/** Text fields people read: every one gets a hostile string (ids and addresses are checked by the schema). */
const TEXT_KEYS = new Set(['title', 'summary', 'caption', 'notes', 'label', 'text']);

/** A real scene with a hostile string in every text field, still a valid scene. */
export function hostileScene(): string {
  const doc = parseDocument(readFileSync('scenes/same-node-bridge.yaml', 'utf8'));
  let i = 0;
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (TEXT_KEYS.has(key) && isScalar(pair.value)) pair.value = doc.createNode(`${HOSTILE[i++ % HOSTILE.length]} #${i}`);
    },
  });
  // Table rows written as plain strings are text too.
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'rows' && isSeq(pair.value)) {
        pair.value.items = pair.value.items.map((row) => (isMap(row) ? row : doc.createNode(`${HOSTILE[i++ % HOSTILE.length]} #${i}`)));
      }
    },
  });
  return doc.toString();
}
