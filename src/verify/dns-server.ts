// The run's DNS server: a small resolver of the project's own (Node's dgram,
// nothing to install), started in the server's namespace for the run and
// killed with it. It answers as its configuration says: the records of the
// zones it serves (NXDOMAIN for a name it does not hold, NOERROR with no
// records for a type it does not hold), and names outside them forwarded to
// an upstream, TTLs capped as a cache would. The configuration comes as one
// JSON argument, never inside the program text: scene text is untrusted.

/** One record the server holds, as a zone file writes it. */
export interface DnsRecord {
  name: string;
  type: 'A' | 'AAAA';
  ttl: number;
  data: string;
}

export interface DnsServerConfig {
  port: number;
  /** Zones the server is authoritative for (`cluster.local`): unknown names there are NXDOMAIN. */
  zones: string[];
  records: DnsRecord[];
  /** Names outside the zones: asked of this server, TTLs capped at `maxTtl` (a cache's limit). */
  forward?: { ip: string; port: number; maxTtl?: number };
}

/** Listens on UDP `port`, prints `listening on` once bound (the run waits for it). */
export const DNS_SERVER = `const cfg = JSON.parse(process.argv[1]);
const dgram = require('dgram');
const TYPES = { A: 1, AAAA: 28 };
const low = (n) => n.toLowerCase().replace(/\\.$/, '');
function question(m) {
  let o = 12; const labels = [];
  while (m[o] !== 0) { if (m[o] > 63 || o + 1 + m[o] > m.length) return undefined; labels.push(m.toString('latin1', o + 1, o + 1 + m[o])); o += 1 + m[o]; }
  return { name: low(labels.join('.')), type: m.readUInt16BE(o + 1), end: o + 5 };
}
function rdata(r) {
  if (r.type === 'A') return Buffer.from(r.data.split('.').map(Number));
  const [head, tail = ''] = r.data.split('::');
  const g = (s) => (s ? s.split(':') : []);
  const groups = [...g(head), ...Array(8 - g(head).length - g(tail).length).fill('0'), ...g(tail)];
  const b = Buffer.alloc(16); groups.forEach((x, i) => b.writeUInt16BE(parseInt(x, 16), i * 2)); return b;
}
function answer(m, q) {
  const inZone = cfg.zones.some((z) => q.name === z || q.name.endsWith('.' + z));
  const held = cfg.records.filter((r) => low(r.name) === q.name);
  const recs = held.filter((r) => TYPES[r.type] === q.type);
  const rcode = held.length > 0 ? 0 : 3;
  const head = Buffer.alloc(12);
  m.copy(head, 0, 0, 2);
  head[2] = 0x80 | (inZone ? 0x04 : 0) | (m[2] & 0x01);
  head[3] = 0x80 | rcode;
  head.writeUInt16BE(1, 4); head.writeUInt16BE(recs.length, 6);
  const rrs = recs.map((r) => { const d = rdata(r); const f = Buffer.alloc(12); f.writeUInt16BE(0xc00c, 0); f.writeUInt16BE(TYPES[r.type], 2); f.writeUInt16BE(1, 4); f.writeUInt32BE(r.ttl, 6); f.writeUInt16BE(d.length, 10); return Buffer.concat([f, d]); });
  return Buffer.concat([head, m.subarray(12, q.end), ...rrs]);
}
function capTtls(m, q, max) {
  let o = q.end;
  for (let i = 0; i < m.readUInt16BE(6); i++) {
    while (m[o] !== 0 && (m[o] & 0xc0) !== 0xc0) o += 1 + m[o];
    o += m[o] === 0 ? 1 : 2;
    if (m.readUInt32BE(o + 4) > max) m.writeUInt32BE(max, o + 4);
    o += 10 + m.readUInt16BE(o + 8);
  }
  return m;
}
const server = dgram.createSocket('udp4');
server.on('message', (m, from) => {
  const q = m.length > 12 ? question(m) : undefined;
  if (!q) return;
  const inZone = cfg.zones.some((z) => q.name === z || q.name.endsWith('.' + z));
  if (inZone || !cfg.forward) return server.send(answer(m, q), from.port, from.address);
  // A query of its own, with an id of its own, as a forwarding server sends; the answer goes back under the client's id.
  const up = dgram.createSocket('udp4');
  const ask = Buffer.from(m); ask.writeUInt16BE(require('crypto').randomInt(65536), 0);
  up.on('message', (r) => { up.close(); m.copy(r, 0, 0, 2); server.send(cfg.forward.maxTtl ? capTtls(r, q, cfg.forward.maxTtl) : r, from.port, from.address); });
  up.on('error', () => up.close());
  up.send(ask, cfg.forward.port, cfg.forward.ip);
});
server.on('error', (e) => { console.error(e.message); process.exit(1); });
server.bind(cfg.port, () => console.error('listening on ' + server.address().port));`;
