// validate, part 2a: the element tree → elements by qualified id, with labels
// and drawing rows filled in, so later stages never re-derive them.
import type { RawElement } from './schema.ts';
import type { SceneElement, DeviceType, TableType, TableRow } from './model.ts';
import type { Diagnostic } from './diagnostic.ts';
import { posAt, type ParsedScene, type PathKey } from './parse.ts';
import { isIpv4, isMac } from './addresses.ts';
import { diag } from './messages.ts';

/** Pods at the top of a node, the NIC at the bottom: the stack as a teacher draws it. */
const deviceRow: Record<DeviceType, number> = { veth: 1, bridge: 2, vxlan: 3, ipip: 3, nic: 4, loopback: 4, dummy: 3 };

const deviceSuffix: Partial<Record<DeviceType, string>> = { bridge: ' (bridge)', vxlan: ' (VTEP)', ipip: ' (IPIP tunnel)', nic: ' (NIC)', dummy: ' (dummy)' };

const tableTitle: Record<TableType, string> = {
  routes: 'routing table',
  iptables: 'iptables',
  conntrack: 'conntrack',
  fdb: 'bridge FDB',
  neigh: 'neighbour table',
  resolv: '/etc/resolv.conf',
  corefile: 'Corefile',
  bgp: 'BGP routes',
  ipvs: 'IPVS',
  cache: 'DNS cache',
  bpf: 'BPF map',
  file: 'file',
};

export function collectElements(parsed: ParsedScene, raw: RawElement[], out: Diagnostic[]): { elements: Record<string, SceneElement>; roots: string[] } {
  const elements: Record<string, SceneElement> = {};
  const roots: string[] = [];
  // Each element as written, kept for the pass that needs the whole tree.
  const written: { el: SceneElement; r: RawElement; path: PathKey[]; owner: string | undefined }[] = [];

  const visit = (list: RawElement[], path: PathKey[], parent: SceneElement | undefined, owner: string | undefined): string[] => {
    const ids: string[] = [];
    list.forEach((r, i) => {
      const here = [...path, i];
      const pos = posAt(parsed, here);
      const scoped = r.kind === 'device' || r.kind === 'process' || r.kind === 'table';
      const id = scoped && owner ? `${owner}/${r.name}` : r.name;
      const clash = elements[id];
      if (clash) {
        out.push(diag(posAt(parsed, here, 'name'), 'duplicateId', id, clash.pos.line));
        return;
      }
      const el: SceneElement = { id, name: r.name, kind: r.kind, label: [], children: [], pos };
      if (parent) el.parent = parent.id;
      if ('type' in r) el.type = r.type;
      if (r.kind === 'service' && r.ip === 'None') el.headless = true;
      else if ('ip' in r && r.ip !== undefined) {
        if (!isIpv4(r.ip, true)) out.push(diag(posAt(parsed, [...here, 'ip']), 'badIp', r.ip, r.kind === 'service'));
        el.ip = r.ip;
      }
      if (r.kind === 'device' && (r.type === 'ipip' || r.layer3)) el.layer3 = true;
      if ('mac' in r && r.mac !== undefined) {
        const macPos = posAt(parsed, [...here, 'mac']);
        // A layer-3 device has no MAC to give: keeping one would put an Ethernet header where the kernel has none.
        if (el.layer3) out.push(diag(macPos, 'macOnLayer3', id, r.kind === 'device' && r.type === 'ipip' ? 'type ipip, like tunl0' : 'layer3: true'));
        else {
          if (!isMac(r.mac)) out.push(diag(macPos, 'badMac', r.mac));
          el.mac = r.mac.toLowerCase();
        }
      }
      if ('row' in r && r.row !== undefined) el.row = r.row;
      if (r.kind === 'table') el.rows = r.rows.map((row, k) => tableRow(row, k));
      elements[id] = el;
      written.push({ el, r, path: here, owner });
      ids.push(id);
      if ('contains' in r && r.contains) {
        const nextOwner = r.kind === 'node' || r.kind === 'pod' || r.kind === 'external' ? r.name : owner;
        el.children = visit(r.contains, [...here, 'contains'], el, nextOwner);
      }
    });
    return ids;
  };
  roots.push(...visit(raw, ['elements'], undefined, undefined));

  for (const { el, r, path } of written) if (r.kind === 'service' && r.endpoints) el.endpoints = endpoints(r.endpoints, [...path, 'endpoints'], elements, parsed, out);
  // Labels and rows need the whole tree (a pod's label shows its eth0 address; a table sits beside a device).
  for (const { el, r, path, owner } of written) {
    if (r.kind === 'table' && r.beside !== undefined) {
      const besideId = owner ? `${owner}/${r.beside}` : r.beside;
      const dev = elements[besideId];
      if (!dev || dev.kind !== 'device') {
        const siblings = Object.values(elements).filter((e) => e.kind === 'device' && e.parent === el.parent).map((e) => e.name);
        out.push(diag(posAt(parsed, [...path, 'beside']), 'besideNotDevice', r.beside, siblings));
      } else el.beside = besideId;
    }
    el.label = r.label === undefined ? defaultLabel(el, elements) : Array.isArray(r.label) ? r.label : [r.label];
  }
  for (const el of Object.values(elements)) {
    if (el.row !== undefined || !insideNode(el, elements)) continue;
    if (el.kind === 'pod') el.row = 0;
    else if (el.kind === 'device' && el.type) el.row = elements[el.parent ?? '']?.kind === 'pod' ? 0 : deviceRow[el.type as DeviceType];
  }
  for (const el of Object.values(elements)) {
    if (el.kind === 'table' && el.row === undefined && el.beside) el.row = elements[el.beside]?.row;
  }
  return { elements, roots };
}

/** A Service's endpoints are pods, each with an address DNS and DNAT can use. */
function endpoints(ids: string[], path: PathKey[], elements: Record<string, SceneElement>, parsed: ParsedScene, out: Diagnostic[]): string[] {
  const pods = Object.values(elements).filter((e) => e.kind === 'pod').map((e) => e.id);
  return ids.filter((id, k) => {
    if (elements[id]?.kind === 'pod') return true;
    out.push(diag(posAt(parsed, [...path, k]), 'endpointNotPod', id, pods));
    return false;
  });
}

function tableRow(row: Extract<RawElement, { kind: 'table' }>['rows'][number], k: number): TableRow {
  if (typeof row === 'string') return { id: String(k + 1), text: row };
  const out: TableRow = { id: row.id, text: row.text };
  if (row.initially === 'absent') out.absent = true;
  return out;
}

function insideNode(el: SceneElement, all: Record<string, SceneElement>): boolean {
  for (let p = el.parent; p; p = all[p]?.parent) if (all[p]?.kind === 'node') return true;
  return false;
}

function defaultLabel(el: SceneElement, all: Record<string, SceneElement>): string[] {
  switch (el.kind) {
    case 'node':
    case 'external':
      return [el.ip ? `${el.name} (${el.ip})` : el.name];
    case 'pod': {
      const dev = el.children.map((c) => all[c]).find((c) => c?.kind === 'device' && c.ip);
      return [dev?.ip ? `${el.name} ${dev.ip.split('/')[0]}` : el.name];
    }
    case 'device': {
      const first = el.name + (deviceSuffix[el.type as DeviceType] ?? '');
      return el.ip ? [first, el.ip] : [first];
    }
    case 'table':
      return [tableTitle[el.type as TableType]];
    case 'service':
      return [el.name, el.headless ? 'ClusterIP None (headless)' : `ClusterIP ${el.ip ?? ''}`.trim(), ...(el.endpoints?.length === 0 ? ['no endpoints'] : [])];
    default:
      return [el.name];
  }
}
