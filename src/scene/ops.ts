// validate, part 2c: a step's written operations → operations with every reference resolved.
import type { DnatBy, Op, RejectWith, SceneElement, TunnelTtl } from './model.ts';
import type { Diagnostic } from './diagnostic.ts';
import { resolveElement, resolveIp, resolveMac, fieldResolver } from './addresses.ts';
import type { ParsedScene, PathKey } from './parse.ts';

export function resolveOps(parsed: ParsedScene, raw: unknown[], path: PathKey[], elements: Record<string, SceneElement>, out: Diagnostic[]): Op[] {
  const ops: Op[] = [];
  raw.forEach((r, i) => {
    if (typeof r === 'string') {
      ops.push({ op: r } as Op);
      return;
    }
    const [name, p] = Object.entries(r as Record<string, unknown>)[0] as [string, Record<string, unknown>];
    const here = [...path, i, name];
    const get = fieldResolver(parsed, here, name, p, elements, out);
    switch (name) {
      case 'bridge':
        ops.push({ op: 'bridge', toMac: get('to', resolveMac) });
        break;
      case 'route':
        // Out of a layer-3 device (tunl0) the packet gets no Ethernet header, so there is no MAC to take.
        if (elements[String(p.dev)]?.layer3) ops.push({ op: 'route', dev: get('dev', resolveElement), nextHop: get('via', resolveElement) });
        else ops.push({ op: 'route', dev: get('dev', resolveElement), devMac: get('dev', resolveMac), nextHop: get('via', resolveElement), nextHopMac: get('via', resolveMac) });
        break;
      case 'encap': {
        const common = { src: get('src', resolveIp), dst: get('dst', resolveIp), srcMac: get('src', resolveMac), dstMac: get('dst', resolveMac) };
        const ttl = p.ttl as TunnelTtl | undefined;
        if (p.type === 'ipip') ops.push({ op: 'encap', type: 'ipip', ...common, ttl: ttl ?? 'inherit' });
        else {
          const op: Op = { op: 'encap', type: 'vxlan', vni: (p.vni as number | undefined) ?? 1, dport: (p.dport as number | undefined) ?? 8472, ...common };
          if (ttl !== undefined) op.ttl = ttl;
          if (p.sport !== undefined) op.sport = p.sport as number;
          ops.push(op);
        }
        break;
      }
      case 'dnat':
      case 'snat': {
        const op: Extract<Op, { op: 'dnat' | 'snat' }> = { op: name, to: get('to', resolveIp) };
        if (p.port !== undefined) op.port = p.port as number;
        // iptables is the default and is left implicit, so existing traces keep their shape.
        if (op.op === 'dnat' && p.by !== undefined && p.by !== 'iptables') op.by = p.by as DnatBy;
        ops.push(op);
        break;
      }
      case 'masquerade':
        ops.push({ op: 'masquerade', to: get('dev', resolveIp) });
        break;
      case 'dns-query':
        ops.push({ op: 'dns-query', id: p.id as number, qname: p.qname as string, qtype: p.qtype as string });
        break;
      case 'dns-answer':
        ops.push({ op: 'dns-answer', rcode: (p.rcode as string | undefined) ?? 'NOERROR', answers: (p.answers as string[] | undefined) ?? [] });
        break;
      case 'drop':
        ops.push({ op: 'drop', reason: String(p) });
        break;
      case 'reject': {
        const op: Op = { op: 'reject', with: (p.with as RejectWith | undefined) ?? 'icmp-port-unreachable', answer: String(p.answer) };
        if (p.reason !== undefined) op.reason = String(p.reason);
        ops.push(op);
        break;
      }
      case 'wait': {
        const op: Op = { op: 'wait', ms: milliseconds(String(p.time)) };
        if (p.reason !== undefined) op.reason = String(p.reason);
        ops.push(op);
        break;
      }
    }
  });
  return ops;
}

/** `200ms`, `1s`, `1.5s` (the schema has checked the form). */
function milliseconds(time: string): number {
  const n = parseFloat(time);
  return time.endsWith('ms') ? n : Math.round(n * 1000);
}
