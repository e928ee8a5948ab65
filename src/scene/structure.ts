// validate, part 1: the document's shape, checked against the schema, with
// each zod issue turned into a sentence that says what was expected where.
import type { z } from 'zod';
import { SceneFile, headerSchemas, opSchemas, bareOps } from './schema.ts';
import type { Diagnostic } from './diagnostic.ts';
import { posAt, type ParsedScene, type PathKey } from './parse.ts';
import { didYouMean } from './suggest.ts';
import { diag, placed, problem, type MessageArgs, type MessageName, type Problem } from './messages.ts';

type Issue = z.core.$ZodIssue;

export function checkStructure(parsed: ParsedScene): Diagnostic[] {
  const result = SceneFile.safeParse(parsed.value);
  if (result.success) return [];
  const out: Diagnostic[] = [];
  for (const issue of result.error.issues) explain(parsed, issue, [], out);
  return out;
}

function explain(parsed: ParsedScene, issue: Issue, base: PathKey[], out: Diagnostic[]): void {
  const path = [...base, ...(issue.path as PathKey[])];
  const where = describePath(path, parsed.value);
  const at = (p: PathKey[], key?: string) => posAt(parsed, p, key);
  const say = <N extends MessageName>(p: PathKey[], name: N, ...args: MessageArgs<N>) => out.push(diag(at(p), name, ...args));
  const value = valueAt(parsed.value, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(parsed.value, path);
      for (const key of issue.keys) {
        // `{ label: a, b }` reads as two keys: the second one, with no value, is the tell.
        out.push(diag(at(path, key), 'unknownKey', key, where, didYouMean(key, known), known, (value as Record<string, unknown>)[key] === null));
      }
      return;
    }
    case 'invalid_union': {
      if (path[0] === 'steps' && path[2] === 'rows' && path.length === 4) {
        const keys = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
        const odd = keys.find((k) => !['add', 'remove', 'change', 'text'].includes(k));
        say(path, 'rowChangeForm', where, odd, odd ? didYouMean(odd, ['add', 'remove', 'change']) : '');
        return;
      }
      const single = oneKeyUnion(path, value);
      if (single) {
        const branch = issue.errors.find((errs) => errs.every((e) => !(e.code === 'unrecognized_keys' && e.path.length === 0)) && errs.some((e) => e.path[0] === single.key));
        if (branch) for (const e of branch) explain(parsed, e, path, out);
        else out.push(placed(at(path), single.problem));
        return;
      }
      if ('discriminator' in issue && issue.discriminator) {
        const got = shown(value);
        const options = (issue as { options?: unknown[] }).options?.map(String) ?? [];
        say(path, 'unknownVariant', where, got, typeof value === 'string' ? didYouMean(value, options) : '', options);
        return;
      }
      const expected = choices(issue);
      if (expected) say(path, 'wrongType', where, expected, `${typeof value} ${shown(value)}`);
      else say(path, 'noAcceptedForm', where);
      return;
    }
    case 'invalid_type': {
      const got = value === undefined ? 'nothing' : Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'a map' : `${typeof value} ${shown(value)}`;
      const expected = issue.expected === 'object' ? 'a map' : issue.expected === 'array' ? 'a list' : issue.expected;
      if (value === undefined) {
        const parent = path.slice(0, -1);
        say(parent, 'missingField', where, expected);
      } else say(path, 'wrongType', where, expected, got);
      return;
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v));
      say(path, 'notAnOption', where, shown(value), typeof value === 'string' ? didYouMean(value, options) : '', options);
      return;
    }
    case 'too_small':
    case 'too_big': {
      const what = issue.origin === 'array' ? `${issue.code === 'too_small' ? 'at least' : 'at most'} ${issue.code === 'too_small' ? issue.minimum : issue.maximum} item(s)` : `${issue.code === 'too_small' ? '≥' : '≤'} ${issue.code === 'too_small' ? issue.minimum : issue.maximum}`;
      say(path, 'outOfRange', where, issue.origin === 'string' && issue.code === 'too_small' ? 'non-empty' : what);
      return;
    }
    case 'invalid_format':
    default:
      say(path, 'schemaRule', where, issue.message);
  }
}

/** A written value, quoted for a message: a long one is cut, so one bad value cannot bury the rest. */
function shown(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/**
 * A union of a word and a type (a tunnel's ttl: inherit or a number) that the
 * value matched neither of: what each branch wanted, as ""inherit" or number".
 */
function choices(issue: z.core.$ZodIssueInvalidUnion): string | undefined {
  const words: string[] = [];
  let literal = false;
  for (const errs of issue.errors) {
    const e = errs.length === 1 && errs[0]!.path.length === 0 ? errs[0]! : undefined;
    if (e?.code === 'invalid_value') {
      literal = true;
      words.push(e.values.map((v) => JSON.stringify(v)).join(' or '));
    } else if (e?.code === 'invalid_type') words.push(e.expected);
    else return undefined;
  }
  return literal ? words.join(' or ') : undefined;
}

/** Headers and operations are one-key maps; name the key when it is not one we know. */
function oneKeyUnion(path: PathKey[], value: unknown): { key: string; problem: Problem } | undefined {
  // Only the header or operation itself: a union inside one (an encap's ttl) is a value like any other.
  const list = path[path.length - 2];
  const kind = list === 'headers' ? 'header' : list === 'ops' ? 'operation' : undefined;
  if (!kind) return undefined;
  const names = kind === 'header' ? Object.keys(headerSchemas) : [...new Set([...bareOps, ...Object.keys(opSchemas)])];
  const keys = typeof value === 'string' ? [value] : value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
  const key = keys[0] ?? '';
  if (keys.length !== 1) return { key, problem: problem('oneKeyMap', kind, names, keys) };
  if (!names.includes(key)) return { key, problem: problem('unknownHeaderOrOp', kind, key, didYouMean(key, names), names) };
  if (typeof value === 'string' && !(bareOps as readonly string[]).includes(key)) return { key, problem: problem('opNeedsParameters', key) };
  return { key, problem: problem('notWrittenCorrectly', kind, key) };
}

function valueAt(root: unknown, path: PathKey[]): unknown {
  let v: unknown = root;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PathKey, unknown>)[k] : undefined;
  return v;
}

/** The keys allowed at a path, found by walking the schema alongside the data. */
function knownKeys(root: unknown, path: PathKey[]): string[] {
  let schema: unknown = SceneFile;
  path.forEach((key, i) => {
    schema = unwrap(schema, valueAt(root, path.slice(0, i)));
    const def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'object') schema = (def.shape as Record<string, unknown>)[key as string];
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'tuple') schema = (def.items as unknown[])[key as number];
  });
  schema = unwrap(schema, valueAt(root, path));
  const def = (schema as { _zod?: { def: Record<string, unknown> } })?._zod?.def;
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

function unwrap(schema: unknown, data: unknown): unknown {
  for (;;) {
    const def = (schema as { _zod?: { def: Record<string, unknown> } })?._zod?.def;
    if (!def) return schema;
    if (def.type === 'optional' || def.type === 'nullable') schema = def.innerType;
    else if (def.type === 'lazy') schema = (def.getter as () => unknown)();
    else if (def.type === 'union') {
      const options = def.options as { _zod: { def: Record<string, unknown> } }[];
      const kind = data && typeof data === 'object' ? (data as Record<string, unknown>).kind : undefined;
      const match = options.find((o) => {
        const shape = o._zod.def.shape as Record<string, { _zod: { def: { values?: unknown[] } } }> | undefined;
        if (!shape) return false;
        if (kind !== undefined && shape.kind) return shape.kind._zod.def.values?.includes(kind);
        return data && typeof data === 'object' && Object.keys(shape).some((k) => k in (data as object));
      });
      if (!match) return schema;
      schema = match;
    } else return schema;
  }
}

/** "elements[0].contains[1].name" reads better as "'name' of element 1 > element 2". */
export function describePath(path: PathKey[], root: unknown): string {
  if (path.length === 0) return 'the scene';
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const list = path[path.length - 2];
    const singular: Record<string, string> = { elements: 'element', contains: 'element', links: 'link', packets: 'packet', steps: 'step', headers: 'header', ops: 'operation', rows: path[0] === 'steps' ? 'row change' : 'row', highlight: 'highlight', between: 'link end', quiz: 'question', choices: 'choice' };
    const item = valueAt(root, path) as Record<string, unknown> | undefined;
    // Name the item as its author does, when it has a name or id to go by.
    const handle = item && typeof item === 'object' ? (item.name ?? item.id) : undefined;
    const outerPath = list === 'contains' || list === 'elements' || list === 'steps' || list === 'links' || list === 'packets' ? [] : path.slice(0, -2);
    const self = typeof handle === 'string' ? `${singular[String(list)] ?? 'item'} '${handle}'` : `${singular[String(list)] ?? 'item'} ${last + 1}`;
    return `${self}${outerPath.length > 0 ? ` of ${describePath(outerPath, root)}` : ''}`;
  }
  return `'${last}'${path.length > 1 ? ` of ${describePath(path.slice(0, -1), root)}` : ''}`;
}
