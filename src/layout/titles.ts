// Titles as drawn. A title often sets its box's width on its own: a pod's
// ("pod-a (client) 10.244.1.2") is wider than the one device it holds, a
// table's ("iptables -t nat (written by kube-proxy)") wider than its rows
// wrapped to the scene's row width (fit.ts). Such a title wraps at spaces
// to the width of what is under it: one more line of height buys back the
// width, which the stage is usually shorter of.
import type { Scene, SceneElement } from '../scene/model.ts';
import { FONT } from './types.ts';
import { leafSize, PAD, tableSize, titleWidth, wrap, WRAP, type Size } from './measure.ts';
import { childrenOf, isContainer } from './scene-tree.ts';
import type { TableWrap } from './table-wrap.ts';

/** ELK's default gap between siblings in a pod (pods set no spacing of their own). */
const POD_SIBLING_GAP = 20;

const wrapLines = (lines: readonly string[], chars: number): string[] =>
  lines.flatMap((l) => (Array.from(l).length <= chars ? [l] : wrap(l, chars).map((w) => w.trimEnd())));

/** A table's size with its title wrapped as drawn. */
export function tableBox(table: SceneElement, wraps: ReadonlyMap<string, TableWrap>): Size {
  const fit = wraps.get(table.id) ?? (table.live ? { limit: WRAP.row, gutter: true } : { limit: WRAP.row });
  return tableSize(wrapLines(table.label, fit.limit), (table.rows ?? []).map((r) => [r.text, ...(r.later ?? [])]), fit);
}

/** Width of a pod's children side by side, or undefined when they are not all leaves. */
function contentWidth(scene: Scene, pod: SceneElement, wraps: ReadonlyMap<string, TableWrap>): number | undefined {
  const kids = childrenOf(scene, pod.id);
  if (kids.length === 0 || kids.some((k) => isContainer(k))) return undefined;
  const widths = kids.map((k) => (k.kind === 'table' ? tableBox(k, wraps).width : leafSize(k.label).width));
  return widths.reduce((a, b) => a + b, 0) + POD_SIBLING_GAP * (widths.length - 1);
}

/**
 * The lines an element's title is drawn in: a table's wrapped at its row
 * width, a one-line pod title at its contents' width (`podPad` is a pod's
 * inner padding); everything else as given.
 */
export function titleLines(scene: Scene, el: SceneElement, wraps: ReadonlyMap<string, TableWrap>, podPad: number): string[] {
  if (el.kind === 'table') return wrapLines(el.label, (wraps.get(el.id) ?? { limit: WRAP.row }).limit);
  if (el.kind !== 'pod' || el.label.length !== 1) return [...el.label];
  const inner = contentWidth(scene, el, wraps);
  if (inner === undefined) return [...el.label];
  // Under a wider device (Calico's cali… with its proxy-ARP line) the stack
  // column is that wide anyway: wrapping would only cost height.
  const oneLine = titleWidth(el.label) - 2 * PAD.titleX + 2 * podPad;
  const siblings = el.parent === undefined ? [] : childrenOf(scene, el.parent);
  if (siblings.some((s) => s.kind !== 'table' && !isContainer(s) && leafSize(s.label).width >= oneLine)) return [...el.label];
  const room = inner + 2 * podPad - 2 * PAD.titleX;
  return wrapLines(el.label, Math.max(1, Math.floor(room / (FONT.charWidth * FONT.titleSize))));
}
