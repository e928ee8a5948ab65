// buildScene, run in a Web Worker when the page can start one (build-worker.ts),
// else on the page itself, with the same answer either way. A worker can be
// refused — a page on another origin than kubehop's files (a blog embedding
// them from a CDN) cannot start a worker from that origin, and a
// Content-Security-Policy may forbid workers — and then the page builds.
import type { Built } from '../pipeline.ts';

interface Pending {
  text: string;
  file: string;
  done: (b: Built) => void;
  fail: (e: Error) => void;
}

const pending = new Map<number, Pending>();
let worker: Worker | null | undefined;
let serial = 0;

/** Where the last build ran, for tests and benchmarks. */
export const lastBuild = { in: 'none' as 'worker' | 'page' | 'none' };

function start(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  let w: Worker;
  try {
    // Written out in full: the bundler recognises exactly this form and builds the worker beside it.
    w = new Worker(new URL('./build-worker.ts', import.meta.url), { type: 'module', name: 'kubehop-build' });
  } catch {
    // Refused outright: the worker's file is on another origin than the page, or a policy forbids workers.
    return null;
  }
  w.onmessage = (e: MessageEvent<{ kubehop?: { id: number; built?: Built; error?: string } }>) => {
    // Only answers in kubehop's envelope: elkjs in the worker may speak too (build-worker.ts).
    const answer = e.data?.kubehop;
    if (!answer) return;
    const p = pending.get(answer.id);
    pending.delete(answer.id);
    lastBuild.in = 'worker';
    if (answer.error !== undefined) p?.fail(new Error(answer.error));
    else p?.done(answer.built!);
  };
  // A worker that cannot load its script says so here, not by throwing: the page takes over.
  w.onerror = (e) => {
    e.preventDefault();
    w.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) onPage(p.text, p.file).then(p.done, p.fail);
  };
  return w;
}

async function onPage(text: string, file: string): Promise<Built> {
  const { buildScene } = await import('../pipeline.ts');
  const built = await buildScene(text, file);
  lastBuild.in = 'page';
  return built;
}

/** Starts the worker ahead of the first build, so elkjs loads while the page still fetches the scene (build-worker.ts). */
export function warmUp(): void {
  if (worker === undefined) worker = start();
}

/**
 * The scene built off the main thread where possible. `practise`: the
 * worker lays the scene out again in idle time until elkjs is fast (a page
 * that builds again and again: the editor).
 */
export function buildOffThread(text: string, file: string, practise = false): Promise<Built> {
  warmUp();
  const w = worker;
  if (!w) return onPage(text, file);
  return new Promise((done, fail) => {
    const id = ++serial;
    pending.set(id, { text, file, done, fail });
    w.postMessage({ kubehop: { id, text, file, ...(practise ? { practise } : {}) } });
  });
}
