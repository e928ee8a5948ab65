// Diagnostic codes: each one in the messages module is documented with an
// example that produces it, and nothing reports a diagnostic that the module
// did not make.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkScene } from '../../src/pipeline.ts';
import { MESSAGES } from '../../src/scene/messages.ts';
import { LIMITS } from '../../src/scene/limits.ts';
import type { Diagnostic } from '../../src/scene/diagnostic.ts';

const DOC = readFileSync('docs/diagnostics.md', 'utf8');
const HEAD = 'apiVersion: kubehop/v1\nkind: Scene\nid: example\ntitle: Example\nsummary: One packet, one step.\n';
const entries = Object.values(MESSAGES);
const byCode = new Map(entries.map((m) => [m.code, m]));

interface Section {
  code: string;
  title: string;
  body: string;
}

/** The `### KHnnnn — Title` sections of the document. */
function sections(): Section[] {
  const parts = DOC.split(/^### /m).slice(1);
  return parts.map((p) => {
    const [heading = '', ...rest] = p.split('\n');
    const m = /^(KH\d{4}) — (.+)$/.exec(heading);
    if (!m) throw new Error(`a section heading is not "KHnnnn — Title": ${heading}`);
    return { code: m[1]!, title: m[2]!, body: rest.join('\n') };
  });
}

/** Examples too large to write out: made here instead, as the document describes them. */
const GENERATED: Record<string, () => string> = {
  KH5001: () => HEAD + '# ' + 'x'.repeat(LIMITS.bytes) + '\n',
  KH5003: () => HEAD + 'elements:\n' + '  - x\n'.repeat(LIMITS.items + 1),
};

/** Codes no scene text is known to reach; the document says so for each. */
const NO_EXAMPLE = ['KH1003', 'KH9001'];

/** The text (and file name) of a section's example: its first YAML block, or the fixture it links to. */
function example(s: Section): { file: string; text: string } | undefined {
  const block = /```yaml\n([\s\S]*?)```/.exec(s.body)?.[1];
  if (block !== undefined) return { file: 'example.yaml', text: block.startsWith('apiVersion:') || block.startsWith('%') ? block : HEAD + block };
  const fixture = /Example: \[(tests\/fixtures\/[^\]]+\.yaml)\]/.exec(s.body)?.[1];
  if (fixture) return { file: fixture, text: readFileSync(fixture, 'utf8') };
  const make = GENERATED[s.code];
  return make ? { file: 'example.yaml', text: make() } : undefined;
}

describe('diagnostic codes', () => {
  it('are unique, well formed, and each in the range of its stage', () => {
    const codes = entries.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^KH[1-59]\d{3}$/);
    for (const m of entries) expect(m.title.trim()).not.toBe('');
  });

  it('are each documented once, with the module title and severity, in numeric order', () => {
    const docs = sections();
    expect(docs.map((s) => s.code)).toEqual([...byCode.keys()].sort());
    for (const s of docs) {
      const m = byCode.get(s.code)!;
      expect(s.title, s.code).toBe(m.title);
      expect(s.body.trimStart().startsWith(m.severity === 'error' ? 'Error' : 'Warning'), `${s.code} says its severity first`).toBe(true);
    }
  });

  for (const s of sections()) {
    it(`${s.code}: the documented example produces it`, () => {
      const ex = example(s);
      if (NO_EXAMPLE.includes(s.code)) {
        expect(ex, `${s.code} is listed as having no example`).toBeUndefined();
        expect(s.body).toMatch(/[Nn]o example/);
        return;
      }
      expect(ex, `${s.code} has an example`).toBeDefined();
      const ds = checkScene(ex!.text, ex!.file).diagnostics;
      expect(ds.map((d) => d.code), ds.map((d) => d.message).join('\n')).toContain(s.code);
    });
  }

  it('the README links the list', () => {
    expect(readFileSync('README.md', 'utf8').includes('docs/diagnostics.md')).toBe(true);
  });
});

describe('no diagnostic comes from outside the messages module', () => {
  const known = (d: Diagnostic) => byCode.get(d.code)?.severity === d.severity;

  it('every fixture, bundled scene and template reports only known codes', () => {
    const files = [
      ...['tests/fixtures/broken', 'tests/fixtures/yaml-mistakes', 'tests/fixtures/valid'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f))),
      ...readdirSync('scenes').filter((f) => f.endsWith('.yaml')).map((f) => join('scenes', f)),
    ];
    let seen = 0;
    for (const file of files) {
      const ds = checkScene(readFileSync(file, 'utf8'), file).diagnostics;
      seen += ds.length;
      for (const d of ds) expect(known(d), `${file}: ${JSON.stringify(d)}`).toBe(true);
    }
    expect(seen).toBeGreaterThan(50);
  });

  it('no source file but the module writes a severity or a code by hand', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : []));
    const offenders = walk('src')
      .filter((f) => f !== join('src', 'scene', 'messages.ts'))
      .filter((f) => /severity: '(error|warning)'\s*[,}]|\bcode: '|\bKH\d{4}\b/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
