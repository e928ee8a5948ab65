// One scene from file to screen: every output (app, embed, CLI) runs these
// stages in this order. Each stage is a pure function of the one before.
//   checkScene   parse → validate → derive           (src/scene, src/derive)
//   buildScene   … → layout                          (src/layout)
//   showScene    render → timeline → player          (src/show.ts)
import { loadScene } from './scene/load.ts';
import { deriveSteps } from './derive/derive.ts';
import { sortDiagnostics, type Diagnostic } from './scene/diagnostic.ts';
import type { Scene } from './scene/model.ts';
import type { DerivedStep } from './derive/types.ts';
import type { Geometry } from './layout/types.ts';
import { cardReach, withCardRoom } from './timeline/card-room.ts';
import { macNames } from './timeline/card-names.ts';

// For a page showing a bundle that keeps no card places (embed/load.ts): the search is the build's.
export { searchCards } from './timeline/card-room.ts';

export type Checked = { ok: true; scene: Scene; steps: DerivedStep[]; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };
export type Built = { ok: true; scene: Scene; steps: DerivedStep[]; geometry: Geometry; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** parse → validate → derive: everything that needs no layout (the CLI's validate and trace). */
export function checkScene(text: string, file: string): Checked {
  const loaded = loadScene(text, file);
  if (!loaded.ok) return loaded;
  const derived = deriveSteps(loaded.scene);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...derived.diagnostics]);
  // Warnings (invariants a scene may bend on purpose) still draw; errors do not.
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  return { ok: true, scene: loaded.scene, steps: derived.steps, diagnostics };
}

/** … → layout: what a renderer needs. */
export async function buildScene(text: string, file: string): Promise<Built> {
  const checked = checkScene(text, file);
  if (!checked.ok) return checked;
  // Loaded on demand: elkjs is large, and validate/trace never need it.
  const { layoutScene } = await import('./layout/layout.ts');
  // The packet card needs room beside the boxes where the layout left none (timeline/card-room.ts).
  const names = macNames(checked.scene);
  const room = (g: Geometry) => cardReach(g, checked.steps, names);
  const geometry = withCardRoom(await layoutScene(checked.scene, room), checked.steps, names);
  return { ...checked, geometry };
}
