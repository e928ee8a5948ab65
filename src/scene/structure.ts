// validate, part 1: the document's shape, checked against the schema, with
// each zod issue turned into a sentence that says what was expected where.
import type { z } from 'zod';
import { SceneFile, headerSchemas, opSchemas, bareOps } from './schema.ts';
import type { Diagnostic } from './diagnostic.ts';
import { posAt, type ParsedScene, type PathKey } from './parse.ts';
import { didYouMean } from './suggest.ts';

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
  const at = (p: PathKey[], key?: string) => ({ ...posAt(parsed, p, key), severity: 'error' as const });
  const value = valueAt(parsed.value, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(parsed.value, path);
      for (const key of issue.keys) {
        // `{ label: a, b }` reads as two keys: the second one, with no value, is the tell.
        const hint = (value as Record<string, unknown>)[key] === null ? ' — inside { … } a comma ends a value: put quotes around text that contains one' : '';
        out.push({ ...at(path, key), message: `unknown key '${key}' in ${where}${didYouMean(key, known)}; expected one of: ${known.join(', ')}${hint}` });
      }
      return;
    }
    case 'invalid_union': {
      if (path[0] === 'steps' && path[2] === 'rows' && path.length === 4) {
        const keys = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
        const odd = keys.find((k) => !['add', 'remove', 'change', 'text'].includes(k));
        const hint = odd ? ` (unknown key '${odd}'${didYouMean(odd, ['add', 'remove', 'change'])})` : '';
        out.push({ ...at(path), message: `${where} is written { add: <table id>#<row id> }, { remove: <table id>#<row id> } or { change: <table id>#<row id>, text: … }${hint}` });
        return;
      }
      const single = oneKeyUnion(path, value);
      if (single) {
        const branch = issue.errors.find((errs) => errs.every((e) => !(e.code === 'unrecognized_keys' && e.path.length === 0)) && errs.some((e) => e.path[0] === single.key));
        if (branch) for (const e of branch) explain(parsed, e, path, out);
        else out.push({ ...at(path), message: single.message });
        return;
      }
      if ('discriminator' in issue && issue.discriminator) {
        const got = shown(value);
        const options = (issue as { options?: unknown[] }).options?.map(String) ?? [];
        out.push({ ...at(path), message: `unknown ${where} ${got}${typeof value === 'string' ? didYouMean(value, options) : ''}; expected one of: ${options.join(', ')}` });
        return;
      }
      out.push({ ...at(path), message: `${where} is not any of the accepted forms` });
      return;
    }
    case 'invalid_type': {
      const got = value === undefined ? 'nothing' : Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'a map' : `${typeof value} ${shown(value)}`;
      const expected = issue.expected === 'object' ? 'a map' : issue.expected === 'array' ? 'a list' : issue.expected;
      if (value === undefined) {
        const parent = path.slice(0, -1);
        out.push({ ...at(parent), message: `missing ${where} (expected ${expected})` });
      } else out.push({ ...at(path), message: `${where} must be ${expected}, got ${got}` });
      return;
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v));
      const hint = typeof value === 'string' ? didYouMean(value, options) : '';
      out.push({ ...at(path), message: `${where} is ${shown(value)}${hint}; expected ${options.length === 1 ? JSON.stringify(options[0]) : `one of: ${options.join(', ')}`}` });
      return;
    }
    case 'too_small':
    case 'too_big': {
      const what = issue.origin === 'array' ? `${issue.code === 'too_small' ? 'at least' : 'at most'} ${issue.code === 'too_small' ? issue.minimum : issue.maximum} item(s)` : `${issue.code === 'too_small' ? '≥' : '≤'} ${issue.code === 'too_small' ? issue.minimum : issue.maximum}`;
      out.push({ ...at(path), message: `${where} must be ${issue.origin === 'string' && issue.code === 'too_small' ? 'non-empty' : what}` });
      return;
    }
    case 'invalid_format':
    default:
      out.push({ ...at(path), message: `${where}: ${issue.message}` });
  }
}

/** A written value, quoted for a message: a long one is cut, so one bad value cannot bury the rest. */
function shown(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** Headers and operations are one-key maps; name the key when it is not one we know. */
function oneKeyUnion(path: PathKey[], value: unknown): { key: string; message: string } | undefined {
  const kind = path.includes('headers') ? 'header' : path.includes('ops') ? 'operation' : undefined;
  if (!kind) return undefined;
  const names = kind === 'header' ? Object.keys(headerSchemas) : [...new Set([...bareOps, ...Object.keys(opSchemas)])];
  const keys = typeof value === 'string' ? [value] : value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
  const key = keys[0] ?? '';
  if (keys.length !== 1) return { key, message: `a ${kind} is written as a map with exactly one key (${names.slice(0, 4).join(', ')}, …), got ${keys.length === 0 ? 'none' : keys.join(', ')}` };
  if (!names.includes(key)) return { key, message: `unknown ${kind} '${key}'${didYouMean(key, names)}; expected one of: ${names.join(', ')}` };
  if (typeof value === 'string' && !(bareOps as readonly string[]).includes(key)) return { key, message: `operation '${key}' needs parameters: write it as '${key}: …'` };
  return { key, message: `${kind} '${key}' is not written correctly` };
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
    const singular: Record<string, string> = { elements: 'element', contains: 'element', links: 'link', packets: 'packet', steps: 'step', headers: 'header', ops: 'operation', rows: path[0] === 'steps' ? 'row change' : 'row', highlight: 'highlight', between: 'link end' };
    const item = valueAt(root, path) as Record<string, unknown> | undefined;
    // Name the item as its author does, when it has a name or id to go by.
    const handle = item && typeof item === 'object' ? (item.name ?? item.id) : undefined;
    const outerPath = list === 'contains' || list === 'elements' || list === 'steps' || list === 'links' || list === 'packets' ? [] : path.slice(0, -2);
    const self = typeof handle === 'string' ? `${singular[String(list)] ?? 'item'} '${handle}'` : `${singular[String(list)] ?? 'item'} ${last + 1}`;
    return `${self}${outerPath.length > 0 ? ` of ${describePath(outerPath, root)}` : ''}`;
  }
  return `'${last}'${path.length > 1 ? ` of ${describePath(path.slice(0, -1), root)}` : ''}`;
}
