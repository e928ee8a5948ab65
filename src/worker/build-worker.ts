// The pipeline (parse → validate → derive → layout) in a Web Worker, so
// laying out a scene — elkjs, tens to hundreds of milliseconds — never
// blocks the page that asked: the editor's typing, a post's scrolling.
//
// elkjs shares this worker and has a protocol of its own: its bundle, once it
// builds its first layout, finds itself in a worker and sets `self.onmessage`
// to answer ELK commands. So requests and answers travel in an envelope
// (`kubehop`), this handler is a listener rather than `onmessage`, and ELK's
// handler is taken off again after each build; anything ELK says to the page
// has no envelope and is ignored there (build-client.ts).
import { buildScene } from '../pipeline.ts';
import { practise, stopPractice } from './practice.ts';

// Loaded now rather than at the first build (pipeline.ts imports it on
// demand): the worker usually starts while the page is still fetching the
// scene, so elkjs's megabyte or so is parsed in the meantime.
void import('../layout/layout.ts');

export interface BuildRequest {
  id: number;
  text: string;
  file: string;
  /** Lay the scene out again in idle time until elkjs is fast (practice.ts): the editor, which builds on every pause. */
  practise?: boolean;
}

// ELK's own handler goes once a build or a practice layout is done (see above).
const dropElkHandler = (): void => {
  self.onmessage = null;
};

self.addEventListener('message', async (e: MessageEvent<{ kubehop?: BuildRequest }>) => {
  const request = e.data?.kubehop;
  if (!request) return;
  stopPractice();
  const { id, text, file } = request;
  try {
    const built = await buildScene(text, file);
    self.postMessage({ kubehop: { id, built } });
    if (request.practise && built.ok) practise(built.scene, dropElkHandler);
  } catch (err) {
    self.postMessage({ kubehop: { id, error: err instanceof Error ? err.message : String(err) } });
  }
  dropElkHandler();
});
