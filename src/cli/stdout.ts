// `kubehop trace x.yaml | head -1`: once the reader has what it wants it
// closes the pipe, and the next write fails with EPIPE. Node reports that as
// an unhandled 'error' event (a stack trace) unless someone listens; the
// usual Unix answer is to stop quietly, since no one is left to read.
import type { Writable } from 'node:stream';

/** Ends the process with `code` when `stream`'s reader has gone away; other write errors still surface. */
export function quietWhenClosed(stream: Writable, exit: (code: number) => void = (c) => process.exit(c), code = 0): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') exit(code);
    else throw e;
  });
}
