// validate, part 2d: the topology over time. An element or link named in a
// step's `create:` is laid out from the start (the picture does not jump) but
// exists only from that step on; what is inside an element, and a link to it,
// exists no earlier than it does. A packet can be at, or hop along, only what
// exists at its step.
import type { Link, SceneElement, SourcePos } from './model.ts';
import type { Diagnostic } from './diagnostic.ts';
import { didYouMean } from './suggest.ts';
import { diag } from './messages.ts';

export interface Created {
  /** 0-based index of the step that creates it. */
  step: number;
  line: number;
}

export interface Topology {
  /** Records one step's `create:` list, returning the ids it names that exist in the scene. */
  create(step: number, ids: readonly string[], posOf: (k: number) => SourcePos): string[];
  /** The step (0-based) from which the element or link exists, with the line that creates it; undefined: from the start. */
  since(id: string): Created | undefined;
}

export function topology(elements: Record<string, SceneElement>, links: readonly Link[], out: Diagnostic[]): Topology {
  const own = new Map<string, Created>();
  const byId = new Map(links.map((l) => [l.id, l]));
  const later = (a: Created | undefined, b: Created | undefined) => (!a ? b : !b ? a : b.step > a.step ? b : a);
  const ofElement = (id: string): Created | undefined => {
    let found: Created | undefined;
    for (let e: SceneElement | undefined = elements[id]; e; e = e.parent ? elements[e.parent] : undefined) found = later(found, own.get(e.id));
    return found;
  };
  return {
    create(step, ids, posOf) {
      const kept: string[] = [];
      ids.forEach((id, k) => {
        const pos = posOf(k);
        if (!elements[id] && !byId.has(id)) return void out.push(diag(pos, 'notAnElement', "'create'", id, didYouMean(id, [...Object.keys(elements), ...byId.keys()])));
        const before = own.get(id);
        if (before) return void out.push(diag(pos, 'createdTwice', id, before.step + 1, before.line));
        own.set(id, { step, line: pos.line });
        kept.push(id);
      });
      return kept;
    },
    since(id) {
      const link = byId.get(id);
      if (!link) return ofElement(id);
      return later(own.get(id), later(ofElement(link.a), ofElement(link.b)));
    },
  };
}
