// Addresses are written once, on the element that owns them, and referred to by id elsewhere.
import type { SceneElement } from './model.ts';
import { didYouMean } from './suggest.ts';
import type { Diagnostic } from './diagnostic.ts';
import { posAt, type ParsedScene, type PathKey } from './parse.ts';
import { diag } from './messages.ts';

export function isMac(s: string): boolean {
  return /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(s);
}

export function isIpv4(s: string, allowPrefix = false): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(s);
  if (!m) return false;
  if (m[5] !== undefined && (!allowPrefix || Number(m[5]) > 32)) return false;
  return m.slice(1, 5).every((o) => Number(o) <= 255);
}

/** The address without its prefix length. */
export function hostIp(ip: string): string {
  return ip.split('/')[0] ?? ip;
}

/** A failure names its message; the field it was written in is added where it is reported. */
export type Resolved = { ok: true; value: string } | { ok: false; name: 'notMacOrElement' | 'notIpOrElement' | 'noSuchElement' | 'noMac' | 'layer3NoMac' | 'noIp'; guess?: string };

export function resolveMac(addr: string, elements: Record<string, SceneElement>): Resolved {
  if (isMac(addr)) return { ok: true, value: addr.toLowerCase() };
  const el = elements[addr];
  if (!el) return { ok: false, name: 'notMacOrElement', guess: didYouMean(addr, Object.keys(elements)) };
  if (el.layer3) return { ok: false, name: 'layer3NoMac' };
  if (!el.mac) return { ok: false, name: 'noMac' };
  return { ok: true, value: el.mac };
}

export function resolveIp(addr: string, elements: Record<string, SceneElement>): Resolved {
  if (isIpv4(addr)) return { ok: true, value: addr };
  const el = elements[addr];
  if (!el) return { ok: false, name: 'notIpOrElement', guess: didYouMean(addr, Object.keys(elements)) };
  if (!el.ip) return { ok: false, name: 'noIp' };
  return { ok: true, value: hostIp(el.ip) };
}

export function resolveElement(id: string, elements: Record<string, SceneElement>): Resolved {
  if (elements[id]) return { ok: true, value: id };
  return { ok: false, name: 'noSuchElement', guess: didYouMean(id, Object.keys(elements)) };
}

export type Lookup = (a: string, e: Record<string, SceneElement>) => Resolved;

/**
 * Resolves fields of one written map (a header or an operation at `here`);
 * a failure is reported at the field and stands in as '?', so checking goes on.
 */
export function fieldResolver(parsed: ParsedScene, here: PathKey[], what: string, fields: Record<string, unknown>, elements: Record<string, SceneElement>, out: Diagnostic[]) {
  return (field: string, how: Lookup): string => {
    const written = String(fields[field]);
    const r = how(written, elements);
    if (r.ok) return r.value;
    const pos = posAt(parsed, [...here, field]);
    if (r.name === 'noMac' || r.name === 'noIp' || r.name === 'layer3NoMac') out.push(diag(pos, r.name, `${what} ${field}`, written));
    else out.push(diag(pos, r.name, `${what} ${field}`, written, r.guess ?? ''));
    return '?';
  };
}
