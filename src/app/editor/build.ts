// The pipeline, run in the page for the live preview. Zod's JIT compiles
// validators with `new Function`; jitless keeps the editor working under a
// Content-Security-Policy without 'unsafe-eval'. Set before any schema parses.
import { z } from 'zod';
import type { Built } from '../../pipeline.ts';
import { buildOffThread } from '../../worker/build-client.ts';
import { diag } from '../../scene/messages.ts';

z.config({ jitless: true });

/** The scene id the text declares, for the file name (so `validate` would not warn that they differ). */
export function declaredId(text: string): string | undefined {
  return /^id:\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)["']?\s*(?:#.*)?$/m.exec(text)?.[1];
}

export function fileNameFor(text: string): string {
  return `${declaredId(text) ?? 'scene'}.yaml`;
}

export async function build(text: string): Promise<Built> {
  try {
    // Off the main thread: a layout takes long enough to stall typing (src/worker/). The worker
    // practises between edits, so the layouts after the first few are several times quicker.
    return await buildOffThread(text, fileNameFor(text), true);
  } catch (e) {
    // A layout failure is this text's problem, not the page's: list it like any other.
    const why = e instanceof Error ? e.message : String(e);
    // A chunk that will not load (the app was redeployed, or the network dropped) stays failed until a reload.
    const hint = /dynamically imported module|module script failed/i.test(why) ? ' (reload the page to try again)' : '';
    return { ok: false, diagnostics: [diag({ file: fileNameFor(text), line: 1, col: 1 }, 'previewFailed', why, hint)] };
  }
}
