// What completion offers, read from the scene schema itself (src/scene/schema.ts,
// through its JSON Schema), so a field added there is offered here too.
import { z } from 'zod';
import { SceneFile } from '../../scene/schema.ts';

export interface Vocabulary {
  /** Every key any object in a scene file may have, sorted. */
  keys: string[];
  /** The fixed values a key may take (`kind: node`, `type: vxlan`), by key. */
  values: Map<string, string[]>;
}

type Json = { [k: string]: unknown };

function walk(node: unknown, keys: Set<string>, values: Map<string, Set<string>>, key?: string): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, keys, values, key));
  if (!node || typeof node !== 'object') return;
  const o = node as Json;
  if (key !== undefined) {
    const add = (v: unknown): void => {
      if (typeof v !== 'string') return;
      if (!values.has(key)) values.set(key, new Set());
      values.get(key)!.add(v);
    };
    if ('const' in o) add(o.const);
    if (Array.isArray(o.enum)) o.enum.forEach(add);
  }
  const props = o.properties;
  if (props && typeof props === 'object') {
    for (const [k, v] of Object.entries(props as Json)) {
      keys.add(k);
      walk(v, keys, values, k);
    }
  }
  for (const [k, v] of Object.entries(o)) {
    if (k === 'properties' || k === 'const' || k === 'enum') continue;
    // Alternatives of one field (anyOf) keep its key; items and definitions start afresh.
    walk(v, keys, values, k === 'anyOf' || k === 'oneOf' ? key : undefined);
  }
}

let cached: Vocabulary | undefined;

export function vocabulary(): Vocabulary {
  if (cached) return cached;
  const schema = z.toJSONSchema(SceneFile, { target: 'draft-7', unrepresentable: 'any' });
  const keys = new Set<string>();
  const values = new Map<string, Set<string>>();
  walk(schema, keys, values);
  // Bare-word operations (`- decap`) are list items, not keys: offered as values of `ops`.
  keys.delete('$schema');
  cached = {
    keys: [...keys].sort(),
    values: new Map([...values].map(([k, v]) => [k, [...v].sort()])),
  };
  return cached;
}
