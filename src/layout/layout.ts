// Scene → Geometry. elkjs runs here and nowhere else in the project (five
// more files of src/layout/ use its types only; docs/architecture.md, "Where
// each library lives"), so it can be swapped without touching the other stages.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Scene } from '../scene/model.ts';
import type { Geometry } from './types.ts';
import { toAbsolute } from './absolute.ts';
import { buildElkGraph, SPACING, type GraphExtras } from './elk-graph.ts';
import { centreLoose } from './centre-loose.ts';
import { memoLayout } from './elk-memo.ts';
import { alignExternals } from './externals.ts';
import { chooseWraps, fontWith, type Room } from './fit.ts';
import { grownBoxes } from './estimate.ts';
import { titleBand, WRAP } from './measure.ts';
import { titleLines } from './titles.ts';
import { toGeometry } from './geometry.ts';
import { ghostLinks } from './ghosts.ts';
import { labelRoom, releaseRoom, type Stretch } from './label-room.ts';
import { levelRows } from './level-rows.ts';
import { planLink, type LinkPlan } from './link-plan.ts';
import { rootColumns, siblingIndex } from './order.ts';
import { equaliseNodes, straightenWires } from './straighten.ts';
import { packPods } from './pack-pods.ts';
import { phantomsFor, restoreStandIns, type Phantom } from './phantoms.ts';
import { routeSameRow, spacersFor } from './same-row.ts';
import { straightenShortcuts } from './shortcuts.ts';
import { looseBoxes, tuckLoose } from './loose.ts';
import { tableWraps, type TableWrap } from './table-wrap.ts';
import { makeWork } from './work.ts';

let elk: InstanceType<typeof ELK> | undefined;

/** Plans for the scene's links (indices as in scene.links), then for the ghost links (indices after them). */
function plansFor(scene: Scene): LinkPlan[] {
  const ctx = { columns: rootColumns(scene), siblings: siblingIndex(scene) };
  return [...scene.links, ...ghostLinks(scene)].flatMap((link, i) => planLink(scene, ctx, link, i) ?? []);
}

/** Counts ELK runs (not those the memo answers), for the benchmark (bench/layout-child.ts) and the test that keeps them at two. */
export const elkRuns = { count: 0 };

interface Run {
  laidOut: ElkNode;
  plans: LinkPlan[];
  phantoms: Phantom[];
  wraps: ReadonlyMap<string, TableWrap>;
  stretches: Stretch[];
}

/** What the ELK graph holds besides the scene, at these table widths and with these phantoms. */
function extrasFor(scene: Scene, wraps: ReadonlyMap<string, TableWrap>, phantoms: Phantom[]): GraphExtras & { stretches: Stretch[] } {
  return { wraps, stretches: labelRoom(scene, SPACING.rows), spacers: spacersFor(scene, SPACING.siblings), phantoms };
}

/** The graph one run builds for ELK, before its pods are packed (pack-pods.ts): for tests of the packing. */
export function elkGraphFor(scene: Scene, wraps: ReadonlyMap<string, TableWrap>, phantoms: Phantom[] = []): ElkNode {
  return buildElkGraph(scene, plansFor(scene), extrasFor(scene, wraps, phantoms));
}

/** One ELK run, with the tables' rows wrapped as given and, if any, the invisible nodes that line rows up. */
async function run(scene: Scene, wraps: ReadonlyMap<string, TableWrap>, phantoms: Phantom[] = []): Promise<Run> {
  const engine = (elk ??= new ELK());
  const extras = extrasFor(scene, wraps, phantoms);
  const plans = plansFor(scene);
  const attempt = async (p: LinkPlan[]): Promise<ElkNode> => {
    // Pods that are a title over a row of boxes go to ELK as one box each (pack-pods.ts).
    const packed = packPods(buildElkGraph(scene, p, extras));
    return packed.unpack(await memoLayout(packed.graph, (g) => (elkRuns.count++, engine.layout(g))));
  };
  try {
    return { laidOut: await attempt(plans), plans, phantoms, wraps, stretches: extras.stretches };
  } catch {
    // A link shape ELK rejects must not cost the whole picture: lay out the
    // boxes alone (rows still lined up) and let every link fall back to a straight segment.
    return { laidOut: await attempt([]), plans: [], phantoms, wraps, stretches: extras.stretches };
  }
}

/**
 * ELK's output → the Geometry, through the passes that finish what ELK
 * cannot express. `final`: the layout drawn, not one measured for the
 * choice of table widths, whose rows the estimate reads as ELK left them.
 */
function finish(scene: Scene, r: Run, final = true, tuck = false): Geometry {
  const abs = toAbsolute(r.laidOut);
  restoreStandIns(r.phantoms, abs.rects);
  releaseRoom(r.stretches, abs);
  const work = makeWork(scene, abs, r.plans);
  centreLoose(work);
  straightenWires(work);
  alignExternals(work);
  if (final) levelRows(work, (node) => titleBand(titleLines(scene, scene.elements[node]!, r.wraps, SPACING.podPad)));
  straightenShortcuts(work);
  routeSameRow(work);
  equaliseNodes(work, SPACING.nodePad);
  if (tuck) tuckLoose(work, SPACING.columns / 2);
  return toGeometry(work, SPACING.margin, r.wraps, SPACING.podPad);
}

/**
 * `finish`, with the unlinked top-level boxes in their column or under the
 * nodes (loose.ts), whichever reads larger on the stage with `room`.
 */
function drawn(scene: Scene, r: Run, final: boolean, room?: Room): Geometry {
  const plain = finish(scene, r, final);
  if (looseBoxes(scene).length === 0) return plain;
  const tucked = finish(scene, r, final, true);
  return fontWith(tucked, room?.(tucked)) > fontWith(plain, room?.(plain)) + 0.01 ? tucked : plain;
}

/**
 * The scene laid out in two ELK runs: the first at the default table width,
 * to measure; the second at the table widths that make the text largest on
 * the app's stage (fit.ts, from estimate.ts's prediction), with invisible
 * nodes that line the rows up across nodes (phantoms.ts) sized from the
 * first run and the new tables. One run when the first needs neither.
 * `room` says what a layout must hold beyond its boxes (the packet
 * card at each step); the choice follows each card with its packet (docs/layout.md,
 * "After the layout: room for the packet card").
 */
export async function layoutScene(scene: Scene, room?: Room): Promise<Geometry> {
  const first = await run(scene, tableWraps(scene, WRAP.row));
  const measured = drawn(scene, first, false, room);
  const wraps = chooseWraps(scene, measured, first.wraps, room?.(measured));
  const rects = new Map(grownBoxes(scene, measured, first.wraps, wraps).map((b) => [b.id, b]));
  const phantoms = phantomsFor(scene, rects);
  if (wraps === first.wraps && phantoms.length === 0) return drawn(scene, first, true, room);
  return drawn(scene, await run(scene, wraps, phantoms), true, room);
}

/** The first run's layout alone, rows not lined up and unlinked boxes in their column: what layoutScene measures, short of tucking those boxes (tests of estimate.ts). */
export async function measuringLayout(scene: Scene, rowWrap: number = WRAP.row): Promise<Geometry> {
  return finish(scene, await run(scene, tableWraps(scene, rowWrap)), false);
}

/** One layout at a fixed row width, without the fitting choice (tests, benchmarks, experiments). */
export async function layoutAtRowWrap(scene: Scene, rowWrap: number): Promise<Geometry> {
  const wraps = tableWraps(scene, rowWrap);
  const first = await run(scene, wraps);
  const phantoms = phantomsFor(scene, toAbsolute(first.laidOut).rects);
  return finish(scene, phantoms.length ? await run(scene, wraps, phantoms) : first);
}
