// The bundled scenes' YAML text, for "Edit this scene": loaded only when asked.
const raw = import.meta.glob<string>('/scenes/*.yaml', { query: '?raw', import: 'default' });

export async function bundledText(id: string): Promise<string | undefined> {
  const load = raw[`/scenes/${id}.yaml`] ?? raw[`/scenes/${id}.yml`];
  return load ? await load() : undefined;
}
