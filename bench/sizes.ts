// What a page downloads: the embed runtime gzipped (zlib level 9), and the
// runtime plus one scene (bundle, or raw YAML with the lazy pipeline + elkjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzFile } from './lib.ts';

/** Chunks a module imports statically and lazily (`import("./x.js")`). */
function imports(embed: string, file: string): { statics: string[]; lazies: string[] } {
  const code = readFileSync(join(embed, file), 'utf8');
  const statics = [...code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => m[1]!);
  const lazies = [...code.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!);
  return { statics: [...new Set(statics)], lazies: [...new Set(lazies)] };
}

function closure(embed: string, roots: string[], lazyToo: boolean): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const i = imports(embed, f);
    queue.push(...i.statics, ...(lazyToo ? i.lazies : []));
  }
  return [...seen];
}

export interface Sizes {
  /** kubehop.js and what it imports statically: every page pays this. */
  runtimeGz: number;
  runtimeFiles: string[];
  /** The lazy chunks a YAML src adds (pipeline, elkjs). */
  lazyGz: number;
  /** Each bundled scene's JSON, gzipped. */
  bundleGz: Record<string, number>;
  /** Each scene's YAML, gzipped. */
  yamlGz: Record<string, number>;
}

export function measureSizes(out: string): Sizes {
  const embed = join(out, 'embed');
  const runtimeFiles = closure(embed, ['kubehop.js'], false);
  const all = closure(embed, ['kubehop.js'], true);
  const runtimeGz = runtimeFiles.reduce((n, f) => n + gzFile(join(embed, f)), 0);
  const lazyGz = all.filter((f) => !runtimeFiles.includes(f)).reduce((n, f) => n + gzFile(join(embed, f)), 0);
  const bundleGz: Record<string, number> = {};
  const yamlGz: Record<string, number> = {};
  for (const f of readdirSync(join(embed, 'scenes')).filter((n) => n.endsWith('.json')).sort()) {
    const id = f.replace(/\.json$/, '');
    bundleGz[id] = gzFile(join(embed, 'scenes', f));
    if (existsSync(join('scenes', `${id}.yaml`))) yamlGz[id] = gzFile(join('scenes', `${id}.yaml`));
  }
  return { runtimeGz, runtimeFiles, lazyGz, bundleGz, yamlGz };
}
