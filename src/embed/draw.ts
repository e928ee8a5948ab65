// One scene drawn into the element's SVG: through the pipeline's shared
// showScene (render, timeline, player), with the camera following the
// packet where the whole picture would be too small to read (src/camera).
import { showScene } from '../show.ts';
import { followCamera, minTextPx, type Follow } from '../camera/index.ts';
// The files themselves, not timeline/index.ts: the build's card search (card-room.ts) stays out of this runtime.
import { cardFocusOf } from '../timeline/card-plan.ts';
import { macNames } from '../timeline/card-names.ts';
import type { Player, PlayerOptions } from '../player/index.ts';
import type { ShownScene } from './bundle-check.ts';

export interface Drawn {
  player: Player;
  camera: Follow;
}

/** Draws `shown` into `svg`, which goes back into `stage` drawn or not; throws what drawing threw, with nothing left running. */
export function drawShown(
  svg: SVGSVGElement,
  stage: HTMLElement,
  shown: ShownScene,
  options: PlayerOptions & { overview: boolean; onzoom: () => void },
): Drawn {
  const { overview, onzoom, ...playerOptions } = options;
  const camera = followCamera(svg, {
    steps: shown.steps,
    geometry: shown.geometry,
    minPx: minTextPx('embed', innerWidth),
    // The packet card at rest is what the step is about: kept in view beside the packet.
    extras: cardFocusOf(shown.steps, shown.geometry, macNames(shown.scene)),
    onzoom,
  });
  try {
    // The first viewBox, written before the drawing; inside the try so a throw here leaves no camera running.
    camera.setOverview(overview);
    // Drawn out of the page, and the renderer's inline <style> taken out before it joins:
    // a strict CSP would block it (and report it), and the adopted sheet has the same rules.
    svg.remove();
    return { player: showScene(svg, shown, playerOptions, (f) => camera.frame(f.step, f.progress)), camera };
  } catch (e) {
    camera.destroy();
    throw e;
  } finally {
    svg.querySelector('style')?.remove();
    stage.append(svg);
  }
}
