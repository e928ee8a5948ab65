// Scene → Geometry. elkjs is imported here and nowhere else in the project
// (DESIGN §1), so it can be swapped without touching the other stages.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Scene } from '../scene/model.ts';
import type { Geometry } from './types.ts';
import { toAbsolute } from './absolute.ts';
import { buildElkGraph, SPACING } from './elk-graph.ts';
import { toGeometry } from './geometry.ts';
import { planLink, type LinkPlan } from './link-plan.ts';
import { rootColumns, siblingIndex } from './order.ts';
import { equaliseNodes, straightenWires } from './straighten.ts';
import { phantomsFor, type Phantom } from './phantoms.ts';
import { makeWork } from './work.ts';

let elk: InstanceType<typeof ELK> | undefined;

function plansFor(scene: Scene): LinkPlan[] {
  const ctx = { columns: rootColumns(scene), siblings: siblingIndex(scene) };
  return scene.links.flatMap((link, i) => planLink(scene, ctx, link, i) ?? []);
}

export async function layoutScene(scene: Scene): Promise<Geometry> {
  const engine = (elk ??= new ELK());
  let plans = plansFor(scene);
  const run = async (phantoms: Phantom[] = []): Promise<ElkNode> => engine.layout(buildElkGraph(scene, plans, phantoms));
  let laidOut: ElkNode;
  try {
    laidOut = await run();
  } catch {
    // A link shape ELK rejects must not cost the whole picture: lay out the
    // boxes alone and let every link fall back to a straight segment.
    plans = [];
    laidOut = await run();
  }
  const phantoms = phantomsFor(scene, toAbsolute(laidOut).rects);
  if (phantoms.length > 0) {
    try {
      laidOut = await run(phantoms);
    } catch {
      // Rows that do not line up across nodes are a blemish, not a failure.
    }
  }
  const work = makeWork(scene, toAbsolute(laidOut), plans);
  straightenWires(work);
  equaliseNodes(work, SPACING.nodePad);
  return toGeometry(work, SPACING.margin);
}
