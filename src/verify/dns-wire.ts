// A DNS message's bytes → the scene's DNS header (id, question, and for an
// answer its rcode and A/AAAA records written as zone-file lines, the way
// the scenes write them: `web.default.svc.cluster.local. 30 IN A 10.96.0.20`).
import type { DnsHeader } from '../scene/model.ts';
import { DecodeError } from './decode.ts';

const RCODES: Record<number, string> = { 0: 'NOERROR', 1: 'FORMERR', 2: 'SERVFAIL', 3: 'NXDOMAIN', 4: 'NOTIMP', 5: 'REFUSED' };
const TYPES: Record<number, string> = { 1: 'A', 5: 'CNAME', 6: 'SOA', 12: 'PTR', 28: 'AAAA', 33: 'SRV' };

/** The UDP port DNS is decoded on (either end). */
export const DNS_PORT = 53;

function need(b: Uint8Array, end: number, what: string): void {
  if (b.length < end) throw new DecodeError(`${what} cut short: ${b.length} bytes, needs ${end}`);
}

/** A name at `o`, following compression pointers; returns it without the trailing dot, and where the field ends. */
function readName(b: Uint8Array, o: number): { name: string; end: number } {
  const labels: string[] = [];
  let end = -1;
  for (let hops = 0; hops < 64; hops++) {
    need(b, o + 1, 'DNS name');
    const len = b[o]!;
    if (len === 0) return { name: labels.join('.'), end: end < 0 ? o + 1 : end };
    if ((len & 0xc0) === 0xc0) {
      need(b, o + 2, 'DNS name pointer');
      if (end < 0) end = o + 2;
      o = ((len & 0x3f) << 8) | b[o + 1]!;
      continue;
    }
    need(b, o + 1 + len, 'DNS label');
    labels.push(String.fromCharCode(...b.subarray(o + 1, o + 1 + len)));
    o += 1 + len;
  }
  throw new DecodeError('DNS name: too many compression pointers');
}

function ipv6(b: Uint8Array): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i]! << 8) | b[i + 1]!).toString(16));
  // The shortest form: the longest run of zero groups as `::`.
  let best = [-1, 0];
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best[1]! && j - i > 1) best = [i, j - i];
    i = j > i ? j : i + 1;
  }
  if (best[0]! < 0) return groups.join(':');
  return `${groups.slice(0, best[0]).join(':')}::${groups.slice(best[0]! + best[1]!).join(':')}`;
}

export function decodeDns(b: Uint8Array): DnsHeader {
  need(b, 12, 'DNS header');
  const id = (b[0]! << 8) | b[1]!;
  const isAnswer = (b[2]! & 0x80) !== 0;
  const qd = (b[4]! << 8) | b[5]!;
  const an = (b[6]! << 8) | b[7]!;
  if (qd !== 1) throw new DecodeError(`DNS message with ${qd} questions (the scenes show one)`);
  const q = readName(b, 12);
  need(b, q.end + 4, 'DNS question');
  const qtypeN = (b[q.end]! << 8) | b[q.end + 1]!;
  const h: DnsHeader = { layer: 'dns', id, qname: q.name, qtype: TYPES[qtypeN] ?? `TYPE${qtypeN}` };
  if (!isAnswer) return h;
  h.rcode = RCODES[b[3]! & 0x0f] ?? `RCODE${b[3]! & 0x0f}`;
  const answers: string[] = [];
  let o = q.end + 4;
  for (let i = 0; i < an; i++) {
    const n = readName(b, o);
    need(b, n.end + 10, 'DNS record');
    const type = (b[n.end]! << 8) | b[n.end + 1]!;
    const ttl = ((b[n.end + 4]! << 24) >>> 0) + ((b[n.end + 5]! << 16) | (b[n.end + 6]! << 8) | b[n.end + 7]!);
    const len = (b[n.end + 8]! << 8) | b[n.end + 9]!;
    const data = n.end + 10;
    need(b, data + len, 'DNS record data');
    const rdata = b.subarray(data, data + len);
    const value = type === 1 && len === 4 ? [...rdata].join('.') : type === 28 && len === 16 ? ipv6(rdata) : type === 5 ? `${readName(b, data).name}.` : `(${len} bytes)`;
    answers.push(`${n.name}. ${ttl} IN ${TYPES[type] ?? `TYPE${type}`} ${value}`);
    o = data + len;
  }
  // A NODATA or NXDOMAIN answer carries none; the scenes then show `answers: []` or none at all.
  if (answers.length > 0 || an === 0) h.answers = answers;
  return h;
}

/** A standard query with recursion desired, as a stub resolver sends it (the tests' client). */
export function encodeQuery(id: number, qname: string, qtype: 'A' | 'AAAA'): Uint8Array {
  const labels = qname.split('.').filter(Boolean).flatMap((l) => [l.length, ...[...l].map((c) => c.charCodeAt(0))]);
  return new Uint8Array([id >> 8, id & 0xff, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, ...labels, 0, 0, qtype === 'A' ? 1 : 28, 0, 1]);
}
