// The second half of the journey from file to screen (the first is
// src/pipeline.ts: parse → validate → derive → layout): render → timeline →
// player. Every shell (app, embed, export) shows a scene through this.
import { renderScene } from './render/index.ts';
import { buildTimeline, macNames, type Frame } from './timeline/index.ts';
import { createPlayer, type Player, type PlayerOptions } from './player/index.ts';
import type { Built } from './pipeline.ts';

export type Shown = Extract<Built, { ok: true }>;

/** Draws a built scene into `svg` and returns the player that steps through it. */
export function showScene(
  svg: SVGSVGElement,
  built: Pick<Shown, 'scene' | 'steps' | 'geometry'>,
  options: PlayerOptions = {},
  /** Told every drawn frame: the camera (src/camera) follows the packet with it. */
  onFrame?: (frame: Frame) => void,
): Player {
  renderScene(svg, built.scene, built.geometry);
  const timeline = buildTimeline(svg, built.steps, built.geometry, macNames(built.scene), onFrame);
  const player = createPlayer(timeline, built.steps.length, options);
  const destroy = player.destroy.bind(player);
  return { ...player, destroy: () => (destroy(), timeline.kill()) };
}
