// `kubehop trace x.yaml | head -1`: once the reader has what it wants it
// closes the pipe, and the next write fails with EPIPE. Node reports that as
// an unhandled 'error' event (a stack trace) unless someone listens. Here the
// output is simply dropped from then on: the command still finishes and
// exits with its own code (validate still says 1 for a broken scene).
import type { Writable } from 'node:stream';

/** A line writer for `stream` that goes quiet when the stream's reader has gone away; other write errors still surface. */
export function lineWriter(stream: Writable): (line: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  return (line) => {
    if (!closed && !stream.destroyed) stream.write(line + '\n');
  };
}
