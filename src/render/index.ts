// The render stage's public entry.
export { renderScene, type SceneText } from './render.ts';
export { drawnIn, type Drawn, type DrawnRow } from './drawn.ts';
export { STYLE } from './style.ts';
