// A scene's conntrack rows against `conntrack -L` after the run. The scenes
// write an entry abridged (`udp 10.244.1.2:43001 → 10.96.0.10:53 [UNREPLIED]
// reply: 10.244.1.9:53 → 10.244.1.2:43001`); the kernel prints
// `udp 17 29 src=… dst=… sport=… dport=… [UNREPLIED] src=… … mark=0 use=1`.
// Compared: protocol, both tuples and whether the entry is still unreplied.
// The timeout, state and counters are the kernel's to pick: not compared.
// A port the kernel chose (a DNS client's) is compared by rule: one kernel
// port wherever the row shows that scene port.

export interface CtEntry { proto: string; orig: string[]; reply: string[]; unreplied: boolean }

const ROW = /^(tcp|udp|icmp)\s+([\d.]+):(\d+)\s+→\s+([\d.]+):(\d+)(\s+\[UNREPLIED\])?\s+reply:\s+([\d.]+):(\d+)\s+→\s+([\d.]+):(\d+)$/;

/** A scene row, or undefined when it is not written in the abridged form above. */
export function parseCtRow(text: string): CtEntry | undefined {
  const m = ROW.exec(text.trim());
  if (!m) return undefined;
  return { proto: m[1]!, orig: [m[2]!, m[4]!, m[3]!, m[5]!], reply: [m[7]!, m[9]!, m[8]!, m[10]!], unreplied: m[6] !== undefined };
}

/** One line of `conntrack -L`: tuples as [src, dst, sport, dport]. */
export function parseCtLine(line: string): CtEntry | undefined {
  const proto = /^(\w+)\s/.exec(line.trim())?.[1];
  const kv = [...line.matchAll(/\b(src|dst|sport|dport)=(\S+)/g)].map((m) => [m[1]!, m[2]!] as const);
  if (!proto || kv.length < 8) return undefined;
  const tuple = (part: (readonly [string, string])[]) => ['src', 'dst', 'sport', 'dport'].map((k) => part.find(([x]) => x === k)?.[1] ?? '');
  return { proto, orig: tuple(kv.slice(0, 4)), reply: tuple(kv.slice(4, 8)), unreplied: line.includes('[UNREPLIED]') };
}

const show = (e: CtEntry) => `${e.proto} ${e.orig[0]}:${e.orig[2]} → ${e.orig[1]}:${e.orig[3]}${e.unreplied ? ' [UNREPLIED]' : ''}  reply: ${e.reply[0]}:${e.reply[2]} → ${e.reply[1]}:${e.reply[3]}`;

/** Undefined when an entry of `output` is the row (chosen ports by rule); else why not, in words. */
export function ctRowDiffers(row: string, output: string, chosen: ReadonlySet<number>): string | undefined {
  const want = parseCtRow(row);
  if (!want) return 'not written as `proto src:port → dst:port  reply: src:port → dst:port`';
  const lines = output.split('\n').map(parseCtLine).filter((e) => e !== undefined);
  const fits = (got: CtEntry) => {
    if (got.proto !== want.proto || got.unreplied !== want.unreplied) return false;
    const bound = new Map<string, string>();
    const w = [...want.orig, ...want.reply];
    const g = [...got.orig, ...got.reply];
    return w.every((v, i) => {
      const isPort = i % 4 >= 2;
      if (!isPort || !chosen.has(Number(v))) return v === g[i];
      if (bound.has(v)) return bound.get(v) === g[i];
      bound.set(v, g[i]!);
      return true;
    });
  };
  if (lines.some(fits)) return undefined;
  const near = lines.filter((e) => e.proto === want.proto && (e.orig[0] === want.orig[0] || e.orig[1] === want.orig[1]));
  return `conntrack -L there shows ${near.length ? near.map((e) => `“${show(e)}”`).join(', ') : `no ${want.proto} entry from ${want.orig[0]} or to ${want.orig[1]}`}`;
}
