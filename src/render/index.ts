// The render stage's public entry.
export { renderScene } from './render.ts';
export { STYLE } from './style.ts';
