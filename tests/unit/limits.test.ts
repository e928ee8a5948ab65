// Each limit of src/scene/limits.ts: just over it is one diagnostic at the
// place where it was crossed, saying what was expected; at the limit, none.
// The small cases are also fixtures (tests/fixtures/broken/limit-*.yaml); the
// large ones are made here.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LIMITS, textPos } from '../../src/scene/limits.ts';
import { loadScene } from '../../src/scene/load.ts';
import { checkScene } from '../../src/pipeline.ts';
import { closest } from '../../src/scene/suggest.ts';
import type { Diagnostic } from '../../src/scene/diagnostic.ts';

const mini = readFileSync('tests/fixtures/valid/mini.yaml', 'utf8');

/** The diagnostics of a text, timed: every limit must answer quickly, even on a loaded machine. */
function check(text: string, budgetMs = 8000): Diagnostic[] {
  const t0 = performance.now();
  const r = loadScene(text, 'x.yaml');
  expect(performance.now() - t0).toBeLessThan(budgetMs);
  return r.diagnostics;
}

/** Line and column (1-based) of the n-th (0-based) match of a pattern. */
function nth(text: string, pattern: RegExp, n: number): { line: number; col: number } {
  const matches = [...text.matchAll(new RegExp(pattern.source, 'g'))];
  return textPos(text, matches[n]!.index!);
}

/** The limits' codes (KH5xxx) and the alias mistakes checked with them (KH1004, KH1005). */
const limitHits = (ds: Diagnostic[]) => ds.filter((d) => /^KH5\d{3}$|^KH100[45]$/.test(d.code));

describe('limits', () => {
  it('are documented in one place, and the bundled scenes are far below them', () => {
    expect(Object.keys(LIMITS)).toEqual(['bytes', 'depth', 'items', 'aliases', 'aliasValues', 'elements', 'links', 'steps', 'headers']);
    const src = readFileSync('src/scene/limits.ts', 'utf8');
    for (const key of Object.keys(LIMITS)) expect(src).toMatch(new RegExp(`/\\*\\*[^\\n]+\\*/\\n  ${key}:`));
  });

  describe('file size', () => {
    it('points at the character where the file goes past the limit', () => {
      const head = mini + '# padding\n';
      const text = head + '#'.repeat(LIMITS.bytes - head.length) + 'x\n';
      const ds = check(text);
      expect(ds).toHaveLength(1);
      expect(ds[0]).toMatchObject({ ...textPos(text, LIMITS.bytes), severity: 'error' });
      expect(ds[0]!.message).toMatch(/too large: expected at most 524288 bytes \(512 KiB\)/);
      // One byte less is not refused for its size.
      expect(limitHits(check(text.slice(0, LIMITS.bytes)))).toEqual([]);
    });

    it('counts bytes of UTF-8, not characters', () => {
      const text = '# ' + 'é'.repeat(LIMITS.bytes / 2);
      const ds = check(text);
      expect(ds[0]!.message).toMatch(/too large/);
      // "# " takes 2 bytes; the é that crosses the limit is the last one.
      expect(ds[0]).toMatchObject({ line: 1, col: text.length });
    });

    it('refuses a huge file at once, without reading it', () => {
      const ds = check('#'.repeat(20 * LIMITS.bytes), 500);
      expect(ds[0]!.message).toMatch(/too large/);
    });
  });

  describe('nesting depth', () => {
    it('[[[[… : points at the bracket one level too deep, even when the brackets never close', () => {
      for (const text of ['['.repeat(LIMITS.depth + 1) + ']'.repeat(LIMITS.depth + 1), 'a: ' + '['.repeat(50_000)]) {
        const ds = check(text);
        expect(ds).toHaveLength(1);
        expect(ds[0]!.message).toBe(`lists and maps nest too deeply here: expected at most ${LIMITS.depth} levels`);
        expect(ds[0]).toMatchObject(nth(text, /\[/, LIMITS.depth));
      }
    });

    it('- - - - … and nested maps: block nesting is limited too', () => {
      const seq = '- '.repeat(20_000) + 'x';
      expect(check(seq)[0]).toMatchObject({ line: 1, col: 2 * LIMITS.depth + 1, message: expect.stringMatching(/nest too deeply/) });
      const map = Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
      expect(check(map)[0]).toMatchObject({ line: LIMITS.depth + 1, message: expect.stringMatching(/nest too deeply/) });
    });

    it('at the limit is not refused for its depth', () => {
      expect(limitHits(check('['.repeat(LIMITS.depth) + ']'.repeat(LIMITS.depth)))).toEqual([]);
      expect(limitHits(check('- '.repeat(LIMITS.depth) + 'x'))).toEqual([]);
    });

    it('the fixture: a label 33 levels deep inside the scene', () => {
      const d = checkScene(readFileSync('tests/fixtures/broken/limit-depth.yaml', 'utf8'), 'd.yaml').diagnostics;
      expect(d).toHaveLength(1);
      expect(d[0]!.message).toMatch(/nest too deeply/);
    });
  });

  describe('items of one list or map', () => {
    it('points at the first item too many, in a list and in a map', () => {
      const list = 'x:\n' + '  - a\n'.repeat(LIMITS.items + 1);
      expect(check(list)).toEqual([expect.objectContaining({ line: LIMITS.items + 2, col: 3, message: `too many items in one list: expected at most ${LIMITS.items}, and this is number ${LIMITS.items + 1}` })]);
      const map = Array.from({ length: LIMITS.items + 1 }, (_, i) => `k${i}: 1`).join('\n');
      expect(check(map)).toEqual([expect.objectContaining({ line: LIMITS.items + 1, col: 1, message: expect.stringMatching(/too many keys in one map/) })]);
      const flow = '[' + 'a,'.repeat(LIMITS.items) + 'b]';
      expect(check(flow)[0]).toMatchObject({ line: 1, col: flow.length - 1 });
    });

    it('at the limit is not refused for its length', () => {
      expect(limitHits(check('x:\n' + '  - a\n'.repeat(LIMITS.items)))).toEqual([]);
    });
  });

  describe('YAML aliases', () => {
    it('points at the first alias too many', () => {
      const text = 'a: &a x\nb: [' + Array(LIMITS.aliases + 1).fill('*a').join(', ') + ']\n';
      expect(check(text)).toEqual([expect.objectContaining({ ...nth(text, /\*a/, LIMITS.aliases), message: `too many YAML aliases: expected at most ${LIMITS.aliases}, and '*a' is number ${LIMITS.aliases + 1}` })]);
      expect(limitHits(check('a: &a x\nb: [' + Array(LIMITS.aliases).fill('*a').join(', ') + ']\n'))).toEqual([]);
    });

    it('a billion laughs ends at once, at the alias that expands the document past the limit', () => {
      const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < 10; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
      const text = lines.join('\n');
      const ds = check(text, 1000);
      expect(ds).toHaveLength(1);
      // l1: 10 × 11 values, l2: 10 × 111, l3: the 8th alias of 1111 passes 10 000.
      expect(ds[0]).toMatchObject({ ...nth(text, /\*l2/, 7), message: `YAML aliases expand to too many values: expected at most ${LIMITS.aliasValues}, and '*l2' brings them to 10108` });
    });

    it('a quadratic blow-up (one long list, aliased many times) is caught the same way', () => {
      const text = `a: &a [${Array(2000).fill('x').join(', ')}]\nb: [${Array(10).fill('*a').join(', ')}]\n`;
      expect(check(text)[0]!.message).toMatch(/aliases expand to too many values/);
    });

    it('a loop (an alias inside the value it stands for) and an alias to nothing are diagnostics at the alias', () => {
      expect(check('a: &a [x, *a]')).toEqual([expect.objectContaining({ line: 1, col: 11, message: expect.stringMatching(/inside the value it stands for/) })]);
      expect(check('a: *b\nb: &b x')).toEqual([expect.objectContaining({ line: 1, col: 4, message: expect.stringMatching(/refers to no anchor/) })]);
    });

    it('ordinary aliases still work', () => {
      const text = mini.replace('caption: Out of pod A.', 'caption: &c Out of pod A.').replace('caption: Pod B receives it.', 'caption: *c');
      const r = checkScene(text, 'mini.yaml');
      expect(r.ok && r.steps[3]!.caption).toBe('Out of pod A.');
    });
  });

  describe('elements, links, steps and headers', () => {
    /** A scene with `devices` devices in one node, `links` links and `steps` steps. */
    function big({ devices = 2, links = 1, steps = 1 }): string {
      const els = Array.from({ length: devices }, (_, i) => `      - { kind: device, name: d${i}, type: veth }`);
      const ls = Array.from({ length: links }, (_, i) => `  - { kind: wire, between: [n/d${i % devices}, n/d${(i + 1) % devices}] }`);
      const ss = Array.from({ length: steps }, (_, i) => `  - { packet: p, to: n/d${(i + 1) % 2}, caption: hop ${i} }`);
      return ['apiVersion: kubehop/v1', 'kind: Scene', 'id: x', 'title: t', 'summary: s', 'elements:', '  - kind: node', '    name: n', '    contains:', ...els, 'links:', ...ls, 'packets:', '  - { id: p, origin: n/d0, headers: [{ ipip: {} }] }', 'steps:', ...ss].join('\n') + '\n';
    }

    it('elements: points at the first one too many, counting those inside others', () => {
      const text = big({ devices: LIMITS.elements });
      const ds = check(text);
      expect(ds).toEqual([expect.objectContaining({ ...nth(text, /\{ kind: device/, LIMITS.elements - 1), message: `too many elements: expected at most ${LIMITS.elements} (counting those inside others), and this is number ${LIMITS.elements + 1}` })]);
      expect(limitHits(check(big({ devices: LIMITS.elements - 1 })))).toEqual([]);
    });

    it('links: points at the first one too many', () => {
      const text = big({ devices: 100, links: LIMITS.links + 1 });
      expect(check(text)).toEqual([expect.objectContaining({ ...nth(text, /\{ kind: wire/, LIMITS.links), message: `too many links: expected at most ${LIMITS.links}, and this is number ${LIMITS.links + 1}` })]);
      expect(limitHits(check(big({ devices: 100, links: LIMITS.links })))).toEqual([]);
    });

    it('steps: points at the first one too many', () => {
      const text = big({ steps: LIMITS.steps + 1 });
      expect(check(text)).toEqual([expect.objectContaining({ ...nth(text, /\{ packet: p/, LIMITS.steps), message: `too many steps: expected at most ${LIMITS.steps}, and this is number ${LIMITS.steps + 1}` })]);
      const ok = checkScene(big({ steps: LIMITS.steps }), 'x.yaml');
      expect(ok.ok && ok.steps.length).toBe(LIMITS.steps);
    });

    it('headers: as written, points at the first one too many; encapsulation stops at the limit', () => {
      const text = big({}).replace('headers: [{ ipip: {} }]', `headers: [${Array(LIMITS.headers + 1).fill('{ ipip: {} }').join(', ')}]`);
      expect(check(text)).toEqual([expect.objectContaining({ ...nth(text, /\{ ipip/, LIMITS.headers), message: `too many headers on one packet: expected at most ${LIMITS.headers}, and this is number ${LIMITS.headers + 1}` })]);
      // Each encap adds four headers; a scene that never decapsulates is stopped at the limit, at the step.
      const encaps = big({ steps: 10 }).replace(/to: n\/d\d, caption: hop (\d+)/g, 'at: n/d0, ops: [{ encap: { type: vxlan, src: n/d0, dst: n/d1 } }], caption: hop $1');
      const withAddresses = encaps.replace(/type: veth \}/g, 'type: veth, ip: 10.0.0.1, mac: 0a:00:00:00:00:01 }');
      const r = checkScene(withAddresses, 'x.yaml');
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      // 1 written + 4 per encap: the 8th encap would make 33.
      expect(errors[0]!.message).toBe(`step 8: encap: the packet would have more than ${LIMITS.headers} headers; expected at most that (is a 'decap' missing?)`);
      expect(errors[0]!.line).toBe(nth(withAddresses, /packet: p/, 7).line);
    });
  });

  describe('long strings', () => {
    it('"did you mean" skips what is too long to be a typo (comparing two long strings is slow)', () => {
      expect(closest('a'.repeat(200), ['a'.repeat(199)])).toBeUndefined();
      expect(closest('pod-b/eht0', ['pod-b/eth0', 'x'.repeat(100_000)])).toBe('pod-b/eth0');
      const long = 'a'.repeat(100_000);
      const text = mini.replace('name: pod-a', `name: ${long}`).replace('origin: pod-a/eth0', `origin: ${long}b/eth0`);
      const t0 = performance.now();
      expect(checkScene(text, 'mini.yaml').ok).toBe(false);
      expect(performance.now() - t0).toBeLessThan(5000);
    });

    it('a long bad value is cut short in its message', () => {
      const text = mini.replace('kind: pod', `kind: ${'p'.repeat(50_000)}`);
      const d = checkScene(text, 'mini.yaml').diagnostics[0]!;
      expect(d.message).toMatch(/^unknown 'kind' of element 'pod-a' "p{76}…; expected one of: node, pod,/);
    });
  });
});
