// One step of a scene as a still picture: render plus the packet where that
// step leaves it, with no timeline and no player. The gallery's thumbnails
// (and static exports) are these.
import { renderScene } from './render/index.ts';
import { applyFrame, drawPackets, frameAt, macNames } from './timeline/index.ts';
import type { Shown } from './show.ts';

export function showStill(svg: SVGSVGElement, built: Pick<Shown, 'scene' | 'steps' | 'geometry'>, step: number): void {
  renderScene(svg, built.scene, built.geometry);
  drawPackets(svg, built.steps);
  const k = Math.min(Math.max(0, Math.floor(step)), Math.max(0, built.steps.length - 1));
  applyFrame(svg, frameAt(k, built.steps, built.geometry, macNames(built.scene)));
}
