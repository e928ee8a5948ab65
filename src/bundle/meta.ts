// What a list of scenes shows before any scene is opened: enough for the
// gallery card, without derive or layout.
import { parseDocument, isMap } from 'yaml';

export interface SceneMeta {
  /** The file's stem: the scene's URL name. */
  id: string;
  file: string;
  title: string;
  summary: string;
  topic?: string;
  order?: number;
}

/** Reads the top-level fields leniently: a broken scene still gets a card (its page shows the diagnostics). */
export function sceneMeta(text: string, file: string): SceneMeta {
  const id = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  let fields: Record<string, unknown> = {};
  try {
    const doc = parseDocument(text);
    if (isMap(doc.contents)) fields = (doc.toJS() ?? {}) as Record<string, unknown>;
  } catch {
    // Unreadable YAML: the card says only the file name.
  }
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const order = fields.order;
  return {
    id,
    file,
    title: str(fields.title) ?? id,
    summary: str(fields.summary) ?? '',
    topic: str(fields.topic),
    order: typeof order === 'number' && Number.isInteger(order) && order >= 0 ? order : undefined,
  };
}
