// validate, part 2b: a packet's written headers → concrete header values.
import type { Header, SceneElement } from './model.ts';
import type { Diagnostic } from './diagnostic.ts';
import { resolveIp, resolveMac, fieldResolver } from './addresses.ts';
import type { ParsedScene, PathKey } from './parse.ts';

type RawHeader = Record<string, Record<string, unknown>>;

export function resolveHeaders(parsed: ParsedScene, raw: RawHeader[], path: PathKey[], elements: Record<string, SceneElement>, out: Diagnostic[]): Header[] {
  const headers: Header[] = [];
  raw.forEach((h, i) => {
    const [layer, f] = Object.entries(h)[0] as [string, Record<string, unknown>];
    const here = [...path, i, layer];
    const get = fieldResolver(parsed, here, layer, f, elements, out);
    switch (layer) {
      case 'eth':
        headers.push({ layer, src: get('src', resolveMac), dst: get('dst', resolveMac) });
        break;
      case 'arp':
        headers.push({
          layer,
          op: f.op as 'request' | 'reply',
          senderIp: get('sender', resolveIp),
          senderMac: get('sender', resolveMac),
          targetIp: get('target', resolveIp),
          // A request does not know the target's MAC yet: that is what it asks for.
          targetMac: f.op === 'request' ? '00:00:00:00:00:00' : get('target', resolveMac),
        });
        break;
      case 'ipv4':
        headers.push({ layer, src: get('src', resolveIp), dst: get('dst', resolveIp), ttl: (f.ttl as number | undefined) ?? 64 });
        break;
      case 'tcp':
        headers.push({ layer, sport: f.sport as number, dport: f.dport as number, flags: (f.flags as string | undefined) ?? 'SYN' });
        break;
      case 'bgp': {
        const b: Header = { layer, type: f.type as string };
        if (f.prefix !== undefined) b.prefix = f.prefix as string;
        if (f.nextHop !== undefined) b.nextHop = get('nextHop', resolveIp);
        headers.push(b);
        break;
      }
      default:
        headers.push({ layer, ...f } as Header);
    }
  });
  return headers;
}
