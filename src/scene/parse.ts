// parse: text → YAML document that still knows where every value was written.
import { Composer, Document, LineCounter, Parser, YAMLParseError, isMap, isSeq, isPair, isScalar, type CST, type Node as YamlNode } from 'yaml';
import { LIMITS, checkAliases, checkNestingText, checkNestingTokens } from './limits.ts';
import type { Diagnostic } from './diagnostic.ts';
import { diag, placed } from './messages.ts';
import type { SourcePos } from './model.ts';
import { yamlHint } from './yaml-hints.ts';

export interface ParsedScene {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Plain JS value of the document (undefined when the YAML itself is broken). */
  value: unknown;
}

export function parseScene(text: string, file: string): { parsed: ParsedScene; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const stop = (d: Diagnostic) => {
    if (lines.lineStarts.length === 0) lines.addNewLine(0);
    return { parsed: { file, doc: new Document() as Document.Parsed, lines, value: undefined }, diagnostics: [d] };
  };
  // parseDocument, in its steps, so that the limits are checked between them (limits.ts).
  const deep = checkNestingText(text, file);
  if (deep) return stop(deep);
  const tokens = [...new Parser(lines.addNewLine).parse(text)];
  const bad = checkNestingTokens(tokens);
  if (bad) return stop(placed({ file, ...lines.linePos(bad.offset) }, bad.problem));
  const doc = compose(tokens, text.length);
  const diagnostics: Diagnostic[] = [];
  // After the first syntax error the parser is guessing: what follows is nearly always an echo of it.
  const errors = doc.errors.slice(0, 1);
  for (const [list, name] of [[errors, 'yamlSyntax'], [doc.warnings, 'yamlWarning']] as const) {
    for (const e of list) diagnostics.push(diag({ file, ...lines.linePos(e.pos[0]) }, name, yamlMessage(e.message), yamlHint(e.code, e.message, text, e.pos[0])));
  }
  let value: unknown;
  if (doc.errors.length === 0) {
    const alias = checkAliases(doc);
    if (alias) diagnostics.push(placed({ file, ...lines.linePos(alias.offset) }, alias.problem));
    else {
      try {
        // yaml's own guard against alias expansion, as a backstop to checkAliases.
        value = doc.toJS({ maxAliasCount: LIMITS.aliasValues });
      } catch (e) {
        diagnostics.push(diag({ file, line: 1, col: 1 }, 'yamlUnreadable', (e as Error).message));
      }
    }
  }
  return { parsed: { file, doc, lines, value }, diagnostics };
}

/** How many of the parser's warnings are reported; more are nearly always one slip repeated. */
const WARNINGS = 10;

/**
 * The one document of a scene file, as yaml's parseDocument makes it, but
 * keeping only the errors and warnings reported: a hostile file can have one
 * per character, and each costs an Error with a stack trace.
 */
function compose(tokens: CST.Token[], end: number): Document.Parsed {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, logLevel: 'error' });
  const kept = composer as unknown as { onError: (source: unknown, code: string, message: string, warning?: boolean) => void };
  const onError = kept.onError;
  let errors = 0;
  let warnings = 0;
  kept.onError = (source, code, message, warning) => {
    if (warning ? warnings++ < WARNINGS : errors++ < 1) onError(source, code, message, warning);
  };
  // The same holds for the parser's own errors, which the composer reports without onError:
  // nothing after the first one at the top level can be the first error.
  const cut = tokens.findIndex((t) => t.type === 'error');
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(cut === -1 ? tokens : tokens.slice(0, cut + 1), true, end)) {
    if (!doc) doc = d;
    else {
      if (doc.errors.length === 0) doc.errors.push(new YAMLParseError(d.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  // compose(…, forceDoc) always yields a document.
  return doc!;
}

/** The yaml package's messages end with a code frame and position we already give. */
function yamlMessage(msg: string): string {
  const first = msg.split('\n')[0] ?? msg;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

export type PathKey = string | number;

/** The YAML node at a path, or the deepest ancestor that exists. */
function nodeAt(doc: Document.Parsed, path: readonly PathKey[]): { node: YamlNode | null; depth: number } {
  let node: unknown = doc.contents;
  let depth = 0;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) next = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)?.value;
    else if (isSeq(node) && typeof key === 'number') next = node.items[key];
    if (next == null) break;
    node = next;
    depth++;
  }
  return { node: (node as YamlNode) ?? null, depth };
}

/** Where a value was written; `keyOf` gives the position of a map's key instead. */
export function posAt(parsed: ParsedScene, path: readonly PathKey[], keyOf?: string): SourcePos {
  const { node } = nodeAt(parsed.doc, path);
  let offset = node?.range?.[0] ?? 0;
  if (keyOf !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === keyOf);
    if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
  }
  const p = parsed.lines.linePos(offset);
  return { file: parsed.file, line: p.line, col: p.col };
}
