export type { Rect, Size } from './rect.ts';
export { focusRects, type FocusStep } from './focus.ts';
export { stepViews, legibleSize, wholeIsLegible, wholeScene, scaleOf, gather, place, MARGIN, type ViewInput } from './view.ts';
export { viewAt } from './moment.ts';
export { followCamera, type Follow, type FollowOptions } from './follow.ts';
export { minTextPx, MIN_TEXT_PX, PHONE_MAX_WIDTH, type Shell } from './policy.ts';
export { swipeStep, watchSwipe, SWIPE, type SwipeStep } from './swipe.ts';
