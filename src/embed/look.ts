// How the element looks, from its attributes: the theme, whether the
// controls bar shows (without it the diagram is the play/pause switch), and
// the stage's shape for the element's width.
import type { Geometry } from '../layout/types.ts';
import { parseFlag, parseTheme } from './attributes.ts';
import { stageAspect } from './stage-shape.ts';
import { resolveTheme, themeClass } from './theme.ts';

export function applyTheme(frame: HTMLElement, theme: string | null, systemDark: boolean): void {
  const look = resolveTheme(parseTheme(theme), systemDark);
  const cls = themeClass(look);
  for (const c of ['kh-theme-dark', 'kh-theme-projector']) frame.classList.toggle(c, c === cls);
  frame.dataset.theme = look;
}

/** `bar`: the controls bar; `attribute`: the element's controls attribute; `drawn`: a scene is shown. */
export function applyControls(bar: HTMLElement, frame: HTMLElement, stage: HTMLElement, attribute: string | null, drawn: boolean): void {
  const hidden = !parseFlag(attribute);
  bar.hidden = hidden;
  frame.toggleAttribute('data-clickable', hidden && drawn);
  stage.title = hidden && drawn ? 'Click to play or pause' : '';
}

/** Keeps the stage's shape right for its width (stage-shape.ts) as the column or the window changes: the observer that does, in place of `before`. */
export function fitStage(stage: HTMLElement, frame: HTMLElement, picture: Pick<Geometry, 'width' | 'height'>, before?: ResizeObserver): ResizeObserver | undefined {
  before?.disconnect();
  const fit = (): void => {
    stage.style.aspectRatio = stageAspect(picture, frame.clientWidth);
  };
  fit();
  const shape = typeof ResizeObserver === 'function' ? new ResizeObserver(fit) : undefined;
  shape?.observe(frame);
  return shape;
}
