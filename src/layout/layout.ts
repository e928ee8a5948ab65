// Scene → Geometry. elkjs runs here and nowhere else in the project (three
// more files of src/layout/ use its types only; docs/architecture.md, "Where
// each library lives"), so it can be swapped without touching the other stages.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Scene } from '../scene/model.ts';
import type { Geometry } from './types.ts';
import { toAbsolute } from './absolute.ts';
import { buildElkGraph, SPACING, type GraphExtras } from './elk-graph.ts';
import { centreLoose } from './centre-loose.ts';
import { alignExternals } from './externals.ts';
import { fitToStage } from './fit.ts';
import { toGeometry } from './geometry.ts';
import { ghostLinks } from './ghosts.ts';
import { labelRoom, releaseRoom } from './label-room.ts';
import { planLink, type LinkPlan } from './link-plan.ts';
import { rootColumns, siblingIndex } from './order.ts';
import { equaliseNodes, straightenWires } from './straighten.ts';
import { phantomsFor, restoreStandIns, type Phantom } from './phantoms.ts';
import { routeSameRow, spacersFor } from './same-row.ts';
import { tableWraps, type TableWrap } from './table-wrap.ts';
import { makeWork } from './work.ts';

let elk: InstanceType<typeof ELK> | undefined;

/** Plans for the scene's links (indices as in scene.links), then for the ghost links (indices after them). */
function plansFor(scene: Scene): LinkPlan[] {
  const ctx = { columns: rootColumns(scene), siblings: siblingIndex(scene) };
  return [...scene.links, ...ghostLinks(scene)].flatMap((link, i) => planLink(scene, ctx, link, i) ?? []);
}

/** One layout, with the tables' rows wrapped as given. */
async function layoutWith(scene: Scene, wraps: ReadonlyMap<string, TableWrap>): Promise<Geometry> {
  const engine = (elk ??= new ELK());
  let plans = plansFor(scene);
  const stretches = labelRoom(scene, SPACING.rows);
  const base: GraphExtras = { wraps, stretches, spacers: spacersFor(scene, SPACING.siblings) };
  const run = async (extras: GraphExtras = base): Promise<ElkNode> => engine.layout(buildElkGraph(scene, plans, extras));
  let laidOut: ElkNode;
  try {
    laidOut = await run();
  } catch {
    // A link shape ELK rejects must not cost the whole picture: lay out the
    // boxes alone and let every link fall back to a straight segment.
    plans = [];
    laidOut = await run();
  }
  let phantoms: Phantom[] = phantomsFor(scene, toAbsolute(laidOut).rects);
  if (phantoms.length > 0) {
    try {
      laidOut = await run({ ...base, phantoms });
    } catch {
      // Rows that do not line up across nodes are a blemish, not a failure.
      phantoms = [];
    }
  }
  const abs = toAbsolute(laidOut);
  restoreStandIns(phantoms, abs.rects);
  releaseRoom(stretches, abs);
  const work = makeWork(scene, abs, plans);
  centreLoose(work);
  straightenWires(work);
  alignExternals(work);
  routeSameRow(work);
  equaliseNodes(work, SPACING.nodePad);
  return toGeometry(work, SPACING.margin, wraps, SPACING.podPad);
}

/** The scene laid out at the table widths that make its text largest on the app's stage (fit.ts). */
export async function layoutScene(scene: Scene): Promise<Geometry> {
  return fitToStage(scene, (wraps) => layoutWith(scene, wraps));
}

/** One layout at a fixed row width, without the fitting search (tests, benchmarks, experiments). */
export async function layoutAtRowWrap(scene: Scene, rowWrap: number): Promise<Geometry> {
  return layoutWith(scene, tableWraps(scene, rowWrap));
}
