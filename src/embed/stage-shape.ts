// The stage's shape. A wide element keeps the diagram's own aspect ratio; a
// narrow one (a phone) gets a squarer stage, because the camera shows only a
// part of the picture there and a letterbox strip would show too little of it.

/** Below this element width (CSS px) the stage is at least as tall as it is wide. */
export const NARROW = 560;

/** CSS aspect-ratio (width / height) for a stage `width` px wide showing a picture of this size. */
export function stageAspect(picture: { width: number; height: number }, width: number): string {
  const h = width > 0 && width < NARROW ? Math.max(picture.height, picture.width) : picture.height;
  return `${picture.width} / ${h}`;
}
