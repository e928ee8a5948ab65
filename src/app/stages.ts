// The app's one door to the pipeline stages it does not own, so a renamed
// module is fixed here and nowhere else.
export { buildScene } from '../pipeline.ts';

import type { buildScene } from '../pipeline.ts';
export type BuildResult = Awaited<ReturnType<typeof buildScene>>;
export type Built = Extract<BuildResult, { ok: true }>;
