// WebM encoding in a browser: WebCodecs (through mediabunny's CanvasSource)
// and mediabunny's WebM muxer. VP9 where the browser encodes it, else VP8:
// both encode in software in headless Chromium and give the same bytes on
// every run (H.264 through OpenH264 does not).
import { BufferTarget, CanvasSource, Output, QUALITY_HIGH, WebMOutputFormat, canEncodeVideo, type VideoCodec } from 'mediabunny';

export interface WebmWriter {
  codec: VideoCodec;
  /** Encodes the canvas as it is now, as frame number `frame` (timestamp frame / fps). */
  add(frame: number): Promise<void>;
  finish(): Promise<Uint8Array>;
}

export async function webmWriter(canvas: HTMLCanvasElement, fps: number): Promise<WebmWriter> {
  const size = { width: canvas.width, height: canvas.height };
  const codec = (await canEncodeVideo('vp9', size)) ? 'vp9' : (await canEncodeVideo('vp8', size)) ? 'vp8' : undefined;
  if (!codec) throw new Error('this browser cannot encode VP9 or VP8 video (WebCodecs), so it cannot make a WebM');
  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  // A key frame every 2 s keeps seeking in a long scene quick.
  const source = new CanvasSource(canvas, { codec, bitrate: QUALITY_HIGH, keyFrameInterval: 2 });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  return {
    codec,
    add: (frame) => source.add(frame / fps, 1 / fps),
    async finish() {
      await output.finalize();
      const buffer = output.target.buffer;
      if (!buffer) throw new Error('the WebM muxer produced no data');
      return new Uint8Array(buffer);
    },
  };
}
