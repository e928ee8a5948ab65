// ELK's answers to graphs it has already laid out. ELK is deterministic (the
// same graph gives the same coordinates), and most edits in the editor change
// no graph: a caption, a step, a note or the title is not in it. So the last
// few graphs' results are kept, keyed by the graph's JSON, and an edit that
// leaves the boxes and links alone costs no ELK run at all. A handful is
// enough: one layout makes at most two runs, and the editor alternates
// between at most a few versions of a scene.
import type { ElkNode } from 'elkjs/lib/elk-api.js';

const KEEP = 6;

/** JSON of a graph given to ELK → JSON of ELK's result, most recent last. */
const kept = new Map<string, string>();

export const elkMemo = {
  /** Benchmarks turn it off to time ELK itself; tests that count runs clear it. */
  enabled: true,
  clear(): void {
    kept.clear();
  },
};

/**
 * ELK's result for `graph`: from the memo if this graph was laid out lately,
 * else from `layout`, kept for next time. A result is handed out as a fresh
 * copy, since the passes after ELK read it and ELK writes into its input.
 * A graph ELK rejects is not kept: the error is thrown every time.
 */
export async function memoLayout(graph: ElkNode, layout: (g: ElkNode) => Promise<ElkNode>): Promise<ElkNode> {
  if (!elkMemo.enabled) return layout(graph);
  const key = JSON.stringify(graph);
  const hit = kept.get(key);
  if (hit !== undefined) {
    kept.delete(key);
    kept.set(key, hit);
    return JSON.parse(hit) as ElkNode;
  }
  const result = await layout(graph);
  const text = JSON.stringify(result);
  kept.set(key, text);
  if (kept.size > KEEP) kept.delete(kept.keys().next().value!);
  return JSON.parse(text) as ElkNode;
}
