// The JSON Schema editors use for completion and checking (the modeline at
// the top of every scene file points at it), generated from the same zod
// schema that validate uses, so the two cannot drift apart.
import { z } from 'zod';
import { SceneFile } from './schema.ts';

export const SCHEMA_FILE = 'static/kubehop-scene.schema.json';

export function sceneJsonSchema(): string {
  const schema = z.toJSONSchema(SceneFile, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  const out = {
    $schema: schema.$schema,
    $id: 'https://kubehop.dev/schema/kubehop-scene.schema.json',
    title: 'kubehop scene (apiVersion kubehop/v1)',
    description: 'A Kubernetes networking scene: elements, links, packets and the steps of their journey.',
    ...schema,
  };
  return JSON.stringify(out, null, 2) + '\n';
}
