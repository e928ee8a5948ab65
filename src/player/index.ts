export {
  createPlayer,
  DEFAULT_HOLD_MS,
  type Player,
  type PlayerOptions,
  type PlayerState,
  type TimelineLike,
  type TweenLike,
} from './player.ts';
export { captionHoldMs, HOLD } from './hold.ts';
export { keyAction, type KeyAction } from './keys.ts';
export { parseHash, formatHash, type HashTarget } from './url.ts';
