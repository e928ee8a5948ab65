// Inputs for the pipeline's property tests (fuzz-pipeline.test.ts) and its
// long run (bench/fuzz.ts): random text, mutated real scenes, and scenes
// built from the schema's vocabulary so that derive and layout get work too.
// And the property itself: whatever the text, buildScene ends as a scene or
// as diagnostics with positions, never by throwing, and in bounded time.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { Alias, isCollection, isPair, isScalar, isSeq, parseDocument, stringify, visit, type Node as YamlNode } from 'yaml';
import { buildScene } from '../../src/pipeline.ts';
import { bareOps, deviceTypes, headerSchemas, linkKinds, opSchemas, tableTypes } from '../../src/scene/schema.ts';
import { MESSAGES } from '../../src/scene/messages.ts';

export interface Sample {
  file: string;
  text: string;
}

/** Every scene and fixture in the repository: the starting points for mutations. */
export const SEEDS: Sample[] = [
  ...readdirSync('scenes')
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `scenes/${f}`),
  'tests/fixtures/valid/mini.yaml',
  ...readdirSync('tests/fixtures/broken')
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `tests/fixtures/broken/${f}`),
].map((file) => ({ file, text: readFileSync(file, 'utf8') }));

/** Strings that have broken parsers, validators and renderers before. */
export const HOSTILE = [
  '', ' ', '~', 'null', 'Null', 'NULL', 'true', 'no', 'yes', 'on', '-', '--', '---', '...', '?', ':', ': ', ' :', '#', '# x', '|', '>', '|-', '>+', '!', '!!', '!!str', '!!binary aGk=', '!!set', '!!omap', '!!timestamp 2001-12-14',
  '!!js/function', '!<tag:yaml.org,2002:str>', '&a', '*a', '&a *a', '*', '&', '<<', '<<: *a', '{', '}', '[', ']', '{}', '[]', '[[]]', '{a: }', '{,}', '[,]', '"', "'", '"\\', "'\\'", '"\\u0000"', '"\\uD800"', '"\\x"',
  '\t', '\ttab', '\r', '\r\n', '\u0000', '\u0007', '\u001f', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffe', '\ud800', '\udc00', '🙂', 'é', 'ß', 'İ', 'ﬃ', '\u202e', 'a\u0301',
  '0', '-0', '00', '0x10', '0o7', '0b1', '1e309', '-1e309', '.inf', '-.inf', '.nan', 'NaN', 'Infinity', '1_000', '9007199254740993', '65536', '-1', '1.5', '2e3', '1:2', '12:30:00',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'then',
  'a'.repeat(300), 'x/'.repeat(50), 'pod-a/eth0/extra', '/', '//', 'node1/', '/eth0', '#row', 'a#b#c', '%', '%YAML 1.1', '@', '`', '${x}', '{{x}}', '<script>alert(1)</script>', '</svg>', '&amp;', '../../etc/passwd', 'C:\\x', '\\n',
  'ff:ff:ff:ff:ff:ff', '00:00:00:00:00:00', 'zz:zz:zz:zz:zz:zz', '10.0.0.1', '10.0.0.1/33', '256.1.1.1', '10.0.0', '::1', '0.0.0.0/0',
];

/** The words a scene is written in: keys, kinds, types, operations, headers. */
const VOCABULARY = [
  'apiVersion', 'kubehop/v1', 'kind', 'Scene', 'id', 'title', 'summary', 'topic', 'order', 'elements', 'links', 'packets', 'steps', 'name', 'type', 'label', 'ip', 'mac', 'row', 'contains', 'rows', 'text', 'beside',
  'ports', 'port', 'protocol', 'between', 'origin', 'headers', 'packet', 'to', 'at', 'ops', 'caption', 'notes', 'highlight', 'node', 'pod', 'device', 'process', 'table', 'external', 'service',
  ...deviceTypes, ...tableTypes, ...linkKinds, ...bareOps, ...Object.keys(opSchemas), ...Object.keys(headerSchemas), 'src', 'dst', 'ttl', 'sport', 'dport', 'vni', 'via', 'dev', 'sender', 'target', 'op', 'request', 'reply',
  'node1', 'pod-a', 'pod-a/eth0', 'node1/cni0', 'eth0', 'cni0',
];

const YAML_BITS = [':', ': ', '- ', '? ', '[', ']', '{', '}', ', ', ',', '&a ', '*a', '&b ', '*b', '&a [', '*a]', '&a {k: ', '*a}', '!!str ', '!!map ', '!x ', '# c', '\n', '\n  ', '\n    ', '  ', ' ', '\t', '"', "'", '|\n', '>\n', '---\n', '...\n', '%YAML 1.2\n', '\\', '#', '@', '`', '1', '-1', '0x1f', 'null', '~', 'true'];

/** Random text, from any Unicode to text made of YAML's punctuation and the scene's words. */
export const randomText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 400 }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...YAML_BITS), fc.constantFrom(...VOCABULARY)), maxLength: 120 }),
  // Scene-shaped: a real header, then YAML-ish junk.
  fc.string({ unit: fc.oneof(fc.constantFrom(...YAML_BITS), fc.constantFrom(...VOCABULARY), fc.constantFrom(...HOSTILE)), maxLength: 80 }).map((s) => `apiVersion: kubehop/v1\nkind: Scene\nid: x\ntitle: t\nsummary: s\n${s}`),
);

type Gen = fc.GeneratorValue;
// Unbiased: fast-check leans towards small numbers, which would make every pick the first and every chance likely.
const pick = <T>(g: Gen, xs: readonly T[]): T => xs[g(() => fc.noBias(fc.nat({ max: xs.length - 1 })))]!;
const chance = (g: Gen, p: number): boolean => g(() => fc.noBias(fc.integer({ min: 0, max: 999 }))) < p * 1000;

/** A replacement for a scalar: a string, a number, null, or something hostile. */
function replacement(g: Gen, words: string[]): string {
  switch (g(fc.nat, { max: 5 })) {
    case 0:
      return g(fc.string, { maxLength: 30 });
    case 1:
      return String(g(() => fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 65535, 65536, 16777216, 2 ** 53))));
    case 2:
      return pick(g, ['null', '~', '', '[]', '{}']);
    case 3:
      return words.length > 0 ? pick(g, words) : 'x';
    default:
      return pick(g, HOSTILE);
  }
}

/** Ids and names as written in a scene, for renaming one reference into another. */
function wordsOf(text: string): string[] {
  return [...new Set(text.match(/[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9._-]+)?(?:#[A-Za-z0-9._-]+)?/g) ?? [])];
}

/** One of the ways a hand edit goes wrong. */
function mutateOnce(g: Gen, text: string): string {
  const lines = text.split('\n');
  const i = g(fc.nat, { max: Math.max(0, lines.length - 1) });
  const line = lines[i] ?? '';
  const indent = /^ */.exec(line)![0].length;
  const words = wordsOf(text);
  switch (g(fc.nat, { max: 9 })) {
    case 0: // delete a line
      lines.splice(i, 1);
      break;
    case 1: // duplicate a line
      lines.splice(i, 0, line);
      break;
    case 2: {
      // swap two lines
      const j = g(fc.nat, { max: lines.length - 1 });
      [lines[i], lines[j]] = [lines[j]!, line];
      break;
    }
    case 3: {
      // change an indentation
      const delta = g(fc.integer, { min: -4, max: 4 }) || 1;
      lines[i] = ' '.repeat(Math.max(0, indent + delta)) + line.trimStart();
      break;
    }
    case 4: {
      // replace a scalar (after a key, a dash, or inside a flow collection)
      const m = [...line.matchAll(/(:\s+|-\s+|[[{,]\s*)([^\s:,[\]{}#][^,[\]{}#\n]*)/g)];
      if (m.length === 0) lines[i] = line + replacement(g, words);
      else {
        const hit = pick(g, m);
        const start = hit.index! + hit[1]!.length;
        lines[i] = line.slice(0, start) + replacement(g, words) + line.slice(start + hit[2]!.length);
      }
      break;
    }
    case 5: {
      // drop a key, with the block under it
      let end = i + 1;
      while (end < lines.length && (lines[end]!.trim() === '' || /^ */.exec(lines[end]!)![0].length > indent)) end++;
      lines.splice(i, end - i);
      break;
    }
    case 6: {
      // rename one id reference into another id, or into a near miss
      const m = [...line.matchAll(/[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9._-]+)?/g)];
      if (m.length > 0) {
        const hit = pick(g, m);
        const to = chance(g, 0.5) && words.length > 0 ? pick(g, words) : hit[0] + pick(g, ['x', '/eth0', '/', '-', '#1', '1']);
        lines[i] = line.slice(0, hit.index!) + to + line.slice(hit.index! + hit[0].length);
      }
      break;
    }
    case 7: {
      // insert something hostile anywhere in the line
      const at = g(fc.nat, { max: line.length });
      lines[i] = line.slice(0, at) + pick(g, [...HOSTILE, ...YAML_BITS]) + line.slice(at);
      break;
    }
    case 8: {
      // anchor a value, and alias it somewhere else: before it, after it, or inside it (a loop)
      const valueAt = (l: string) => /(?::|-)\s+(?=[^\s#])/.exec(l);
      const m = valueAt(line);
      if (!m) break;
      const name = pick(g, ['a', 'b', 'x']);
      lines[i] = line.slice(0, m.index + m[0].length) + `&${name} ` + line.slice(m.index + m[0].length);
      const j = chance(g, 0.5) ? Math.min(lines.length - 1, i + g(fc.integer, { min: 0, max: 3 })) : g(fc.nat, { max: lines.length - 1 });
      const target = lines[j]!;
      const n = valueAt(target);
      if (n) lines[j] = target.slice(0, n.index + n[0].length) + (chance(g, 0.5) ? `*${name}` : `[*${name}, *${name}]`) + (chance(g, 0.5) ? '' : target.slice(n.index + n[0].length).replace(/^[^,\]}]*/, ''));
      break;
    }
    default:
      // truncate at a random character (maybe inside a surrogate pair)
      return text.slice(0, g(fc.nat, { max: text.length }));
  }
  return lines.join('\n');
}

/** A real scene or fixture with one to four mistakes in it. */
export const mutatedScene = fc.gen().map((g): Sample => {
  const seed = pick(g, SEEDS);
  let text = seed.text;
  const n = g(fc.integer, { min: 1, max: 4 });
  for (let k = 0; k < n; k++) text = mutateOnce(g, text);
  return { file: seed.file, text };
});

/** A node of a parsed scene, with where it hangs, so that it can be replaced. */
interface Spot {
  node: YamlNode;
  parent: unknown;
  key: number | 'key' | 'value' | null;
  ancestors: YamlNode[];
}

function spots(doc: ReturnType<typeof parseDocument>): Spot[] {
  const out: Spot[] = [];
  visit(doc, {
    Node(key, node, path) {
      const parent = path[path.length - 1];
      const ancestors = path.filter((p): p is YamlNode => isCollection(p as YamlNode));
      out.push({ node: node as YamlNode, parent, key: key as Spot['key'], ancestors });
    },
  });
  return out;
}

function replace(spot: Spot, node: unknown): void {
  const { parent, key } = spot;
  if (isPair(parent) && (key === 'key' || key === 'value')) parent[key] = node;
  else if (isCollection(parent as YamlNode) && typeof key === 'number') (parent as { items: unknown[] }).items[key] = node;
}

/**
 * A real scene edited as a YAML tree, so that every edit still parses: values
 * of another type, items dropped or repeated, and aliases, to earlier values,
 * to later ones, and to the value around them (a loop).
 */
export const editedScene = fc.gen().map((g): Sample => {
  const seed = pick(g, SEEDS);
  const doc = parseDocument(seed.text);
  const n = g(fc.integer, { min: 1, max: 3 });
  for (let k = 0; k < n; k++) {
    const all = spots(doc).filter((x) => x.key !== null);
    if (all.length === 0) break;
    const spot = pick(g, all);
    const anchor = `m${k}`;
    switch (g(fc.nat, { max: 6 })) {
      case 0: {
        // an alias to the collection around this value: a loop
        if (spot.ancestors.length === 0) break;
        const around = pick(g, spot.ancestors);
        around.anchor = anchor;
        replace(spot, new Alias(anchor));
        break;
      }
      case 1: {
        // an alias to another value, maybe one written later
        const other = pick(g, all).node;
        if (other === spot.node || isPair(other)) break;
        other.anchor = anchor;
        replace(spot, new Alias(anchor));
        break;
      }
      case 2:
        replace(spot, doc.createNode(pick(g, [null, true, 0, -1, 1.5, 65536, [], {}, ['x'], { k: 'v' }, { kind: 'node' }, [{ eth: {} }], pick(g, HOSTILE), g(fc.string, { maxLength: 20 })])));
        break;
      case 3: {
        // drop an item of a list or a key of a map
        const p = spot.parent;
        if (isCollection(p as YamlNode) && typeof spot.key === 'number') (p as { items: unknown[] }).items.splice(spot.key, 1);
        break;
      }
      case 4: {
        // repeat an item of a list (duplicate ids, links, steps)
        const p = spot.parent;
        if (isSeq(p) && typeof spot.key === 'number') p.items.splice(spot.key, 0, doc.createNode(spot.node.toJSON()));
        break;
      }
      case 5: {
        // swap two values
        const other = pick(g, all);
        if (other.ancestors.includes(spot.node) || spot.ancestors.includes(other.node) || isPair(other.node) || isPair(spot.node)) break;
        replace(spot, other.node);
        replace(other, spot.node);
        break;
      }
      default:
        // a scalar's text, replaced
        if (isScalar(spot.node)) spot.node.value = replacement(g, wordsOf(seed.text));
    }
  }
  let text: string;
  try {
    text = doc.toString({ lineWidth: 0 });
  } catch {
    text = String(doc.contents);
  }
  return { file: seed.file, text };
});

/** A well-formed scene from the schema's vocabulary, whose references mostly point at elements that exist. */
export const generatedScene = fc.gen().map((g): Sample => {
  // Most scenes are meant to be right, so that derive and layout see them; the rest have slips.
  const slips = chance(g, 0.25);
  const octet = () => g(fc.integer, { min: 1, max: 254 });
  const mac = () => Array.from({ length: 6 }, () => g(fc.nat, { max: 255 }).toString(16).padStart(2, '0')).join(':');
  const devices: { id: string; mac: boolean; ip: boolean }[] = [];
  const tables: { id: string; rows: string[] }[] = [];
  const ids: string[] = [];
  const links: Record<string, unknown>[] = [];
  const link = (kind: string, a: string, b: string) => links.push({ kind, between: [a, b] });
  const device = (owner: string, name: string, type: string, addr: boolean): Record<string, unknown> => {
    const d: Record<string, unknown> = { kind: 'device', name, type };
    if (addr) Object.assign(d, { ip: `10.${octet()}.${octet()}.${octet()}/24`, mac: mac() });
    if (chance(g, 0.1)) d.row = g(fc.integer, { min: 0, max: 9 });
    if (chance(g, 0.1)) d.label = chance(g, 0.5) ? pick(g, HOSTILE) : [g(fc.string, { maxLength: 40 }), g(fc.string, { maxLength: 40 })];
    devices.push({ id: `${owner}/${name}`, mac: addr, ip: addr });
    ids.push(`${owner}/${name}`);
    return d;
  };
  const table = (owner: string, name: string, beside: string | undefined): Record<string, unknown> => {
    // A row written as plain text is known by its number.
    const written = Array.from({ length: g(fc.integer, { min: 0, max: 4 }) }, (_, k) => (chance(g, 0.8) ? { id: `r${k}`, text: g(fc.string, { maxLength: 60 }) } : g(fc.string, { maxLength: 20 })));
    tables.push({ id: `${owner}/${name}`, rows: written.map((r, k) => (typeof r === 'string' ? String(k + 1) : r.id)) });
    ids.push(`${owner}/${name}`);
    const t: Record<string, unknown> = { kind: 'table', name, type: pick(g, tableTypes), rows: written };
    if (beside) t.beside = beside;
    return t;
  };

  const elements: Record<string, unknown>[] = [];
  const label = (): string | string[] =>
    chance(g, 0.5) ? pick(g, [...HOSTILE, 'x'.repeat(200), 'a b '.repeat(40)]) : Array.from({ length: g(fc.integer, { min: 0, max: 6 }) }, () => g(fc.string, { maxLength: 50 }));

  /** Nodes, pods and bridges the way a cluster has them. */
  const cluster = () => {
    const nics: string[] = [];
    const nodes = g(fc.integer, { min: 1, max: 3 });
    for (let n = 1; n <= nodes; n++) {
      const node = `node${n}`;
      ids.push(node);
      const contains: Record<string, unknown>[] = [device(node, 'eth0', 'nic', true)];
      nics.push(`${node}/eth0`);
      const bridge = chance(g, 0.8);
      if (bridge) contains.push(device(node, 'cni0', 'bridge', true));
      if (chance(g, 0.4)) {
        contains.push(device(node, 'flannel.1', pick(g, ['vxlan', 'ipip']), true));
        link('stack', `${node}/flannel.1`, `${node}/eth0`);
      }
      const pods = g(fc.integer, { min: 0, max: 3 });
      for (let p = 1; p <= pods; p++) {
        const pod = `pod-${n}${p}`;
        ids.push(pod);
        const inPod: Record<string, unknown>[] = [device(pod, 'eth0', 'veth', chance(g, 0.9))];
        if (chance(g, 0.3)) inPod.push(table(pod, 'routes', 'eth0'));
        if (chance(g, 0.2)) inPod.push({ kind: 'process', name: 'app' });
        contains.push({ kind: 'pod', name: pod, contains: inPod });
        contains.push(device(node, `veth${p}`, 'veth', false));
        link('veth', `${pod}/eth0`, `${node}/veth${p}`);
        if (bridge) link('bridge-port', `${node}/veth${p}`, `${node}/cni0`);
      }
      if (chance(g, 0.5)) contains.push(table(node, pick(g, ['fdb', 'routes', 'iptables']), bridge ? 'cni0' : 'eth0'));
      if (chance(g, 0.2)) contains.push({ kind: 'process', name: 'kube-proxy', label: 'kube-proxy' });
      const el: Record<string, unknown> = { kind: 'node', name: node, contains };
      if (chance(g, 0.7)) el.ip = `192.168.1.${n}`;
      elements.push(el);
    }
    for (let k = 1; k < nics.length; k++) link('wire', nics[k - 1]!, nics[k]!);
    if (chance(g, 0.3)) {
      elements.push({ kind: 'external', name: 'client', ip: `203.0.113.${octet()}`, mac: mac() });
      ids.push('client');
      devices.push({ id: 'client', mac: true, ip: true });
      link('wire', 'client', nics[0]!);
    }
    if (chance(g, 0.3)) {
      elements.push({ kind: 'service', name: 'svc', ip: `10.96.0.${octet()}`, ports: [{ name: 'http', port: 80, protocol: 'TCP' }] });
      ids.push('svc');
    }
  };

  /** Any element inside any container, several levels deep, with odd rows, labels and links: shapes no scene has yet. */
  const wild = () => {
    let count = 0;
    const make = (depth: number, owner: string | undefined, siblings: string[]): Record<string, unknown> => {
      const n = ++count;
      const kind = pick(g, depth >= 4 ? ['device', 'table', 'process'] : ['node', 'pod', 'external', 'device', 'device', 'table', 'process', 'service']);
      const el: Record<string, unknown> = { kind };
      if (chance(g, 0.2)) el.label = label();
      if (kind === 'node' || kind === 'pod' || kind === 'external') {
        el.name = `${kind}${n}`;
        ids.push(el.name as string);
        const inner: string[] = [];
        el.contains = Array.from({ length: g(fc.integer, { min: 0, max: 4 }) }, () => make(depth + 1, el.name as string, inner));
        if (kind !== 'pod' && chance(g, 0.5)) el.ip = `10.${octet()}.0.${octet()}`;
        if (kind === 'external' && chance(g, 0.5)) {
          el.mac = mac();
          el.ip ??= `10.${octet()}.0.${octet()}`;
          devices.push({ id: el.name as string, mac: true, ip: true });
        }
        return el;
      }
      if (kind === 'service') {
        el.name = `svc${n}`;
        ids.push(el.name as string);
        return Object.assign(el, { ip: `10.96.0.${octet()}` });
      }
      const name = kind === 'device' ? `d${n}` : kind === 'table' ? `t${n}` : `proc${n}`;
      if (kind === 'device') {
        Object.assign(el, device(owner ?? '', name, pick(g, deviceTypes), count === 1 || chance(g, 0.6)));
        // A device outside any node or pod is named by itself.
        if (!owner) {
          const d = devices.pop()!;
          ids.pop();
          devices.push({ ...d, id: name });
          ids.push(name);
        }
        siblings.push(name);
      } else if (kind === 'table') {
        Object.assign(el, table(owner ?? '', name, siblings.length > 0 && chance(g, 0.6) ? pick(g, siblings) : undefined));
        if (!owner) {
          tables[tables.length - 1]!.id = name;
          ids.pop();
          ids.push(name);
        }
      } else {
        el.name = name;
        ids.push(owner ? `${owner}/${name}` : name);
      }
      if (chance(g, 0.2)) el.row = g(fc.integer, { min: 0, max: 9 });
      if (el.label === undefined && chance(g, 0.2)) el.label = label();
      return el;
    };
    const roots: string[] = [];
    for (let k = g(fc.integer, { min: 1, max: 5 }); k > 0; k--) elements.push(make(0, undefined, roots));
    if (!devices.some((d) => d.ip)) elements.push({ ...device('', 'eth0', 'nic', true), name: 'eth0' }), (devices[devices.length - 1]!.id = 'eth0'), (ids[ids.length - 1] = 'eth0');
  };

  if (chance(g, 0.35)) wild();
  else cluster();
  // A few links of any kind between any two elements (with slips: the same one twice, or one to nowhere).
  const joined = new Set(links.map((l) => [...(l.between as string[])].sort().join(' ')));
  for (let k = g(fc.integer, { min: 0, max: links.length === 0 ? 12 : 3 }); k > 0; k--) {
    const [a, b] = [pick(g, ids), pick(g, ids)];
    const key = [a, b].sort().join(' ');
    if (slips || (a !== b && !joined.has(key))) link(pick(g, linkKinds), a, b);
    joined.add(key);
  }
  if (slips && chance(g, 0.3)) link('wire', pick(g, ids), 'nowhere/eth9');
  for (const l of links) if (chance(g, 0.1)) l.label = g(fc.string, { maxLength: 20 });

  // Addresses are taken from devices that have them, unless the scene has slips.
  const addressed = devices.filter((d) => d.ip);
  const anyDev = () => pick(g, slips ? devices : addressed).id;
  const addr = (kind: 'mac' | 'ip') => (chance(g, 0.85) ? anyDev() : kind === 'mac' ? pick(g, [mac(), 'ff:ff:ff:ff:ff:ff']) : `10.${octet()}.0.${octet()}`);
  const port = () => g(fc.integer, { min: 0, max: 65535 });
  const header = (origin: string): Record<string, unknown> => {
    switch (g(fc.nat, { max: 9 })) {
      case 0:
        return { arp: { op: pick(g, ['request', 'reply']), sender: origin, target: anyDev() } };
      case 1:
        return { tcp: { sport: port(), dport: port(), ...(chance(g, 0.3) ? { flags: 'ACK' } : {}) } };
      case 2:
        return { udp: { sport: port(), dport: port() } };
      case 3:
        return { icmp: { type: pick(g, ['echo-request', 'echo-reply']) } };
      case 4:
        return { vxlan: { vni: g(fc.integer, { min: 0, max: 16777215 }) } };
      case 5:
        return { dns: { id: g(fc.integer, { min: 0, max: 65535 }), qname: 'kubernetes.default', qtype: 'A', ...(chance(g, 0.5) ? { answers: ['10.96.0.1'] } : {}) } };
      case 6:
        return { bgp: { type: 'UPDATE', prefix: '10.244.1.0/24', nextHop: addr('ip') } };
      case 7:
        return { ipip: {} };
      default:
        return { ipv4: { src: origin, dst: addr('ip'), ...(chance(g, 0.5) ? { ttl: g(fc.integer, { min: 1, max: 255 }) } : {}) } };
    }
  };
  const packets = Array.from({ length: g(fc.integer, { min: 1, max: 2 }) }, (_, k) => {
    const origin = anyDev();
    const headers: Record<string, unknown>[] = [];
    if (!slips || chance(g, 0.9)) headers.push({ eth: { src: origin, dst: addr('mac') } });
    if (!slips || chance(g, 0.8)) headers.push({ ipv4: { src: origin, dst: addr('ip') } });
    const extra = g(fc.integer, { min: headers.length === 0 ? 1 : 0, max: 2 });
    for (let h = 0; h < extra; h++) headers.push(slips ? header(origin) : pick(g, [{ icmp: { type: 'echo-request' } }, { tcp: { sport: port(), dport: port() } }, { udp: { sport: port(), dport: port() } }]));
    return { id: `p${k}`, origin, headers };
  });

  // Without slips, only operations that cannot fail on a packet with Ethernet and IPv4 headers.
  const op = (): unknown => {
    if (!slips) return pick(g, [() => ({ route: { dev: anyDev(), via: anyDev() } }), () => ({ encap: { type: 'vxlan', src: anyDev(), dst: anyDev() } }), () => ({ dnat: { to: addr('ip') } }), () => ({ masquerade: { dev: anyDev() } }), () => 'bridge', () => 'deliver', () => 'reply', () => ({ drop: 'policy' })])();
    switch (g(fc.nat, { max: 12 })) {
      case 0:
        return { route: { dev: anyDev(), via: anyDev() } };
      case 1:
        return { encap: { type: pick(g, ['vxlan', 'ipip']), src: anyDev(), dst: anyDev(), ...(chance(g, 0.5) ? { vni: 1, dport: 8472 } : {}) } };
      case 2:
        return { [pick(g, ['dnat', 'snat'])]: { to: addr('ip'), ...(chance(g, 0.5) ? { port: port() } : {}) } };
      case 3:
        return { masquerade: { dev: anyDev() } };
      case 4:
        return { 'dns-query': { id: 7, qname: 'example.com', qtype: 'A' } };
      case 5:
        return { 'dns-answer': { rcode: 'NOERROR', answers: ['93.184.216.34'] } };
      case 6:
        return { drop: g(fc.string, { maxLength: 20 }) || 'no route' };
      case 7:
        return { bridge: { to: anyDev() } };
      default:
        return pick(g, bareOps);
    }
  };
  const where = new Map(packets.map((p) => [p.id, p.origin]));
  const steps = Array.from({ length: g(fc.integer, { min: 1, max: 12 }) }, () => {
    const packet = pick(g, packets).id;
    const here = where.get(packet)!;
    const step: Record<string, unknown> = { packet };
    const next = links.flatMap((l) => {
      const [a, b] = l.between as string[];
      return a === here ? [b] : b === here ? [a] : [];
    });
    if (next.length > 0 && chance(g, 0.7)) {
      step.to = !slips || chance(g, 0.8) ? pick(g, next) : pick(g, ids);
      where.set(packet, step.to as string);
    } else step.at = !slips || chance(g, 0.8) ? here : pick(g, ids);
    if (chance(g, 0.5)) step.ops = Array.from({ length: g(fc.integer, { min: 1, max: 2 }) }, op);
    const t = tables.filter((x) => x.rows.length > 0);
    if (t.length > 0 && chance(g, 0.2)) {
      const tb = pick(g, t);
      step.highlight = [`${tb.id}#${pick(g, tb.rows)}`];
    }
    step.caption = g(fc.string, { minLength: 1, maxLength: 80 }).trim() || 'caption';
    if (chance(g, 0.2)) step.notes = g(fc.string, { maxLength: 80 });
    return step;
  });

  const scene = { apiVersion: 'kubehop/v1', kind: 'Scene', id: 'generated', title: 'Generated', summary: 'A scene made from the schema.', elements, links, packets, steps };
  return { file: 'generated.yaml', text: stringify(scene, { lineWidth: 0 }) };
});

export type Outcome = 'ok' | 'diagnostics';

/** Each code of the messages module, with the severity it carries. */
const SEVERITY = new Map<string, string>(Object.values(MESSAGES).map((m) => [m.code, m.severity]));

/** Why a result breaks the property, or undefined when it holds. */
export function violation(sample: Sample, r: Awaited<ReturnType<typeof buildScene>>): string | undefined {
  const lines = sample.text.split('\n').length;
  for (const d of r.diagnostics) {
    const where = JSON.stringify(d);
    if (d.file !== sample.file) return `diagnostic names another file: ${where}`;
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines) return `diagnostic line outside the file (1…${lines}): ${where}`;
    if (!Number.isInteger(d.col) || d.col < 1) return `diagnostic column below 1: ${where}`;
    if (typeof d.message !== 'string' || d.message.trim() === '') return `diagnostic without a message: ${where}`;
    if (d.severity !== 'error' && d.severity !== 'warning') return `diagnostic without a severity: ${where}`;
    if (SEVERITY.get(d.code) !== d.severity) return `diagnostic without a code of the messages module (or with another severity): ${where}`;
  }
  if (r.ok) {
    if (r.steps.length === 0) return 'a scene with no steps';
    if (r.diagnostics.some((d) => d.severity === 'error')) return 'a scene despite errors';
    if (!r.geometry || !Array.isArray(r.geometry.boxes)) return 'a scene without geometry';
    const nonFinite = findNonFinite(r.geometry, 'geometry');
    if (nonFinite) return `a number in the layout is not finite: ${nonFinite}`;
  } else if (r.diagnostics.length === 0) return 'a failure without diagnostics';
  return undefined;
}

function findNonFinite(v: unknown, path: string): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : `${path} = ${v}`;
  if (!v || typeof v !== 'object') return undefined;
  for (const [k, x] of Object.entries(v)) {
    const bad = findNonFinite(x, `${path}.${k}`);
    if (bad) return bad;
  }
  return undefined;
}

/** Runs one sample through the whole pipeline; throws (with the reason) when the property fails. */
export async function runPipeline(sample: Sample, budgetMs: number): Promise<Outcome> {
  const t0 = performance.now();
  let r: Awaited<ReturnType<typeof buildScene>>;
  try {
    r = await buildScene(sample.text, sample.file);
  } catch (e) {
    throw new Error(`buildScene threw: ${(e as Error)?.stack ?? String(e)}`);
  }
  const ms = performance.now() - t0;
  if (ms > budgetMs) throw new Error(`buildScene took ${ms.toFixed(0)} ms, over the budget of ${budgetMs} ms`);
  const bad = violation(sample, r);
  if (bad) throw new Error(bad);
  return r.ok ? 'ok' : 'diagnostics';
}
