// The limits on a scene file, in one place. A scene is text from anyone (a
// pasted file, a link to an embed), so every way a small input can cost a lot
// of time or memory is capped, and going over a cap is a diagnostic at the
// place where it was crossed, saying what was expected: never a hang, a crash
// or a blank page.
//
// The bundled scenes use a tenth of each limit or less (about 10 KB, 20
// elements, 10 links, 20 steps, 9 levels of nesting, 7 headers, no aliases),
// so the limits leave room for much larger scenes while keeping the worst
// case of each stage to seconds (layout, the slow stage, took about 6 s for
// 200 elements on a busy 2-core machine).
//
// Each is checked before the stage it protects: the size before anything
// (load.ts); nesting and items from the parser's tokens, before the YAML
// document is built (parse.ts); aliases before the document's values are
// (parse.ts); elements, links, steps and headers before the schema (load.ts);
// headers again as derive encapsulates (derive/apply.ts).
import { Lexer, isAlias, isCollection, isPair, type Document, type Node as YamlNode, type CST } from 'yaml';
import type { Diagnostic } from './diagnostic.ts';
import { diag, problem, type Problem } from './messages.ts';
import type { SourcePos } from './model.ts';

type PathKey = string | number;

export const LIMITS = {
  /** Size of the file in bytes (UTF-8). Bounds the cost of everything else; the YAML parser alone takes seconds for 512 KiB of hostile input. */
  bytes: 512 * 1024,
  /** Levels of lists and maps inside each other. A scene needs about 10; deeper nesting is refused before it can exhaust the stack. */
  depth: 32,
  /** Items of one YAML list or keys of one map. Checking keys for duplicates takes time that grows with the square of this. */
  items: 5000,
  /** YAML aliases (`*name`) in the file. Scenes need none; a few are a convenience. */
  aliases: 100,
  /** Values that all aliases stand for once expanded ("billion laughs": ten aliases to ten aliases to … is a tiny file that expands without end). */
  aliasValues: 10_000,
  /** Elements, counting those inside nodes, pods and externals. Layout is the slow stage and grows with this. */
  elements: 200,
  /** Links between elements: each is an edge for the layout engine to route. */
  links: 500,
  /** Steps of the walkthrough. */
  steps: 1000,
  /** Headers of one packet, as written and after encapsulation. Each step works on the whole stack (a real packet has under ten). */
  headers: 32,
} as const;

/** 1-based line and column of an offset into the text, for positions found before the YAML parser has counted the lines. */
export function textPos(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/** The file is too large: pointed at the character where it crosses the limit. */
export function checkSize(text: string, file: string): Diagnostic | undefined {
  // Each UTF-16 unit is at least one byte of UTF-8, so short text needs no counting.
  if (text.length * 3 <= LIMITS.bytes) return undefined;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
    if (bytes > LIMITS.bytes) {
      return diag({ file, ...textPos(text, i) }, 'fileTooLarge', LIMITS.bytes);
    }
  }
  return undefined;
}

/**
 * Lists and maps too deeply nested, or too long, seen in the parser's tokens
 * (CST) before they are turned into a document, which recurses and would
 * overflow the stack. `[[[[…` is caught even earlier, from the lexer alone:
 * the parser slows down on deep flow nesting.
 */
export function checkNestingText(text: string, file: string): Diagnostic | undefined {
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++depth > LIMITS.depth) return diag({ file, ...textPos(text, offset) }, 'tooDeep', LIMITS.depth);
    } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
    // Control tokens (document mode, flow end, scalar marker) take no room in the text, as in yaml's Parser.
    if (token !== '\x02' && token !== '\x18' && token !== '\x1f') offset += token.length;
  }
  return undefined;
}

export function checkNestingTokens(tokens: readonly CST.Token[]): { offset: number; problem: Problem } | undefined {
  const stack: { token: CST.Token; depth: number }[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push({ token: tokens[i]!, depth: 0 });
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > LIMITS.depth) return { offset: token.offset, problem: problem('tooDeep', LIMITS.depth) };
    const items = token.items as CST.CollectionItem[];
    if (items.length > LIMITS.items) {
      const item = items[LIMITS.items]!;
      const at = item.start.find((s) => s.type === 'seq-item-ind' || s.type === 'explicit-key-ind') ?? item.key ?? item.value ?? item.sep?.[0] ?? item.start[0] ?? token;
      const what = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{') ? 'keys in one map' : 'items in one list';
      return { offset: at.offset, problem: problem('tooManyItems', what, LIMITS.items) };
    }
    for (let k = items.length - 1; k >= 0; k--) {
      const { key, value } = items[k]!;
      if (value) stack.push({ token: value, depth: depth + 1 });
      if (key) stack.push({ token: key, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Aliases, checked on the document before its values are built: how many
 * there are, that each refers to an anchor written before it and not around
 * it (a loop), and how many values they stand for once expanded. The values
 * themselves are shared, not copied, but every later stage walks them as if
 * copied, so the expanded size is what counts. (The yaml package's own guard,
 * `maxAliasCount`, limits per anchor the product of its alias count and the
 * aliases inside it; it gives no position, so it is only the backstop here.)
 */
export function checkAliases(doc: Document.Parsed): { offset: number; problem: Problem } | undefined {
  const anchors = new Map<string, YamlNode>();
  const open = new Set<YamlNode>();
  const sizes = new Map<YamlNode, number>();
  let aliases = 0;
  let expanded = 0;
  let found: { offset: number; problem: Problem } | undefined;
  // Depth is already limited (checkNestingTokens), so plain recursion is safe.
  const size = (node: unknown): number => {
    if (found || node == null) return 0;
    if (isAlias(node)) {
      const at = node.range?.[0] ?? 0;
      const name = `'*${node.source}'`;
      if (++aliases > LIMITS.aliases) found = { offset: at, problem: problem('tooManyAliases', LIMITS.aliases, name, aliases) };
      const target = anchors.get(node.source);
      if (!target) found ??= { offset: at, problem: problem('aliasNoAnchor', name, node.source) };
      else if (open.has(target)) found ??= { offset: at, problem: problem('aliasLoop', name, node.source) };
      else {
        const n = sizes.get(target) ?? 1;
        expanded += n;
        if (expanded > LIMITS.aliasValues) found ??= { offset: at, problem: problem('aliasesTooLarge', LIMITS.aliasValues, name, expanded) };
        return n;
      }
      return 0;
    }
    const n = node as YamlNode;
    if (n.anchor) {
      anchors.set(n.anchor, n);
      open.add(n);
    }
    let total = 1;
    if (isCollection(n)) for (const item of n.items) total += size(item);
    else if (isPair(n)) total = size(n.key) + size(n.value);
    open.delete(n);
    sizes.set(n, total);
    return total;
  };
  size(doc.contents);
  return found;
}

/** Elements, links, steps and headers beyond the limits, each pointed at the first one too many; checked before the schema so an oversized scene costs no more. */
export function checkCounts(value: unknown, posAt: (path: PathKey[]) => SourcePos): Diagnostic[] {
  if (!value || typeof value !== 'object') return [];
  const raw = value as Record<string, unknown>;
  const out: Diagnostic[] = [];
  const over = (path: PathKey[], what: string, limit: number, hint = '') =>
    out.push(diag(posAt(path), 'tooMany', what, limit, hint));

  let elements = 0;
  const walk = (list: unknown, path: PathKey[]): boolean => {
    if (!Array.isArray(list)) return false;
    for (let i = 0; i < list.length; i++) {
      if (++elements > LIMITS.elements) return void over([...path, i], 'elements', LIMITS.elements, ' (counting those inside others)'), true;
      const el = list[i] as Record<string, unknown> | null;
      if (el && typeof el === 'object' && walk(el.contains, [...path, i, 'contains'])) return true;
    }
    return false;
  };
  walk(raw.elements, ['elements']);
  for (const [key, limit] of [['links', LIMITS.links], ['steps', LIMITS.steps]] as const) {
    const list = raw[key];
    if (Array.isArray(list) && list.length > limit) over([key, limit], key, limit);
  }
  if (Array.isArray(raw.packets)) {
    raw.packets.forEach((p: unknown, i) => {
      const headers = p && typeof p === 'object' ? (p as Record<string, unknown>).headers : undefined;
      if (Array.isArray(headers) && headers.length > LIMITS.headers) over(['packets', i, 'headers', LIMITS.headers], 'headers on one packet', LIMITS.headers);
    });
  }
  return out;
}
