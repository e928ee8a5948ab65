export { frameAt, hopPath, pointAlong, easeInOut, normalisePos, type Frame } from './frame.ts';
export { restPoints, restPoint, MARKER_REACH } from './rest.ts';
export { applyFrame, drawPackets, packetIds } from './draw.ts';
export { macNames } from './card-names.ts';
export { cardRect, cardFocus, cardFocusOf } from './card-plan.ts';
export { buildTimeline, type GsapTimeline, timelineLabel, stepDuration, HOP_SECONDS, IN_PLACE_SECONDS } from './timeline.ts';
