// The classic pcap file format (what `tcpdump -w` writes): a 24-byte file
// header, then per frame a 16-byte record header and the bytes. Either byte
// order, micro- or nanosecond timestamps.

export interface PcapRecord {
  /** Microseconds since the epoch. */
  ts: number;
  /** The captured bytes (up to the snapshot length). */
  data: Uint8Array;
  /** The frame's length on the wire. */
  origLen: number;
}

export interface Pcap {
  /** 1: Ethernet. */
  linkType: number;
  records: PcapRecord[];
}

const MAGICS: Record<number, { little: boolean; nano: boolean }> = {
  0xa1b2c3d4: { little: false, nano: false },
  0xd4c3b2a1: { little: true, nano: false },
  0xa1b23c4d: { little: false, nano: true },
  0x4d3cb2a1: { little: true, nano: true },
};

export function readPcap(bytes: Uint8Array): Pcap {
  if (bytes.length < 24) throw new Error(`not a pcap file: ${bytes.length} bytes, shorter than its 24-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = MAGICS[view.getUint32(0, false)];
  if (!format) throw new Error(`not a pcap file: magic 0x${view.getUint32(0, false).toString(16)}`);
  const { little, nano } = format;
  const linkType = view.getUint32(20, little) & 0x0fffffff;
  const records: PcapRecord[] = [];
  let off = 24;
  // A capture stopped mid-write may end in a partial record: what is whole is kept.
  while (off + 16 <= bytes.length) {
    const sec = view.getUint32(off, little);
    const frac = view.getUint32(off + 4, little);
    const inclLen = view.getUint32(off + 8, little);
    const origLen = view.getUint32(off + 12, little);
    if (off + 16 + inclLen > bytes.length) break;
    records.push({ ts: sec * 1e6 + (nano ? Math.floor(frac / 1000) : frac), data: bytes.subarray(off + 16, off + 16 + inclLen), origLen });
    off += 16 + inclLen;
  }
  return { linkType, records };
}

/** A pcap file from frames (tests, and fixtures written by hand): little-endian, microseconds, Ethernet. */
export function writePcap(frames: { ts: number; data: Uint8Array }[]): Uint8Array {
  const out = new Uint8Array(24 + frames.reduce((n, f) => n + 16 + f.data.length, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xa1b2c3d4, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setUint32(16, 65535, true);
  view.setUint32(20, 1, true);
  let off = 24;
  for (const f of frames) {
    view.setUint32(off, Math.floor(f.ts / 1e6), true);
    view.setUint32(off + 4, f.ts % 1e6, true);
    view.setUint32(off + 8, f.data.length, true);
    view.setUint32(off + 12, f.data.length, true);
    out.set(f.data, off + 16);
    off += 16 + f.data.length;
  }
  return out;
}
